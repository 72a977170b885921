package io.tessera.platform.api;

/**
 * Text searches ("starts with") written as JPQL {@code LIKE}: the user's text is matched literally,
 * so {@code %} and {@code _} find those characters instead of matching anything. Write the
 * condition as {@code x LIKE :p} + {@link #ESCAPE} and bind {@link #prefix}.
 */
public final class Like {

    /** The escape clause that goes after the pattern parameter. */
    public static final String ESCAPE = " ESCAPE '\\'";

    private Like() {
    }

    /** A pattern matching every value that starts with {@code text}, taken literally. */
    public static String prefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
