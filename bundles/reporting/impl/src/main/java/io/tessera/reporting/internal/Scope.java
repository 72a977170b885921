package io.tessera.reporting.internal;

import io.tessera.org.api.OrgService;
import io.tessera.platform.api.Caller;
import io.tessera.reporting.api.ReportingErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Which stores a report covers: the one asked (if the caller may see it), the format's stores the caller sees, or,
 * with neither, every store for headquarters (null: no filter) and the caller's stores for a store's operators.
 */
final class Scope {

    private Scope() {
    }

    /** The stores, or null for every store. */
    static List<Long> stores(OrgService org, Caller caller, Long storeId, String formatCode) {
        String format = formatCode == null || formatCode.isBlank() ? null : formatCode.trim();
        if (format != null && org.listFormats().stream().noneMatch(f -> f.code.equalsIgnoreCase(format))) {
            throw ReportingErrors.REPORT_FORMAT_NOT_FOUND.at("formatCode", "no business format " + format);
        }
        if (storeId != null) {
            caller.requireStore(storeId);
            if (format != null && org.findStore(storeId).map(s -> !format.equalsIgnoreCase(s.formatCode)).orElse(true)) {
                return List.of();
            }
            return List.of(storeId);
        }
        if (format != null) {
            return org.listStores(format).stream().map(s -> s.id).toList();
        }
        if (caller.seesAllStores()) {
            return null;
        }
        return new ArrayList<>(caller.getStoreIds());
    }
}
