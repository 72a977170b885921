package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.Assume;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A Derby database written by the release before versioned schemas (commit 1c20376, with members, stored
 * value, refunds, a card import, events, audit rows: itests/upgrade/make-fixture.sh) upgrades in place when
 * this release starts on it: no row is lost, every balance still equals its journal, an idempotency key of the
 * old release still returns its first answer, and new work goes on. Derby only: PostgreSQL databases begin
 * with versioned schemas.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class UpgradeIT extends TesseraTestSupport {

    private static final String FIXTURE = "/upgrade/derby-1c20376.zip";
    /** Tables whose rows only a client's operations add: the same count after the upgrade. */
    private static final String[] KEPT = {"MBR_MEMBER", "MBR_ACTIVITY", "WAL_ACCOUNT", "WAL_JOURNAL", "WAL_LEDGER_DAY_SLOT",
        "CRD_CARD", "CRD_CARD_TYPE", "CRD_IMPORT", "CRD_IMPORT_REJECT", "ORG_STORE", "ORG_OPERATOR", "PLT_IDEMPOTENCY", "PLT_EVENT"};

    @Override
    @Configuration
    public Option[] config() {
        if (TestDatabase.postgres()) {
            return super.config();
        }
        Path database;
        String facts;
        try {
            Path copy = Files.createTempDirectory(Paths.get("target"), "upgrade-").toAbsolutePath();
            unzip(copy);
            database = copy.resolve("tessera");
            facts = facts(database);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot prepare the database of the earlier release", e);
        }
        return OptionUtils.combine(super.config(), OptionUtils.combine(TestDatabase.derbyAt(database),
                systemProperty("tessera.upgrade.before").value(facts),
                // The integrator client that wrote the fixture: its idempotency keys are bound to it.
                editConfigurationFilePut("etc/io.tessera.client-fixture.cfg", "client.id", "fixture"),
                editConfigurationFilePut("etc/io.tessera.client-fixture.cfg", "name", "Fixture"),
                editConfigurationFilePut("etc/io.tessera.client-fixture.cfg", "role", "HQ_ADMIN"),
                editConfigurationFilePut("etc/io.tessera.client-fixture.cfg", "secret.sha256", sha256("fixture-secret"))));
    }

    @Before
    public void ready() {
        Assume.assumeFalse("the upgrade from create-or-extend concerns Derby databases only", TestDatabase.postgres());
        awaitReady();
    }

    @Test
    public void aDatabaseOfThePreviousReleaseUpgradesInPlaceAndStillBalances() throws Exception {
        Map<String, String> before = parse(System.getProperty("tessera.upgrade.before"));
        // No row lost.
        for (String table : KEPT) {
            assertEquals(table, before.get(table), String.valueOf(count(table)));
        }
        assertEquals(before.get("PRINCIPAL"), scalar("SELECT SUM(PRINCIPAL) FROM WAL_ACCOUNT"));
        assertEquals(before.get("BONUS"), scalar("SELECT SUM(BONUS) FROM WAL_ACCOUNT"));
        // Every change set is recorded; the one that changes what the old release wrote ran.
        assertEquals("0", scalar("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE EXECTYPE NOT IN ('EXECUTED', 'MARK_RAN')"));
        assertEquals("EXECUTED", scalar("SELECT EXECTYPE FROM DATABASECHANGELOG WHERE ID = 'wallets-2-account-held-not-null'"));
        assertEquals("0", scalar("SELECT COUNT(*) FROM WAL_ACCOUNT WHERE HELD IS NULL OR HELD <> 0"));
        // Every balance equals its journal, and the journal's last row says the same.
        assertEquals("0", scalar("SELECT COUNT(*) FROM WAL_ACCOUNT A WHERE A.PRINCIPAL <> (SELECT SUM(J.PRINCIPAL_DELTA) FROM WAL_JOURNAL J "
                + "WHERE J.ACCOUNT_ID = A.ID) OR A.BONUS <> (SELECT SUM(J.BONUS_DELTA) FROM WAL_JOURNAL J WHERE J.ACCOUNT_ID = A.ID)"));
        assertEquals("0", scalar("SELECT COUNT(*) FROM WAL_ACCOUNT A JOIN WAL_JOURNAL J ON J.ACCOUNT_ID = A.ID AND J.ACCOUNT_SEQ = A.ENTRY_COUNT "
                + "WHERE J.PRINCIPAL_AFTER <> A.PRINCIPAL OR J.BONUS_AFTER <> A.BONUS"));

        // The old release's idempotency key answers as it did, and moves nothing again.
        JsonNode fixture = JSON.readTree(resource("/upgrade/recharge.json"));
        String client = "Basic " + Base64.getEncoder().encodeToString("fixture:fixture-secret".getBytes(StandardCharsets.UTF_8));
        Answer replay = call("POST", "/wallets/recharges", JSON.writeValueAsString(fixture.get("request")), client,
                Map.of("Idempotency-Key", fixture.get("key").asText()));
        assertEquals(replay.toString(), 201, replay.status);
        assertEquals(fixture.get("answer"), replay.json);
        assertEquals(before.get("WAL_JOURNAL"), String.valueOf(count("WAL_JOURNAL")));

        // New work goes on: a payment on the old account, its event counted by members.
        long member = fixture.get("request").get("memberId").asLong();
        long store = fixture.get("request").get("storeId").asLong();
        BigDecimal total = accountTotal(member, client);
        Answer pay = call("POST", "/wallets/payments", "{\"memberId\":" + member + ",\"storeId\":" + store + ",\"amount\":10.00}", client, key());
        assertEquals(pay.toString(), 201, pay.status);
        assertEquals(total.subtract(new BigDecimal(pay.json.get("payable").asText())), accountTotal(member, client));
        await("the members' count of movements to take in the payment's event", 30, () -> call("GET", "/members/" + member + "/activity",
                null, client).json.get("walletMovements").asLong() == count("WAL_JOURNAL WHERE MEMBER_ID = " + member));
        Answer card = call("GET", "/cards/U100001", null, client);
        assertEquals(card.toString(), 200, card.status);
        assertEquals(new BigDecimal("66.60"), card.json.get("balance").decimalValue());
        assertFalse(scalar("SELECT COUNT(*) FROM PLT_AUDIT").equals("0"));
    }

    private BigDecimal accountTotal(long member, String client) {
        return call("GET", "/wallets/accounts?memberId=" + member, null, client).json.get(0).get("total").decimalValue();
    }

    private long count(String table) {
        try {
            return Long.parseLong(scalar("SELECT COUNT(*) FROM " + table));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String scalar(String query) throws Exception {
        return withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
                assertTrue(query, r.next());
                Object value = r.getObject(1);
                return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
            }
        });
    }

    // ---- in the test driver, before the container starts

    private static void unzip(Path into) throws IOException {
        try (InputStream in = UpgradeIT.class.getResourceAsStream(FIXTURE); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the folder: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
    }

    /** Row counts and balance sums of the old database, read with Derby before Tessera opens it. */
    private static String facts(Path database) throws SQLException {
        System.setProperty("derby.stream.error.file", database.resolveSibling("derby-driver.log").toString());
        Map<String, String> facts = new LinkedHashMap<>();
        String url = "jdbc:derby:" + database;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String table : KEPT) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    r.next();
                    facts.put(table, r.getString(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT SUM(PRINCIPAL), SUM(BONUS) FROM WAL_ACCOUNT")) {
                r.next();
                facts.put("PRINCIPAL", r.getBigDecimal(1).toPlainString());
                facts.put("BONUS", r.getBigDecimal(2).toPlainString());
            }
        }
        try {
            DriverManager.getConnection(url + ";shutdown=true");
        } catch (SQLException closed) {
            // Derby answers a shutdown with SQLState 08006: the database is closed for the container to open.
        }
        StringBuilder sb = new StringBuilder();
        facts.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    private static Map<String, String> parse(String facts) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : facts.split(";")) {
            String[] kv = pair.split("=", 2);
            map.put(kv[0], kv[1]);
        }
        return map;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = UpgradeIT.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
