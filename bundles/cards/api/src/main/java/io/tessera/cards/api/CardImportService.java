package io.tessera.cards.api;

import io.tessera.platform.api.Page;
import java.io.InputStream;
import java.util.List;

/** Card types and imports of legacy CRM exports (headquarters roles). */
public interface CardImportService {

    CardType createType(CardType type);

    List<CardType> listTypes();

    /**
     * Stores the uploaded file and starts its import as a job, or, when the same file (by SHA-256) was
     * already imported, answers with that import ({@code duplicate = true}) and does nothing.
     *
     * @param fileName the name the file had on the uploader's machine (shown in lists only)
     * @param charset  optional character set of a CSV; by default UTF-8 (BOM or not), or GB18030
     *                 when the file is not valid UTF-8
     */
    CardImport startImport(String fileName, InputStream content, String charset);

    CardImport getImport(long id);

    /** One page of the imports, newest first. */
    Page<CardImport> listImports(int page, int size);

    Page<ImportReject> rejects(long importId, int page, int size);
}
