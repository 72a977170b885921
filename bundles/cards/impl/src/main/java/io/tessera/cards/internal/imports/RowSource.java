package io.tessera.cards.internal.imports;

import java.util.List;

/** Reads the rows of an uploaded file, in order, and hands each to a handler. */
public interface RowSource {

    /** One row: its 1-based line (CSV) or row number (XLSX), and its cells as text. */
    record Row(long line, List<String> cells) {
        public boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isBlank());
        }
    }

    interface Handler {
        void row(Row row) throws Exception;
    }

    /** Reads the whole file. */
    void read(Handler handler) throws Exception;

    /** Bytes of the file read so far, for progress; -1 when unknown. */
    long position();

    /** Whether numbers come from spreadsheet cells (see {@link CardRowRules#balance}). */
    boolean spreadsheet();
}
