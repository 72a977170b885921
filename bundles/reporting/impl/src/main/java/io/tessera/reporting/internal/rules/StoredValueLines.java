package io.tessera.reporting.internal.rules;

import io.tessera.platform.api.Money;
import io.tessera.reporting.api.StoredValueLine;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The stored-value report's lines: rows, principal and bonus as the journal moved them (out negative), amount =
 * principal + bonus; the types in the order the back office lists them.
 */
public final class StoredValueLines {

    private static final List<String> TYPES = List.of("RECHARGE", "REVERSAL", "CONSUME", "REFUND", "SV_REFUND", "MIGRATION_IN", "ADJUSTMENT");

    /** Known types first, in the back office's order, then any other by name. */
    public static final Comparator<String> TYPE_ORDER = Comparator.comparingInt((String t) -> TYPES.indexOf(t) < 0 ? TYPES.size() : TYPES.indexOf(t))
            .thenComparing(Comparator.naturalOrder());

    private StoredValueLines() {
    }

    public static StoredValueLine line(String type, String period) {
        StoredValueLine l = new StoredValueLine();
        l.type = type;
        l.period = period;
        l.principal = Money.ZERO;
        l.bonus = Money.ZERO;
        l.amount = Money.ZERO;
        return l;
    }

    /** Adds a sums row's rows, principal and bonus (columns {@code at}, at + 1, at + 2). */
    public static void add(StoredValueLine l, Object[] row, int at) {
        l.entries += ((Number) row[at]).longValue();
        l.principal = l.principal.plus(Money.of(decimal(row[at + 1])));
        l.bonus = l.bonus.plus(Money.of(decimal(row[at + 2])));
        l.amount = l.principal.plus(l.bonus);
    }

    private static BigDecimal decimal(Object o) {
        return o == null ? BigDecimal.ZERO : o instanceof BigDecimal b ? b : new BigDecimal(o.toString());
    }
}
