package io.tessera.cards.internal.imports;

import io.tessera.cards.api.CardErrors;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the columns of a CRM export by their header, in Chinese or English, whatever their order
 * and spelling quirks (BOM, case, spaces, underscores, brackets).
 */
public final class CardColumns {

    public enum Field {
        CARD_NO("card no (卡号)", "cardno", "cardnumber", "card", "卡号", "卡号码", "实体卡号", "会员卡号", "储值卡号"),
        TYPE("card type (卡类型)", "cardtype", "type", "cardkind", "卡类型", "卡类别", "卡种", "卡种类", "类型"),
        BALANCE("balance (余额)", "balance", "cardbalance", "amount", "余额", "卡余额", "当前余额", "储值余额", "金额", "余额元"),
        STORE("store (所属门店)", "store", "storecode", "owningstore", "shop", "门店", "所属门店", "门店编码", "开卡门店", "归属门店"),
        STATUS("status (卡状态)", "status", "cardstatus", "state", "状态", "卡状态");

        final String label;
        final List<String> names;

        Field(String label, String... names) {
            this.label = label;
            this.names = List.of(names);
        }
    }

    private final Map<Field, Integer> index;

    private CardColumns(Map<Field, Integer> index) {
        this.index = index;
    }

    /** Maps the header row; a missing column fails the whole file with a message naming it. */
    public static CardColumns of(List<String> header) {
        Map<Field, Integer> index = new EnumMap<>(Field.class);
        for (int i = 0; i < header.size(); i++) {
            String name = normalize(header.get(i));
            for (Field f : Field.values()) {
                if (!index.containsKey(f) && f.names.contains(name)) {
                    index.put(f, i);
                    break;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Field f : Field.values()) {
            if (!index.containsKey(f)) {
                missing.add(f.label);
            }
        }
        if (!missing.isEmpty()) {
            throw CardErrors.IMPORT_COLUMNS_MISSING.at("file",
                    "the first row must name the columns; missing: " + String.join(", ", missing));
        }
        return new CardColumns(index);
    }

    /** The cell of the field in a data row ("" when the row is shorter). */
    public String get(List<String> row, Field f) {
        int i = index.get(f);
        return i < row.size() && row.get(i) != null ? row.get(i) : "";
    }

    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        return header.replace("\uFEFF", "").toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\u00A0\\u3000_\\-()（）:：\\[\\]【】.]", "");
    }
}
