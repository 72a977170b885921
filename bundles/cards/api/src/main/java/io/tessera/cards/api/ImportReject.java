package io.tessera.cards.api;

import javax.xml.bind.annotation.XmlType;

/** A row of an import that was refused: its line in the file and why. */
@XmlType(name = "importReject")
public class ImportReject {
    /** 1-based line (CSV) or row (XLSX) in the file, the header being line 1. */
    public long line;
    public String cardNo;
    /** Stable reason code, e.g. UNKNOWN_STORE, DUPLICATE_CARD_NO, BAD_AMOUNT. */
    public String code;
    public String reason;
}
