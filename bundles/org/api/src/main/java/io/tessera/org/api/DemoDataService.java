package io.tessera.org.api;

/** Loads the demo chain (formats, stores including 103 蓝色港湾健康中心, an operator per role). Never runs by itself. */
public interface DemoDataService {

    /** Idempotent: what exists already is left alone. Returns a one-line summary. */
    String load();
}
