package io.tessera.cards.api;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A legacy plastic stored-value card as imported from the CRM (实体卡). */
@XmlType(name = "card")
public class Card {
    public String cardNo;
    public String typeCode;
    public String typeName;
    /** The owning store. */
    public Long storeId;
    /** "103 - 蓝色港湾健康中心". */
    public String storeLabel;
    /** The balance the CRM exported: what a migration moves. */
    public Money balance;
    public CardStatus status;
    public MigrationStatus migrationStatus;
    /** The import that last wrote the card, and the line of its file. */
    public Long importId;
    public Long importLine;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime updatedAt;
    /** The migration, for a migrated card looked up by number (not filled in lists). */
    public CardMigration migration;
}
