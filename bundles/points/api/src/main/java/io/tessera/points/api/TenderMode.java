package io.tessera.points.api;

/** Which tenders earn: ALL, ONLY the listed ones, or all EXCEPT the listed ones. */
public enum TenderMode {
    ALL, ONLY, EXCEPT
}
