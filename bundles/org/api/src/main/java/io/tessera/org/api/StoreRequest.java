package io.tessera.org.api;

/** Creates or changes a store. On change, null fields stay as they are. */
public class StoreRequest {
    public String code;
    public String name;
    public String formatCode;
    public Store.Status status;
}
