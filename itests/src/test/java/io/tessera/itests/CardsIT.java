package io.tessera.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.ServiceReference;

/**
 * Legacy cards end to end over HTTP: CSV and XLSX imports as jobs (row by row, once), the card query,
 * migration at the counter with an SMS code and vouchers into the member's stored value, exactly once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class CardsIT extends TesseraTestSupport {

    private static final String CSV_HEADER = "\uFEFF卡号,卡类型, 余额 ,所属门店,卡状态\r\n";
    private static boolean imported;

    @javax.inject.Inject
    private org.apache.karaf.shell.api.console.SessionFactory sessionFactory;

    private static long csvImportId;

    @Before
    public void ready() throws Exception {
        awaitReady();
        synchronized (CardsIT.class) {
            if (!imported) {
                // Once per container, failing loudly once: the other tests then fail on their own checks.
                imported = true;
                importBaseline();
            }
        }
    }

    /** The CRM export most tests start from: good and bad rows, CRM quirks included. */
    private static byte[] baselineCsv() {
        return (CSV_HEADER
                + "C100001,储值卡,\"1,234.50\",103 - 蓝色港湾健康中心,正常\r\n"        // 2 ok
                + "C100002,SV,88.00 ,103,挂失\r\n"                                  // 3 ok (lost)
                + "C100003,SV,1.234,103,正常\r\n"                                    // 4 bad amount
                + "C100004,SV,10.00,999 - 不存在的门店,正常\r\n"                       // 5 unknown store
                + "C100001,SV,5.00,103,正常\r\n"                                     // 6 duplicate card no
                + "C100005,XX,5.00,103,正常\r\n"                                     // 7 unknown card type
                + "C100006,SV,20.00,101,冻结\r\n"                                    // 8 ok (frozen, store 101)
                + "C100007,SV,-3.00,103,正常\r\n"                                    // 9 negative
                + "\r\n"
                + "C100008,SV,300,103 - 蓝色港湾健康中心,ACTIVE\r\n"                   // 11 ok
                + "C100009,SV,50.50,103,正常\r\n"                                     // 12 ok
                + "C100010,SV,0.00,103,正常\r\n").getBytes(StandardCharsets.UTF_8);  // 13 ok (empty card)
    }

    private void importBaseline() {
        String hq = bearer(HQ_ADMIN);
        Answer type = call("POST", "/cards/types", "{\"code\":\"SV\",\"name\":\"储值卡\"}", hq);
        assertEquals(type.toString(), 201, type.status);
        assertEquals(409, call("POST", "/cards/types", "{\"code\":\"sv\",\"name\":\"另一个\"}", hq).status);
        Answer started = upload("/cards/imports?fileName=crm-103.csv", baselineCsv(), "text/csv", hq);
        assertEquals(started.toString(), 202, started.status);
        csvImportId = started.json.get("id").asLong();
        JsonNode job = awaitJob(started.json.get("jobId").asLong(), hq);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        assertEquals(100, job.get("percent").asInt());
        assertEquals(11, job.get("counters").get("read").asLong());
        assertEquals(6, job.get("counters").get("accepted").asLong());
        assertEquals(5, job.get("counters").get("rejected").asLong());
    }

    @Test
    public void csvImportIsCheckedRowByRowAndRunsOnce() {
        String hq = bearer(HQ_ADMIN);
        Answer imp = call("GET", "/cards/imports/" + csvImportId, null, hq);
        assertEquals(imp.toString(), "SUCCEEDED", imp.json.get("status").asText());
        assertEquals("CSV", imp.json.get("format").asText());
        assertEquals("UTF-8", imp.json.get("charset").asText());
        assertEquals(6, imp.json.get("inserted").asLong());

        Answer rejects = call("GET", "/cards/imports/" + csvImportId + "/rejects", null, hq);
        assertEquals(rejects.toString(), 5, rejects.json.get("total").asLong());
        List<String> lines = new ArrayList<>();
        for (JsonNode r : rejects.json.get("items")) {
            lines.add(r.get("line").asLong() + ":" + r.get("code").asText());
        }
        assertEquals(List.of("4:BAD_AMOUNT", "5:UNKNOWN_STORE", "6:DUPLICATE_CARD_NO", "7:UNKNOWN_CARD_TYPE", "9:BAD_AMOUNT"), lines);
        assertTrue(rejects.text, rejects.json.get("items").get(2).get("reason").asText().contains("line 2"));

        Answer card = call("GET", "/cards/C100001", null, hq);
        assertEquals(card.toString(), new BigDecimal("1234.50"), card.json.get("balance").decimalValue());
        assertEquals("103 - 蓝色港湾健康中心", card.json.get("storeLabel").asText());
        assertEquals("SV", card.json.get("typeCode").asText());
        assertEquals(2, card.json.get("importLine").asLong());

        // The same file again: the first import answers, nothing runs, nothing changes.
        Answer again = upload("/cards/imports?fileName=copy-of-crm.csv", baselineCsv(), "text/csv", hq);
        assertEquals(again.toString(), 200, again.status);
        assertTrue(again.json.get("duplicate").asBoolean());
        assertEquals(csvImportId, again.json.get("id").asLong());

        // Headquarters roles only, and a clear 400 for what is not a usable file.
        assertEquals(403, upload("/cards/imports?fileName=x.csv", baselineCsv(), "text/csv", bearer(CLERK_103)).status);
        Answer empty = upload("/cards/imports?fileName=x.csv", new byte[0], "text/csv", hq);
        assertEquals(empty.toString(), 400, empty.status);
        assertEquals("FILE_EMPTY", empty.code());
        Answer xls = upload("/cards/imports?fileName=old.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3, 4},
                "application/vnd.ms-excel", hq);
        assertEquals("FILE_FORMAT", xls.code());
        assertEquals("file", xls.field());
        // A file without the columns fails its job with a message naming them; no card is written.
        Answer noColumns = upload("/cards/imports?fileName=wrong.csv", "卡号,金额\nZ1,5.00\n".getBytes(StandardCharsets.UTF_8), "text/csv", hq);
        assertEquals(202, noColumns.status);
        JsonNode failed = awaitJob(noColumns.json.get("jobId").asLong(), hq);
        assertEquals("FAILED", failed.get("status").asText());
        assertTrue(failed.get("message").asText(), failed.get("message").asText().contains("card type"));
        assertEquals(404, call("GET", "/cards/Z1", null, hq).status);
    }

    @Test
    public void xlsxImportUpdatesOnlyWhatChangedAndNeverAMigratedCard() throws Exception {
        String hq = bearer(FINANCE);
        byte[] xlsx = xlsx(List.of(
                List.of("Card No", "Card Type", "Balance", "Store", "Status"),
                List.of("X200001", "SV", 300, "103 - 蓝色港湾健康中心", "正常"),
                List.of("X200002", "SV", new BigDecimal("12.345"), "103", "正常"),
                List.of("C100002", "储值卡", 88, "103", "挂失"),
                List.of("C100006", "SV", 25, "101", "冻结"),
                List.of("X200003", "SV", new BigDecimal("1234.5600000000001"), "103", "ACTIVE")));
        Answer started = upload("/cards/imports?fileName=crm.xlsx", xlsx, "application/octet-stream", hq);
        assertEquals(started.toString(), 202, started.status);
        JsonNode job = awaitJob(started.json.get("jobId").asLong(), hq);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        Answer imp = call("GET", "/cards/imports/" + started.json.get("id").asLong(), null, hq);
        assertEquals("XLSX", imp.json.get("format").asText());
        assertEquals(imp.toString(), 5, imp.json.get("read").asLong());
        assertEquals(2, imp.json.get("inserted").asLong());
        assertEquals(1, imp.json.get("updated").asLong());
        assertEquals(1, imp.json.get("unchanged").asLong());
        assertEquals(1, imp.json.get("rejected").asLong());
        Answer rejects = call("GET", "/cards/imports/" + imp.json.get("id").asLong() + "/rejects", null, hq);
        assertEquals(3, rejects.json.get("items").get(0).get("line").asLong());
        assertEquals("BAD_AMOUNT", rejects.json.get("items").get(0).get("code").asText());
        assertEquals(new BigDecimal("25.00"), call("GET", "/cards/C100006", null, hq).json.get("balance").decimalValue());
        assertEquals(new BigDecimal("1234.56"), call("GET", "/cards/X200003", null, hq).json.get("balance").decimalValue());
    }

    @Test
    public void cardQueryFiltersPagesAndTotals() {
        String hq = bearer(HQ_ADMIN);
        long s103 = storeId("103");
        long s101 = storeId("101");
        Answer all103 = call("GET", "/cards?storeId=" + s103 + "&cardNoPrefix=C1000&size=2", null, hq);
        assertEquals(all103.toString(), 200, all103.status);
        assertEquals(5, all103.json.get("total").asLong());
        assertEquals(2, all103.json.get("items").size());
        assertEquals("C100001", all103.json.get("items").get(0).get("cardNo").asText());
        // Totals cover every matching card, not the page: 1234.50 + 88.00 + 300.00 + 50.50 + 0.00, less what was migrated.
        BigDecimal sum = BigDecimal.ZERO;
        Answer page1 = call("GET", "/cards?storeId=" + s103 + "&cardNoPrefix=C1000&size=200", null, hq);
        for (JsonNode c : page1.json.get("items")) {
            sum = sum.add(c.get("balance").decimalValue());
        }
        assertEquals(sum, all103.json.get("totalBalance").decimalValue());
        Answer exact = call("GET", "/cards?cardNo=C100002", null, hq);
        assertEquals(1, exact.json.get("total").asLong());
        assertEquals("LOST", exact.json.get("items").get(0).get("status").asText());
        Answer range = call("GET", "/cards?storeId=" + s103 + "&cardNoPrefix=C1000&minBalance=50&maxBalance=300.00", null, hq);
        assertEquals(range.toString(), 3, range.json.get("total").asLong());
        assertEquals(new BigDecimal("438.50"), range.json.get("totalBalance").decimalValue());
        assertEquals(1, call("GET", "/cards?typeCode=SV&status=FROZEN", null, hq).json.get("total").asLong());
        assertEquals(0, call("GET", "/cards?cardNoPrefix=NOPE", null, hq).json.get("total").asLong());
        Answer tooPrecise = call("GET", "/cards?minBalance=1.234", null, hq);
        assertEquals(400, tooPrecise.status);
        assertEquals("minBalance", tooPrecise.field());
        assertEquals("maxBalance", call("GET", "/cards?maxBalance=abc", null, hq).field());
        assertEquals("status", call("GET", "/cards?status=BROKEN", null, hq).field());
        assertEquals("migrationStatus", call("GET", "/cards?migrationStatus=x", null, hq).field());
        assertEquals("minBalance", call("GET", "/cards?minBalance=9&maxBalance=1", null, hq).field());
        assertEquals("typeCode", call("GET", "/cards?typeCode=NOPE", null, hq).field());

        // A clerk sees only their store's cards.
        String clerk = bearer(CLERK_103);
        Answer mine = call("GET", "/cards?size=200", null, clerk);
        assertEquals(mine.toString(), 200, mine.status);
        for (JsonNode c : mine.json.get("items")) {
            assertEquals(s103, c.get("storeId").asLong());
        }
        assertEquals(403, call("GET", "/cards?storeId=" + s101, null, clerk).status);
        assertEquals(404, call("GET", "/cards/C100006", null, clerk).status);

        // SOAP answers the same query.
        Answer soap = soap("cards", "<c:queryCards xmlns:c=\"urn:tessera:cards\"><query><cardNo>C100002</cardNo><page>1</page>"
                + "<size>10</size></query></c:queryCards>", clerk);
        assertEquals(soap.toString(), 200, soap.status);
        assertTrue(soap.text, soap.text.contains("<cardNo>C100002</cardNo>") && soap.text.contains("<total>1</total>"));
        Answer fault = soap("cards", "<c:getCard xmlns:c=\"urn:tessera:cards\"><cardNo>C100006</cardNo></c:getCard>", clerk);
        assertEquals(500, fault.status);
        assertTrue(fault.text, fault.text.contains("CARD_NOT_FOUND"));
    }

    @Test
    public void migrationEndToEndWithCodeAndVouchers() throws Exception {
        String clerk = bearer(CLERK_103);
        long s103 = storeId("103");
        String phone = newPhone();
        long memberId = register(phone, s103, clerk);
        BigDecimal principalInBefore = todayPrincipalIn(s103);

        // A phone that is not a member: the answer says so and points to registration.
        Answer stranger = call("POST", "/cards/C100001/migration-code", "{\"phone\":\"" + newPhone() + "\"}", clerk);
        assertEquals(stranger.toString(), 404, stranger.status);
        assertEquals("MEMBER_NOT_REGISTERED", stranger.code());
        assertTrue(stranger.text, stranger.text.contains("/members"));

        long before = lastOutboxId(phone);
        Answer preview = call("POST", "/cards/C100001/migration-code", "{\"phone\":\"" + phone + "\"}", clerk);
        assertEquals(preview.toString(), 200, preview.status);
        assertEquals(new BigDecimal("1234.50"), preview.json.get("card").get("balance").decimalValue());
        assertEquals(memberId, preview.json.get("memberId").asLong());
        assertFalse(preview.text, preview.text.contains(phone));
        String code = latestCode(phone, before);

        byte[] front = image("jpg");
        byte[] back = image("png");
        String good = migrationBody(phone, code, "旧卡迁移，卡面完好", List.of(voucher("front.jpg", front), voucher("back.PNG", back)));

        // Each refusal is a 400 naming the field, and nothing is written.
        List<ObjectNode> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(voucher("v" + i + ".png", back));
        }
        assertRefused(migrationBody(phone, code, null, six), "VOUCHER_TOO_MANY", "vouchers", clerk);
        byte[] big = Arrays.copyOf(back, (int) (2.1 * 1024 * 1024));
        assertRefused(migrationBody(phone, code, null, List.of(voucher("big.png", big))), "VOUCHER_TOO_LARGE", "vouchers[0].content", clerk);
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(migrationBody(phone, code, null, List.of(voucher("front.jpg", front), voucher("proof.jpg", pdf))),
                "VOUCHER_NOT_IMAGE", "vouchers[1].content", clerk);
        byte[] html = "<html><body><img src=x onerror=alert(1)></body></html>".getBytes(StandardCharsets.UTF_8);
        assertRefused(migrationBody(phone, code, null, List.of(voucher("photo.jpg", html))), "VOUCHER_NOT_IMAGE", "vouchers[0].content", clerk);
        assertRefused(migrationBody(phone, code, "备".repeat(501), List.of()), "FIELD_TOO_LONG", "remark", clerk);
        Answer wrong = migrate("C100001", migrationBody(phone, code.equals("000000") ? "111111" : "000000", null, List.of()), clerk, "k-wrong");
        assertEquals(wrong.toString(), 400, wrong.status);
        assertEquals("CODE_INVALID", wrong.code());
        Answer noKey = call("POST", "/cards/C100001/migration", good, clerk);
        assertEquals(400, noKey.status);
        assertEquals("Idempotency-Key", noKey.field());
        assertNotMigrated("C100001", memberId, clerk);

        // The migration: balance, store and card no come from the card.
        Answer done = migrate("C100001", good, clerk, "k-good");
        assertEquals(done.toString(), 201, done.status);
        assertEquals(new BigDecimal("1234.50"), done.json.get("amount").decimalValue());
        assertEquals(s103, done.json.get("storeId").asLong());
        assertEquals("旧卡迁移，卡面完好", done.json.get("remark").asText());
        assertEquals("E10301", done.json.get("operatorEmployeeNo").asText());
        assertEquals("王小明", done.json.get("operatorName").asText());
        assertNotNull(done.json.get("migratedAt").asText(null));
        assertEquals(2, done.json.get("vouchers").size());
        assertEquals("image/jpeg", done.json.get("vouchers").get(0).get("contentType").asText());
        assertEquals("image/png", done.json.get("vouchers").get(1).get("contentType").asText());

        // A retry with the same key answers the same; another key finds the card migrated.
        Answer retry = migrate("C100001", good, clerk, "k-good");
        assertEquals(retry.toString(), 201, retry.status);
        assertEquals(done.json.get("id").asLong(), retry.json.get("id").asLong());
        Answer twice = migrate("C100001", good, clerk, "k-other");
        assertEquals(twice.toString(), 409, twice.status);
        assertEquals("CARD_ALREADY_MIGRATED", twice.code());

        // The card shows its migration; the vouchers come back byte for byte.
        Answer card = call("GET", "/cards/C100001", null, clerk);
        assertEquals("MIGRATED", card.json.get("migrationStatus").asText());
        assertEquals("VOID", card.json.get("status").asText());
        assertEquals(done.json.get("journalEntryId").asLong(), card.json.get("migration").get("journalEntryId").asLong());
        HttpResponse<byte[]> v1 = download("/cards/C100001/migration/vouchers/1", clerk);
        assertEquals(200, v1.statusCode());
        assertEquals("image/jpeg", v1.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(front, v1.body());
        assertArrayEquals(back, download("/cards/C100001/migration/vouchers/2", clerk).body());
        assertEquals(404, download("/cards/C100001/migration/vouchers/3", clerk).statusCode());

        // The member's stored value, the journal and the store's daily ledger show the amount.
        Answer accounts = call("GET", "/wallets/accounts?memberId=" + memberId, null, clerk);
        assertEquals(accounts.toString(), 1, accounts.json.size());
        assertEquals(new BigDecimal("1234.50"), accounts.json.get(0).get("principal").decimalValue());
        assertEquals(new BigDecimal("0.00"), accounts.json.get(0).get("bonus").decimalValue());
        Answer journal = call("GET", "/wallets/transactions?memberId=" + memberId, null, clerk);
        assertEquals(1, journal.json.get("total").asLong());
        JsonNode entry = journal.json.get("items").get(0);
        assertEquals("MIGRATION_IN", entry.get("type").asText());
        assertEquals("C100001", entry.get("cardNo").asText());
        assertEquals(0, todayPrincipalIn(s103).subtract(principalInBefore).compareTo(new BigDecimal("1234.50")));

        // A later CRM file never overwrites a migrated card.
        String hq = bearer(HQ_ADMIN);
        Answer reimport = upload("/cards/imports?fileName=late.csv",
                (CSV_HEADER + "C100001,SV,9999.00,103,正常\r\n").getBytes(StandardCharsets.UTF_8), "text/csv", hq);
        awaitJob(reimport.json.get("jobId").asLong(), hq);
        Answer late = call("GET", "/cards/imports/" + reimport.json.get("id").asLong() + "/rejects", null, hq);
        assertEquals("CARD_MIGRATED", late.json.get("items").get(0).get("code").asText());
        assertEquals(new BigDecimal("1234.50"), call("GET", "/cards/C100001", null, hq).json.get("balance").decimalValue());

        // Headquarters exports the cards to void in the legacy CRM.
        Answer export = call("POST", "/cards/void-exports?storeId=" + s103, null, hq);
        assertEquals(export.toString(), 202, export.status);
        JsonNode job = awaitJob(export.json.get("id").asLong(), hq);
        assertEquals(job.toString(), "SUCCEEDED", job.get("status").asText());
        HttpResponse<byte[]> csv = download("/jobs/" + job.get("id").asLong() + "/result", hq);
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text, text.startsWith("\uFEFFcard_no,"));
        assertTrue(text, text.contains("C100001,SV,103 - 蓝色港湾健康中心,1234.50,VOID"));
        assertEquals(403, call("POST", "/cards/void-exports", null, clerk).status);
    }

    @Test
    public void expiredCodeMigratesNothing() throws Exception {
        String clerk = bearer(CLERK_103);
        String phone = newPhone();
        long memberId = register(phone, storeId("103"), clerk);
        long before = lastOutboxId(phone);
        assertEquals(200, call("POST", "/cards/C100008/migration-code", "{\"phone\":\"" + phone + "\"}", clerk).status);
        String code = latestCode(phone, before);
        // Ten minutes pass: the code's expiry moves into the past.
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(osgi.jndi.service.name=tessera)")
                .iterator().next();
        DataSource ds = bundleContext.getService(ref);
        try (Connection c = ds.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE PLT_CODE SET EXPIRES_AT = ? WHERE PHONE = ?")) {
            s.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(1)));
            s.setString(2, phone);
            assertEquals(1, s.executeUpdate());
        } finally {
            bundleContext.ungetService(ref);
        }
        Answer expired = migrate("C100008", migrationBody(phone, code, null, List.of()), clerk, "k-expired");
        assertEquals(expired.toString(), 400, expired.status);
        assertEquals("CODE_EXPIRED", expired.code());
        assertNotMigrated("C100008", memberId, clerk);
    }

    @Test
    public void concurrentMigrationsOfOneCardMoveItsMoneyOnce() throws Exception {
        String clerk = bearer(CLERK_103);
        long s103 = storeId("103");
        int n = 4;
        String[] phones = new String[n];
        long[] members = new long[n];
        String[] codes = new String[n];
        for (int i = 0; i < n; i++) {
            phones[i] = newPhone();
            members[i] = register(phones[i], s103, clerk);
            long before = lastOutboxId(phones[i]);
            assertEquals(200, call("POST", "/cards/C100009/migration-code", "{\"phone\":\"" + phones[i] + "\"}", clerk).status);
            codes[i] = latestCode(phones[i], before);
        }
        String manager = bearer(MANAGER_103);
        List<Answer> answers = inParallel(n, i -> migrate("C100009", migrationBody(phones[i], codes[i], "并发" + i, List.of()),
                i % 2 == 0 ? clerk : manager, "k-race-" + i));
        int created = 0;
        for (Answer a : answers) {
            if (a.status == 201) {
                created++;
            } else {
                assertEquals(a.toString(), 409, a.status);
                assertEquals("CARD_ALREADY_MIGRATED", a.code());
            }
        }
        assertEquals(answers.toString(), 1, created);
        BigDecimal credited = BigDecimal.ZERO;
        for (long m : members) {
            for (JsonNode account : call("GET", "/wallets/accounts?memberId=" + m, null, clerk).json) {
                credited = credited.add(account.get("principal").decimalValue());
            }
        }
        assertEquals(new BigDecimal("50.50"), credited);
        assertEquals(1, call("GET", "/wallets/transactions?storeId=" + s103 + "&cardNo=C100009", null, clerk).json.get("total").asLong());
    }

    @Test
    public void storesAndCardStatesLimitWhoMigratesWhat() throws Exception {
        String clerk101 = bearer(CLERK_101);
        String phone = newPhone();
        register(phone, storeId("101"), clerk101);
        // Another store's card does not exist for this clerk, whatever the call.
        Answer other = call("POST", "/cards/C100002/migration-code", "{\"phone\":\"" + phone + "\"}", clerk101);
        assertEquals(other.toString(), 404, other.status);
        assertEquals("CARD_NOT_FOUND", other.code());
        Answer otherMigrate = migrate("C100002", migrationBody(phone, "123456", null, List.of()), clerk101, "k-101");
        assertEquals(404, otherMigrate.status);
        // Their own frozen card is refused until the CRM releases it.
        Answer frozen = call("POST", "/cards/C100006/migration-code", "{\"phone\":\"" + phone + "\"}", clerk101);
        assertEquals(frozen.toString(), 422, frozen.status);
        assertEquals("CARD_FROZEN", frozen.code());
        // An empty card has nothing to migrate.
        Answer empty = call("POST", "/cards/C100010/migration-code", "{\"phone\":\"" + phone + "\"}", bearer(CLERK_103));
        assertEquals("CARD_EMPTY", empty.code());
        // The OpenAPI document and the WSDL describe the cards endpoints.
        Answer api = call("GET", "/openapi.json", null, clerk101);
        assertTrue(api.json.get("paths").has("/cards/{cardNo}/migration"));
        assertTrue(api.json.get("paths").has("/jobs/{id}"));
        Answer wsdl = getRaw("/soap/cards?wsdl", clerk101);
        assertTrue(wsdl.text, wsdl.text.contains("migrateCard"));
    }

    @Test
    public void aJobIsSeenByWhoStartedItAndHeadquartersOnly() {
        long s103 = storeId("103");
        String hq = newClient("hq", "HQ_ADMIN");
        String pos = newClient("pos", "CLERK", s103);
        Answer export = call("POST", "/cards/void-exports?storeId=" + s103, null, hq);
        assertEquals(export.toString(), 202, export.status);
        long job = export.json.get("id").asLong();
        assertEquals(200, call("GET", "/jobs/" + job, null, hq).status);
        assertEquals(200, call("GET", "/jobs/" + job, null, bearer(FINANCE)).status);
        // Another integrator (a store's POS) and a store clerk do not see it.
        assertEquals("JOB_NOT_FOUND", call("GET", "/jobs/" + job, null, pos).code());
        assertEquals(404, call("GET", "/jobs/" + job, null, bearer(CLERK_103)).status);
        assertFalse(call("GET", "/jobs", null, pos).text.contains("\"id\":" + job + ","));
    }

    @Test
    public void consoleImportsListsAndShowsCards() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("console-import", ".csv");
        java.nio.file.Files.write(file, (CSV_HEADER + "K300001,SV,12.30,103,正常\r\nK300002,SV,1.005,103,正常\r\n")
                .getBytes(StandardCharsets.UTF_8));
        String imported = console("card:import " + file);
        assertTrue(imported, imported.contains("SUCCEEDED") && imported.contains("2 rows read: 1 accepted")
                && imported.contains("card:import-rejects"));
        String again = console("card:import " + file);
        assertTrue(again, again.contains("already imported"));
        String list = console("card:list --prefix K3000");
        assertTrue(list, list.contains("K300001") && list.contains("1 card(s), balance 12.30 in all"));
        String show = console("card:show K300001");
        assertTrue(show, show.contains("103 - 蓝色港湾健康中心") && show.contains("12.30"));
        String types = console("card:types");
        assertTrue(types, types.contains("储值卡"));
        String jobs = console("platform:jobs --type cards.import");
        assertTrue(jobs, jobs.contains("SUCCEEDED"));
        String help = console("card:list --help");
        assertTrue(help, help.contains("--prefix") && help.contains("--migration"));
    }

    /** Runs a console command as an admin at the Karaf console would, and returns what it printed. */
    private String console(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
        org.apache.karaf.shell.api.console.Session session = sessionFactory.create(System.in, out, out);
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    // ---- helpers

    private long register(String phone, long store, String token) {
        Answer a = call("POST", "/members", "{\"phone\":\"" + phone + "\",\"name\":\"卡会员\",\"storeId\":" + store + "}", token);
        assertEquals(a.toString(), 201, a.status);
        return a.json.get("id").asLong();
    }

    private Answer migrate(String cardNo, String body, String token, String key) {
        return call("POST", "/cards/" + cardNo + "/migration", body, token, Map.of("Idempotency-Key", key));
    }

    private void assertRefused(String body, String code, String field, String token) {
        Answer a = migrate("C100001", body, token, "k-" + code + "-" + field);
        assertEquals(a.toString(), 400, a.status);
        assertEquals(a.toString(), code, a.code());
        assertEquals(a.toString(), field, a.field());
    }

    private void assertNotMigrated(String cardNo, long memberId, String token) {
        Answer card = call("GET", "/cards/" + cardNo, null, token);
        assertEquals(card.toString(), "NOT_MIGRATED", card.json.get("migrationStatus").asText());
        Answer journal = call("GET", "/wallets/transactions?memberId=" + memberId, null, token);
        assertEquals(journal.toString(), 0, journal.json.get("total").asLong());
    }

    private BigDecimal todayPrincipalIn(long store) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Answer days = call("GET", "/wallets/ledgers/daily?storeId=" + store + "&from=" + today + "&to=" + today, null, bearer(FINANCE));
        assertEquals(days.toString(), 200, days.status);
        return days.json.size() == 0 ? BigDecimal.ZERO : days.json.get(0).get("principalIn").decimalValue();
    }

    private static String migrationBody(String phone, String code, String remark, List<ObjectNode> vouchers) {
        ObjectNode body = JSON.createObjectNode();
        body.put("phone", phone);
        body.put("code", code);
        if (remark != null) {
            body.put("remark", remark);
        }
        ArrayNode list = body.putArray("vouchers");
        vouchers.forEach(list::add);
        return body.toString();
    }

    private static ObjectNode voucher(String name, byte[] content) {
        ObjectNode v = JSON.createObjectNode();
        v.put("fileName", name);
        v.put("content", Base64.getEncoder().encodeToString(content));
        return v;
    }

    private static byte[] image(String format) throws Exception {
        BufferedImage img = new BufferedImage(64, 40, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out));
        return out.toByteArray();
    }

    /** A minimal XLSX workbook (one sheet, inline strings, numbers as numbers), as some exporters write it. */
    private static byte[] xlsx(List<List<Object>> rows) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"卡\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
                    + "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            for (int r = 0; r < rows.size(); r++) {
                sheet.append("<row r=\"").append(r + 1).append("\">");
                List<Object> cells = rows.get(r);
                for (int c = 0; c < cells.size(); c++) {
                    String ref = (char) ('A' + c) + String.valueOf(r + 1);
                    Object v = cells.get(c);
                    if (v instanceof Number) {
                        sheet.append("<c r=\"").append(ref).append("\"><v>").append(v).append("</v></c>");
                    } else {
                        sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(v).append("</t></is></c>");
                    }
                }
                sheet.append("</row>");
            }
            sheet.append("</sheetData></worksheet>");
            entry(zip, "xl/worksheets/sheet1.xml", sheet.toString());
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
