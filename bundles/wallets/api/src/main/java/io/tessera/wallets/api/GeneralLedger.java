package io.tessera.wallets.api;

import io.tessera.platform.api.Money;
import java.util.List;
import javax.xml.bind.annotation.XmlType;

/** 门店总账: totals by business type and the cumulative effective stored value of a store or a format. */
@XmlType(name = "generalLedgerReport")
public class GeneralLedger {
    public Long storeId;
    public String formatCode;
    public List<TypeTotal> totals;
    /** Principal + bonus held, net of refunds and reversals: equals the sum of the accounts' balances. */
    public Money effectivePrincipal;
    public Money effectiveBonus;
    public Money effectiveTotal;

    public static class TypeTotal {
        public EntryType type;
        public long count;
        public Money principal;
        public Money bonus;
    }
}
