package io.tessera.cards.internal.jpa;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A legacy card, keyed by its number. Imports write it only while it is not migrated; a migration
 * locks it and marks it MIGRATED and VOID. The version column makes an import that read the card
 * before a concurrent migration fail instead of overwriting it.
 */
@Entity
@Table(name = "CRD_CARD", indexes = @Index(name = "CRD_CARD_STORE", columnList = "STORE_ID, CARD_NO"))
public class CardEntity {

    @Id
    @Column(name = "CARD_NO", length = 64)
    public String cardNo;

    @Column(name = "TYPE_ID", nullable = false)
    public long typeId;

    @Column(name = "STORE_ID", nullable = false)
    public long storeId;

    @Column(name = "BALANCE", precision = 19, scale = 2, nullable = false)
    public BigDecimal balance;

    @Column(name = "STATUS", length = 10, nullable = false)
    public String status;

    @Column(name = "MIGRATION_STATUS", length = 14, nullable = false)
    public String migrationStatus;

    @Column(name = "IMPORT_ID", nullable = false)
    public long importId;

    @Column(name = "IMPORT_LINE", nullable = false)
    public long importLine;

    @Column(name = "UPDATED_AT", nullable = false)
    public LocalDateTime updatedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    public long version;
}
