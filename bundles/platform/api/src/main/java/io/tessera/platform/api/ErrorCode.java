package io.tessera.platform.api;

import java.util.ArrayList;
import java.util.List;

/**
 * An entry of a domain's error catalogue (an enum in the domain's api: {@code PlatformErrors},
 * {@code OrgErrors}, {@code MemberErrors}, {@code WalletErrors}, {@code CardErrors}): the stable code
 * integrators program against (the entry's name), its HTTP status, and its SOAP fault kind (Client for
 * 4xx, Server for 5xx). A condition has one entry, wherever it is detected; errors are thrown only from
 * entries, so a code cannot have two statuses.
 */
public interface ErrorCode {

    /** The code: the catalogue entry's name, e.g. STORE_NOT_FOUND. */
    String name();

    int status();

    default String code() {
        return name();
    }

    /** The SOAP fault code: Client (the caller's request) below 500, Server otherwise. */
    default String soapFault() {
        return status() < 500 ? "Client" : "Server";
    }

    /** This error, with a message for people. */
    default TesseraException error(String message) {
        return new TesseraException(this, message, null);
    }

    /** This error, naming the request field at fault. */
    default TesseraException at(String field, String message) {
        return new TesseraException(this, message, field);
    }

    /** The error body of this code (for faces that answer without throwing). */
    default ApiError body(String message, String field) {
        return new ApiError(code(), message, field);
    }

    /**
     * The catalogue as the Markdown table the domain's page in {@code docs/domains/} carries between
     * {@code <!-- errors -->} and {@code <!-- /errors -->} (each domain's unit test compares the two).
     */
    static <E extends Enum<E> & ErrorCode> String markdown(Class<E> catalogue) {
        List<String> rows = new ArrayList<>();
        rows.add("| Code | HTTP status | SOAP fault |");
        rows.add("|---|---|---|");
        for (E e : catalogue.getEnumConstants()) {
            rows.add("| `" + e.code() + "` | " + e.status() + " | " + e.soapFault() + " |");
        }
        return String.join("\n", rows);
    }
}
