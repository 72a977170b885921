package io.tessera.cards.api;

import io.tessera.platform.api.Money;
import javax.xml.bind.annotation.XmlType;

/**
 * Filters of the card query (实体卡余额查询). A store-level caller sees only its stores' cards; null
 * means "any".
 */
@XmlType(name = "cardQueryRequest")
public class CardQuery {
    public Long storeId;
    public String typeCode;
    /** Exact card no. */
    public String cardNo;
    /** Card nos starting with this. */
    public String cardNoPrefix;
    public Money minBalance;
    public Money maxBalance;
    public CardStatus status;
    public MigrationStatus migrationStatus;
    public int page = 1;
    public int size = 20;
}
