package io.tessera.cards.internal.imports;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.tessera.cards.api.CardStatus;
import io.tessera.cards.internal.imports.CardColumns.Field;
import io.tessera.cards.internal.imports.CardRowRules.RowRejected;
import io.tessera.platform.api.TesseraException;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ImportRulesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void headersInChineseOrEnglishInAnyOrder() {
        CardColumns zh = CardColumns.of(List.of("\uFEFF卡号", "卡类型", "余额（元）", "所属门店", "卡状态"));
        assertEquals("A1", zh.get(List.of("A1", "SV", "1.00", "103", "正常"), Field.CARD_NO));
        assertEquals("1.00", zh.get(List.of("A1", "SV", "1.00", "103", "正常"), Field.BALANCE));
        CardColumns en = CardColumns.of(List.of(" Status ", "Owning Store", "Card_No", "BALANCE", "card type"));
        assertEquals("103", en.get(List.of("正常", "103", "A1", "1.00", "SV"), Field.STORE));
        assertEquals("", en.get(List.of("正常"), Field.CARD_NO));
    }

    @Test
    public void missingColumnsAreNamed() {
        try {
            CardColumns.of(List.of("卡号", "余额"));
            fail();
        } catch (TesseraException e) {
            assertEquals("IMPORT_COLUMNS_MISSING", e.getCode());
            assertTrue(e.getMessage(), e.getMessage().contains("card type") && e.getMessage().contains("status"));
        }
    }

    @Test
    public void balances() throws Exception {
        assertEquals("1234.50", CardRowRules.balance(" 1,234.5 ", false).toString());
        assertEquals("1234567.89", CardRowRules.balance("¥1,234,567.89", false).toString());
        assertEquals("0.00", CardRowRules.balance("0", false).toString());
        assertEquals("12.30", CardRowRules.balance("12.3元", false).toString());
        // A spreadsheet's floating-point artefact is cut to Excel's 15 digits first.
        assertEquals("1234.56", CardRowRules.balance("1234.5600000000001", true).toString());
        assertRejected("BAD_AMOUNT", () -> CardRowRules.balance("1234.5600000000001", false));
        assertRejected("BAD_AMOUNT", () -> CardRowRules.balance("1.234", false));
        assertRejected("BAD_AMOUNT", () -> CardRowRules.balance("-5.00", false));
        assertRejected("BAD_AMOUNT", () -> CardRowRules.balance("abc", false));
        assertRejected("BAD_AMOUNT", () -> CardRowRules.balance("", false));
        assertRejected("BAD_AMOUNT", () -> CardRowRules.balance("1,23.00", false));
        assertRejected("BAD_AMOUNT", () -> CardRowRules.balance("1e3", false));
    }

    @Test
    public void cardNosStatusesAndStores() throws Exception {
        assertEquals("880001", CardRowRules.cardNo(" 880 001 "));
        assertEquals("8800012345", CardRowRules.cardNo("8.800012345E9"));
        assertRejected("MISSING_CARD_NO", () -> CardRowRules.cardNo("  "));
        assertRejected("BAD_CARD_NO", () -> CardRowRules.cardNo("88/01"));
        assertEquals(CardStatus.ACTIVE, CardRowRules.status("正常"));
        assertEquals(CardStatus.LOST, CardRowRules.status(" LOST "));
        assertEquals(CardStatus.VOID, CardRowRules.status("已作废"));
        assertRejected("BAD_STATUS", () -> CardRowRules.status("unknown"));
        assertEquals("103", CardRowRules.storeCode("103 - 蓝色港湾健康中心"));
        assertEquals("103", CardRowRules.storeCode("103蓝色".substring(0, 3)));
        assertEquals("103", CardRowRules.storeCode(" 103 蓝色港湾健康中心"));
        assertEquals("103", CardRowRules.storeCode("103-蓝色港湾健康中心"));
    }

    @Test
    public void csvRowsKeepTheirLineNumbers() throws Exception {
        Path f = tmp.newFile("a.csv").toPath();
        Files.write(f, ("\uFEFF卡号;卡类型;余额;所属门店;卡状态\r\n"
                + "A1;SV;\"1,234.50\";103 - 蓝色港湾健康中心;正常\r\n"
                + "\r\n"
                + "A2;SV;\"multi\nline\";103;正常\n"
                + "A3 ;SV; 5 ;103;正常").getBytes(StandardCharsets.UTF_8));
        List<RowSource.Row> rows = read(new CsvRows(f, StandardCharsets.UTF_8));
        assertEquals(4, rows.size());
        assertEquals(List.of("卡号", "卡类型", "余额", "所属门店", "卡状态"), rows.get(0).cells());
        assertEquals(1, rows.get(0).line());
        assertEquals(2, rows.get(1).line());
        assertEquals("1,234.50", rows.get(1).cells().get(2));
        assertEquals(5, rows.get(2).line());
        assertEquals(6, rows.get(3).line());
        assertEquals("A3", rows.get(3).cells().get(0));
    }

    @Test
    public void legacyChineseCsvIsReadAsGb18030() throws Exception {
        Path f = tmp.newFile("gbk.csv").toPath();
        byte[] content = "卡号,卡类型,余额,所属门店,卡状态\nA1,储值卡,1.00,103,正常\n".getBytes(Charset.forName("GB18030"));
        Upload u = Upload.store(new ByteArrayInputStream(content), tmp.getRoot().toPath().resolve("up/gbk.part"), 1 << 20);
        assertFalse(u.validUtf8);
        assertEquals(Upload.Format.CSV, u.format);
        List<RowSource.Row> rows = read(new CsvRows(u.file, CsvRows.guess(u.validUtf8)));
        assertEquals("储值卡", rows.get(1).cells().get(1));
        Upload utf = Upload.store(new ByteArrayInputStream("卡号\n".getBytes(StandardCharsets.UTF_8)),
                tmp.getRoot().toPath().resolve("up/utf.part"), 1 << 20);
        assertTrue(utf.validUtf8);
        assertEquals(64, utf.sha256.length());
    }

    @Test
    public void uploadsRefuseEmptyOversizedAndOldExcel() {
        Path target = tmp.getRoot().toPath().resolve("up/x.part");
        assertInvalid("FILE_EMPTY", () -> Upload.store(new ByteArrayInputStream(new byte[0]), target, 100));
        assertInvalid("FILE_TOO_LARGE", () -> Upload.store(new ByteArrayInputStream(new byte[101]), target, 100));
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        assertInvalid("FILE_FORMAT", () -> Upload.store(new ByteArrayInputStream(xls), target, 100));
        assertFalse(Files.exists(target));
    }

    @Test
    public void xlsxRowsStreamTheFirstSheet() throws Exception {
        Path f = tmp.newFile("a.xlsx").toPath();
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            XSSFSheet sheet = wb.createSheet("cards");
            String[] header = {"卡号", "卡类型", "余额", "所属门店", "卡状态"};
            XSSFRow h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            XSSFRow r = sheet.createRow(1);
            r.createCell(0).setCellValue("X1");
            r.createCell(1).setCellValue("SV");
            r.createCell(2).setCellValue(1234.56);
            r.createCell(3).setCellValue("103 - 蓝色港湾健康中心");
            r.createCell(4).setCellValue("正常");
            XSSFRow gap = sheet.createRow(3);
            gap.createCell(0).setCellValue(8800012345L);
            gap.createCell(4).setCellValue("挂失");
            wb.write(out);
        }
        Upload u = Upload.store(Files.newInputStream(f), tmp.getRoot().toPath().resolve("up/a.part"), 1 << 20);
        assertEquals(Upload.Format.XLSX, u.format);
        List<RowSource.Row> rows = read(new XlsxRows(u.file));
        assertEquals(3, rows.size());
        assertEquals("卡号", rows.get(0).cells().get(0));
        assertEquals(2, rows.get(1).line());
        assertEquals("1234.56", CardRowRules.balance(rows.get(1).cells().get(2), true).toString());
        assertEquals(4, rows.get(2).line());
        assertEquals("8800012345", CardRowRules.cardNo(rows.get(2).cells().get(0)));
        assertEquals("挂失", rows.get(2).cells().get(4));
        assertEquals("", rows.get(2).cells().get(2));
    }

    @Test
    public void knownCardNosNeverForgetAndRarelyImagine() {
        KnownCardNos known = new KnownCardNos(200_000);
        for (int i = 0; i < 200_000; i++) {
            known.add("C" + i);
        }
        for (int i = 0; i < 200_000; i++) {
            assertTrue(known.mightContain("C" + i));
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            if (known.mightContain("D" + i)) {
                falsePositives++;
            }
        }
        assertTrue("false positives: " + falsePositives, falsePositives < 3_000);
    }

    private static List<RowSource.Row> read(RowSource source) throws Exception {
        List<RowSource.Row> rows = new ArrayList<>();
        source.read(rows::add);
        return rows;
    }

    private interface Rejecting {
        void run() throws RowRejected;
    }

    private static void assertRejected(String code, Rejecting r) {
        try {
            r.run();
            fail("expected " + code);
        } catch (RowRejected e) {
            assertEquals(e.getMessage(), code, e.code);
        }
    }

    private static void assertInvalid(String code, Runnable r) {
        try {
            r.run();
            fail("expected " + code);
        } catch (TesseraException e) {
            assertEquals(code, e.getCode());
        }
    }
}
