package io.tessera.org.api;

/** A store of the chain, e.g. code 103, name 蓝色港湾健康中心, format HEALTH_CENTER. */
public class Store {
    public enum Status { OPEN, CLOSED }

    public Long id;
    public String code;
    public String name;
    public String formatCode;
    public Status status;

    /** "103 - 蓝色港湾健康中心", the way legacy exports and receipts name a store. */
    public String label() {
        return code + " - " + name;
    }
}
