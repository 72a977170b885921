package io.tessera.platform.api.web;

import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.TesseraException;

/** Query parameters read as text, so that a bad value is a 400 naming it (JAX-RS would answer 404). */
public final class QueryParams {

    private QueryParams() {
    }

    public static int intValue(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw TesseraException.invalid(name, "PARAM_INVALID", name + " must be a whole number");
        }
    }

    public static Long longValue(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw TesseraException.invalid(name, "PARAM_INVALID", name + " must be a whole number");
        }
    }

    /** An amount with at most 2 decimal places, or null when blank. */
    public static Money money(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Money.parse(value);
        } catch (IllegalArgumentException e) {
            throw TesseraException.invalid(name, "AMOUNT_INVALID", name + " must be an amount with at most 2 decimal places");
        }
    }

    /** An enum constant by name (any case), or null when blank. */
    public static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
        return value == null || value.isBlank() ? null : Checks.oneOf(name, type, value);
    }
}
