package io.tessera.cards.internal.imports;

import io.tessera.cards.api.CardStatus;
import io.tessera.platform.api.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How one cell of a CRM export becomes a value, or why it cannot: every rule of a row in one place,
 * each failure a {@link RowRejected} with a stable code.
 */
public final class CardRowRules {

    /** What a card no may be, in files and in requests alike. */
    public static final Pattern CARD_NO = Pattern.compile("[0-9A-Za-z-]{1,64}");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE][+]?\\d+");
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED_AMOUNT = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u3000]+");
    /** Excel keeps 15 significant digits: a longer number in a spreadsheet cell is a floating-point artefact. */
    private static final MathContext EXCEL_PRECISION = new MathContext(15);

    private static final Map<String, CardStatus> STATUS = Map.ofEntries(
            Map.entry("active", CardStatus.ACTIVE), Map.entry("normal", CardStatus.ACTIVE), Map.entry("正常", CardStatus.ACTIVE),
            Map.entry("有效", CardStatus.ACTIVE), Map.entry("启用", CardStatus.ACTIVE), Map.entry("在用", CardStatus.ACTIVE),
            Map.entry("lost", CardStatus.LOST), Map.entry("挂失", CardStatus.LOST), Map.entry("已挂失", CardStatus.LOST),
            Map.entry("frozen", CardStatus.FROZEN), Map.entry("冻结", CardStatus.FROZEN), Map.entry("已冻结", CardStatus.FROZEN),
            Map.entry("void", CardStatus.VOID), Map.entry("voided", CardStatus.VOID), Map.entry("cancelled", CardStatus.VOID),
            Map.entry("作废", CardStatus.VOID), Map.entry("已作废", CardStatus.VOID), Map.entry("注销", CardStatus.VOID),
            Map.entry("已注销", CardStatus.VOID));

    private CardRowRules() {
    }

    /** A row that cannot be imported: a stable code and a sentence for the operator. */
    public static final class RowRejected extends Exception {
        private static final long serialVersionUID = 1L;
        public final String code;

        public RowRejected(String code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }

    public static String cardNo(String raw) throws RowRejected {
        String v = SPACES.matcher(raw == null ? "" : raw).replaceAll("");
        if (v.isEmpty()) {
            throw new RowRejected("MISSING_CARD_NO", "the card no is empty");
        }
        if (SCIENTIFIC.matcher(v).matches()) {
            BigDecimal n = new BigDecimal(v);
            if (n.stripTrailingZeros().scale() > 0) {
                throw new RowRejected("BAD_CARD_NO", "card no " + v + " is a number in exponent form: format the column as text");
            }
            v = n.toBigIntegerExact().toString();
        }
        if (!CARD_NO.matcher(v).matches()) {
            throw new RowRejected("BAD_CARD_NO", "card no '" + abbreviate(v) + "' may hold only letters, digits and '-', at most 64");
        }
        return v;
    }

    /**
     * A balance with at most 2 decimals. Tolerates a currency sign, thousands separators and spaces;
     * {@code spreadsheet} numbers are first cut to Excel's 15 significant digits.
     */
    public static Money balance(String raw, boolean spreadsheet) throws RowRejected {
        String v = SPACES.matcher(raw == null ? "" : raw).replaceAll("");
        v = v.replace("¥", "").replace("￥", "").replace("元", "").replace("RMB", "").replace("CNY", "");
        if (v.isEmpty()) {
            throw new RowRejected("BAD_AMOUNT", "the balance is empty");
        }
        if (GROUPED_AMOUNT.matcher(v).matches()) {
            v = v.replace(",", "");
        }
        BigDecimal n;
        if (PLAIN_AMOUNT.matcher(v).matches()) {
            n = new BigDecimal(v);
        } else if (spreadsheet && SCIENTIFIC.matcher(v).matches()) {
            n = new BigDecimal(v);
        } else {
            throw new RowRejected("BAD_AMOUNT", "balance '" + abbreviate(raw.trim()) + "' is not an amount");
        }
        if (spreadsheet && n.precision() > 15) {
            n = n.round(EXCEL_PRECISION);
        }
        if (n.signum() < 0) {
            throw new RowRejected("BAD_AMOUNT", "balance " + n.toPlainString() + " is negative");
        }
        if (n.stripTrailingZeros().scale() > Money.SCALE) {
            throw new RowRejected("BAD_AMOUNT", "balance " + n.toPlainString() + " has more than 2 decimal places");
        }
        if (n.compareTo(Money.MAX) > 0) {
            throw new RowRejected("BAD_AMOUNT", "balance " + n.toPlainString() + " is too large");
        }
        return Money.of(n);
    }

    public static CardStatus status(String raw) throws RowRejected {
        String v = SPACES.matcher(raw == null ? "" : raw).replaceAll("").toLowerCase(Locale.ROOT);
        CardStatus s = STATUS.get(v);
        if (s == null) {
            throw new RowRejected("BAD_STATUS", "card status '" + abbreviate(v)
                    + "' is not one of 正常/ACTIVE, 挂失/LOST, 冻结/FROZEN, 作废/VOID");
        }
        return s;
    }

    /** The store code of "103 - 蓝色港湾健康中心", "103 蓝色港湾健康中心" or "103". */
    public static String storeCode(String raw) throws RowRejected {
        String v = raw == null ? "" : raw.replace('\u00A0', ' ').replace('\u3000', ' ').trim();
        if (v.isEmpty()) {
            throw new RowRejected("UNKNOWN_STORE", "the store is empty");
        }
        int cut = v.length();
        for (String sep : new String[] {" - ", "-", " ", "－", "—"}) {
            int i = v.indexOf(sep);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return v.substring(0, cut).trim();
    }

    public static String abbreviate(String v) {
        return v.length() <= 40 ? v : v.substring(0, 40) + "…";
    }
}
