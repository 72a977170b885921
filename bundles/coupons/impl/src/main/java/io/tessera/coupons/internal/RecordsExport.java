package io.tessera.coupons.internal;

import io.tessera.coupons.api.RecordQuery;
import io.tessera.coupons.api.RedemptionRecord;
import io.tessera.coupons.internal.jpa.RedemptionEntity;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.jobs.JobProgress;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The redemption records a query selects, every page, as a job's file: CSV (UTF-8 with a byte order mark,
 * so Excel shows Chinese) or XLSX (streamed: a few hundred rows in memory at a time). Walks the records by
 * id, a thousand at a time, with the same filters and names as the pages.
 */
final class RecordsExport {

    static final String JOB_TYPE = "coupons.redemptions.export";
    /** The back office's columns (核销记录), in its order. */
    static final String[] HEADER = {"模板ID", "模板名称", "核销门店", "会员姓名", "券类型", "支付方式", "核销来源", "订单号", "券号", "优惠金额",
        "核销时间", "状态"};
    private static final int CHUNK = 1000;

    private final JpaTemplate jpa;
    private final Records records;

    RecordsExport(JpaTemplate jpa, Records records) {
        this.jpa = jpa;
        this.records = records;
    }

    String write(Caller caller, RecordQuery q, boolean xlsx, JobProgress progress) throws Exception {
        long total = jpa.txExpr(TransactionType.Supports, em -> Records.redemptions(caller, q).page(em, RedemptionEntity.class, "r.id", 1, 1)
                .getTotal());
        progress.total(total);
        Path file = progress.resultFile("coupon-redemptions." + (xlsx ? "xlsx" : "csv"),
                xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=UTF-8");
        long written;
        if (xlsx) {
            try (SXSSFWorkbook book = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
                Sheet sheet = book.createSheet("核销记录");
                Row head = sheet.createRow(0);
                for (int i = 0; i < HEADER.length; i++) {
                    head.createCell(i).setCellValue(HEADER[i]);
                }
                int[] next = {1};
                written = walk(caller, q, progress, rows -> {
                    for (RedemptionRecord r : rows) {
                        Row row = sheet.createRow(next[0]++);
                        Object[] cells = cells(r);
                        for (int i = 0; i < cells.length; i++) {
                            if (cells[i] instanceof Number n) {
                                row.createCell(i).setCellValue(n.doubleValue());
                            } else {
                                row.createCell(i).setCellValue(cells[i] == null ? "" : cells[i].toString());
                            }
                        }
                    }
                });
                book.write(out);
                book.dispose();
            }
        } else {
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                out.write('\uFEFF');
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).build());
                written = walk(caller, q, progress, rows -> {
                    for (RedemptionRecord r : rows) {
                        csv.printRecord(cells(r));
                    }
                });
                csv.flush();
            }
        }
        return written + " redemption record(s) exported";
    }

    /** One record's cells: the amount as text with its two decimals in CSV, as a number only where the cell type says so. */
    private static Object[] cells(RedemptionRecord r) {
        return new Object[] {r.templateId, r.templateName, r.storeName, r.memberName, r.kind, r.payMethod, r.source, r.orderNo, r.couponNo,
            r.discount.toString(), r.redeemedAt.toLocalDateTime().toString().replace('T', ' '), r.state};
    }

    private interface Sink {
        void accept(List<RedemptionRecord> rows) throws Exception;
    }

    private record Chunk(List<RedemptionRecord> rows, long lastId) {
    }

    private long walk(Caller caller, RecordQuery q, JobProgress progress, Sink sink) throws Exception {
        long after = 0;
        long written = 0;
        while (true) {
            long from = after;
            Chunk chunk = jpa.txExpr(TransactionType.Supports, em -> {
                List<RedemptionEntity> rows = Records.redemptions(caller, q).where("r.id > :after", "after", from)
                        .first(em, RedemptionEntity.class, "r.id", CHUNK);
                return rows.isEmpty() ? null : new Chunk(records.redemptionRows(em, rows), rows.get(rows.size() - 1).id);
            });
            if (chunk == null) {
                return written;
            }
            sink.accept(chunk.rows());
            written += chunk.rows().size();
            after = chunk.lastId();
            progress.done(written);
            progress.counter("rows", written);
        }
    }
}
