package io.tessera.reporting.internal;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.jobs.JobProgress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An export's file, written row by row in constant memory: CSV (UTF-8 with a byte order mark, amounts as text with
 * their two decimals) or XLSX (Apache POI's streaming workbook, {@value #WINDOW} rows in memory; amounts as numbers
 * shown with two decimals, so Excel can add them). Times in the chain's wall clock, "yyyy-MM-dd HH:mm:ss".
 */
final class TableFile implements AutoCloseable {

    static final int WINDOW = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SXSSFWorkbook book;
    private final Sheet sheet;
    private final CellStyle money;
    private final OutputStream xlsxOut;
    private final Writer csvOut;
    private final CSVPrinter csv;
    private int next;

    private TableFile(Path file, boolean xlsx, String sheetName, String[] header) throws IOException {
        if (xlsx) {
            book = new SXSSFWorkbook(WINDOW);
            sheet = book.createSheet(sheetName);
            money = book.createCellStyle();
            money.setDataFormat(book.createDataFormat().getFormat("0.00"));
            xlsxOut = Files.newOutputStream(file);
            csvOut = null;
            csv = null;
            row((Object[]) header);
        } else {
            book = null;
            sheet = null;
            money = null;
            xlsxOut = null;
            csvOut = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
            csvOut.write('\uFEFF');
            csv = new CSVPrinter(csvOut, CSVFormat.DEFAULT.builder().setHeader(header).build());
        }
    }

    /** The job's result file "{name}.csv" or ".xlsx", its sheet and header. */
    static TableFile open(JobProgress progress, String name, boolean xlsx, String sheetName, String... header) throws IOException {
        Path file = progress.resultFile(name + (xlsx ? ".xlsx" : ".csv"),
                xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8");
        return new TableFile(file, xlsx, sheetName, header);
    }

    /** "csv" (also when absent) or "xlsx"; anything else is refused naming the field. */
    static boolean xlsx(String format) {
        String f = format == null || format.isBlank() ? "csv" : format.trim().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("csv") && !f.equals("xlsx")) {
            throw io.tessera.platform.api.PlatformErrors.FIELD_INVALID.at("format", "csv or xlsx");
        }
        return f.equals("xlsx");
    }

    void row(Object... cells) throws IOException {
        if (csv != null) {
            Object[] text = new Object[cells.length];
            for (int i = 0; i < cells.length; i++) {
                text[i] = text(cells[i]);
            }
            csv.printRecord(text);
            return;
        }
        Row row = sheet.createRow(next++);
        for (int i = 0; i < cells.length; i++) {
            Object c = cells[i];
            if (c instanceof Money m) {
                var cell = row.createCell(i);
                cell.setCellValue(m.toBigDecimal().doubleValue());
                cell.setCellStyle(money);
            } else if (c instanceof Long || c instanceof Integer) {
                row.createCell(i).setCellValue(((Number) c).doubleValue());
            } else {
                row.createCell(i).setCellValue(text(c));
            }
        }
    }

    private static String text(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(io.tessera.platform.api.BusinessTime.ZONE).format(TIME);
        }
        return c.toString();
    }

    @Override
    public void close() throws IOException {
        if (csv != null) {
            csv.close();
            return;
        }
        try (OutputStream out = xlsxOut) {
            book.write(out);
        } finally {
            book.dispose();
            book.close();
        }
    }
}
