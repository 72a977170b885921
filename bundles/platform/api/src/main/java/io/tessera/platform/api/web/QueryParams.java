package io.tessera.platform.api.web;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import java.util.regex.Pattern;

/**
 * Query and path parameters read as text, so that a bad value is a 400 naming it (JAX-RS would
 * answer 404). Numbers are strict: digits with an optional minus, nothing else (no plus sign, no
 * spaces, no decimals), as the OpenAPI document's integer parameters say.
 */
public final class QueryParams {

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");

    private QueryParams() {
    }

    /** An optional query parameter absent or empty: the default. */
    public static int intValue(String name, String value, int defaultValue) {
        if (value == null || value.isEmpty()) {
            return defaultValue;
        }
        long v = whole(name, value);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw PlatformErrors.PARAM_INVALID.at(name, name + " is out of range");
        }
        return (int) v;
    }

    /** An optional query parameter: null when absent or empty. */
    public static Long longValue(String name, String value) {
        return value == null || value.isEmpty() ? null : whole(name, value);
    }

    /** A path segment naming a record by its number: anything else is a 400 naming it. */
    public static long id(String name, String value) {
        return whole(name, value == null ? "" : value);
    }

    private static long whole(String name, String value) {
        if (!WHOLE.matcher(value).matches()) {
            throw PlatformErrors.PARAM_INVALID.at(name, name + " must be a whole number");
        }
        return Long.parseLong(value);
    }

    /** An amount with at most 2 decimal places, or null when blank. */
    public static Money money(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Money.parse(value);
        } catch (IllegalArgumentException e) {
            throw PlatformErrors.AMOUNT_INVALID.at(name, name + " must be an amount with at most 2 decimal places");
        }
    }

    /** "true" or "false" (as the OpenAPI boolean says), or null when absent or empty. */
    public static Boolean booleanValue(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        throw PlatformErrors.PARAM_INVALID.at(name, name + " is true or false");
    }

    /** An enum constant by name (any case), or null when blank. */
    public static <E extends Enum<E>> E enumValue(String name, Class<E> type, String value) {
        return value == null || value.isBlank() ? null : Checks.oneOf(name, type, value);
    }
}
