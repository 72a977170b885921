package io.tessera.cards.api;

import javax.xml.bind.annotation.XmlType;

/** The migration form after the code was sent: the card, the member and where the balance will go. */
@XmlType(name = "migrationPreview")
public class MigrationPreview {
    public Card card;
    public Long memberId;
    public String memberNo;
    public String memberName;
    public String maskedPhone;
    /** Where the code went, masked. */
    /** Minutes the code stays valid. */
    public int codeValidMinutes;
}
