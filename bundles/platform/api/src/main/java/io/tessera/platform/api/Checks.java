package io.tessera.platform.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Input checks shared by every domain, each failing with a 400 that names the field. */
public final class Checks {

    private Checks() {
    }

    public static <T> T required(String field, T value) {
        if (value == null || (value instanceof String && ((String) value).isBlank())) {
            throw TesseraException.required(field);
        }
        return value;
    }

    /** Required, trimmed, at most {@code max} characters. */
    public static String text(String field, String value, int max) {
        String v = required(field, value).trim();
        return maxLength(field, v, max);
    }

    /** Optional text: null stays null, blank becomes null, longer than {@code max} is refused. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return maxLength(field, value.trim(), max);
    }

    public static String maxLength(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            throw PlatformErrors.FIELD_TOO_LONG.at(field, field + " is longer than " + max + " characters");
        }
        return value;
    }

    public static <E extends Enum<E>> E oneOf(String field, Class<E> type, String value) {
        required(field, value);
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw PlatformErrors.FIELD_INVALID.at(field, field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An ISO date such as 2026-11-22, or null when blank; anything else is a 400 naming the field. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw PlatformErrors.DATE_INVALID.at(field, field + " must be a date like 2026-11-22");
        }
    }
}
