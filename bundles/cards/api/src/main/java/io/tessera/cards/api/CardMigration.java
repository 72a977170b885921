package io.tessera.cards.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A card's migration into a member's stored value (实体卡迁移), recorded once and never changed. */
@XmlType(name = "cardMigration")
public class CardMigration {
    public Long id;
    public String cardNo;
    public Long memberId;
    public String memberNo;
    /** e.g. 138****0001: full phone numbers are not repeated in answers about cards. */
    public String maskedPhone;
    /** The card's balance, credited as principal. */
    public Money amount;
    /** The card's owning store, where the migration was done. */
    public Long storeId;
    public Long accountId;
    /** The journal row of the credit (type MIGRATION_IN, carrying the card no). */
    public Long journalEntryId;
    public String remark;
    public List<VoucherInfo> vouchers;
    public String operatorEmployeeNo;
    public String operatorName;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime migratedAt;
}
