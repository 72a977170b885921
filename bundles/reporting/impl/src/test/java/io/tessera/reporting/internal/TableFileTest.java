package io.tessera.reporting.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import io.tessera.platform.api.Money;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.jobs.JobProgress;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;

public class TableFileTest {

    private static final class Progress implements JobProgress {
        Path file;

        @Override
        public void total(long units) {
        }

        @Override
        public void done(long units) {
        }

        @Override
        public void counter(String name, long value) {
        }

        @Override
        public Path resultFile(String fileName, String contentType) {
            try {
                file = Files.createTempDirectory("table").resolve(fileName);
                return file;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    public void csvHasAByteOrderMarkAndAmountsWithTwoDecimals() throws Exception {
        Progress p = new Progress();
        try (TableFile f = TableFile.open(p, "recharges", false, "充值数据", "门店", "充值金额", "时间")) {
            f.row("103 - 蓝色港湾, 北京", Money.parse("3315.4"), OffsetDateTime.parse("2026-12-04T01:02:03Z"));
            f.row(null, Money.ZERO, null);
        }
        byte[] bytes = Files.readAllBytes(p.file);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        List<String> lines = Files.readAllLines(p.file, StandardCharsets.UTF_8);
        assertEquals("\uFEFF门店,充值金额,时间", lines.get(0));
        assertEquals("\"103 - 蓝色港湾, 北京\",3315.40,2026-12-04 09:02:03", lines.get(1));
        // an empty first cell is quoted (a line of its own would read as no record)
        assertEquals("\"\",0.00,", lines.get(2));
    }

    @Test
    public void xlsxHasNumbersExcelCanAdd() throws Exception {
        Progress p = new Progress();
        try (TableFile f = TableFile.open(p, "methods", true, "支付方式报表", "支付方式", "订单数", "实收金额")) {
            for (int i = 0; i < 1000; i++) {
                f.row("微信", 12L, Money.parse("99.99"));
            }
        }
        try (InputStream in = Files.newInputStream(p.file); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet s = book.getSheet("支付方式报表");
            assertEquals(1000, s.getLastRowNum());
            assertEquals("实收金额", s.getRow(0).getCell(2).getStringCellValue());
            assertEquals(99.99, s.getRow(1000).getCell(2).getNumericCellValue(), 0);
            assertEquals("0.00", s.getRow(1).getCell(2).getCellStyle().getDataFormatString());
        }
    }

    @Test
    public void onlyCsvOrXlsx() {
        assertEquals(false, TableFile.xlsx(null));
        assertEquals(true, TableFile.xlsx(" XLSX "));
        try {
            TableFile.xlsx("pdf");
        } catch (TesseraException e) {
            assertEquals("format", e.getField());
            return;
        }
        throw new AssertionError("pdf accepted");
    }
}
