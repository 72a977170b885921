package io.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Wallet rules that come from configuration and other domains: unified mode, split policy, level discount, adjustments. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WalletRulesIT extends TesseraTestSupport {

    @Inject
    private ConfigurationAdmin configAdmin;

    @Before
    public void ready() {
        awaitReady();
    }

    private void configure(String... keyValues) throws Exception {
        Configuration c = configAdmin.getConfiguration("io.tessera.wallets", null);
        Dictionary<String, Object> props = new Hashtable<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            props.put(keyValues[i], keyValues[i + 1]);
        }
        c.update(props);
    }

    private Answer money(String path, String body, String token) {
        return call("POST", "/wallets/" + path, body, token, Map.of("Idempotency-Key", "rules-" + System.nanoTime()));
    }

    @Test
    public void configurationChangesApplyWithoutARestartAndMoveNoMoney() throws Exception {
        String hq = bearer(HQ_ADMIN);
        long s101 = storeId("101");
        long s102 = storeId("102");
        long m = member(s101);
        try {
            // Store mode: money recharged at 101 cannot be spent at 102.
            configure("mode", "STORE");
            assertEquals(201, money("recharges", "{\"memberId\":" + m + ",\"storeId\":" + s101 + ",\"amount\":40.00,\"method\":\"CASH\"}", hq).status);
            Answer elsewhere = money("payments", "{\"memberId\":" + m + ",\"storeId\":" + s102 + ",\"amount\":10.00}", hq);
            assertEquals(elsewhere.toString(), 422, elsewhere.status);

            // Pharmacies switch to unified: a chain account, usable in every pharmacy; the store account keeps its 40.00.
            configure("mode", "STORE", "format.modes", "PHARMACY=UNIFIED", "split.policy", "BONUS_FIRST");
            // Opening an account is harmless to repeat: it answers with the account the rules now select.
            await("unified pharmacies", 20, () -> call("POST", "/wallets/accounts", "{\"memberId\":" + m + ",\"storeId\":" + s101 + "}", hq)
                    .json.has("scopeStoreId") == false);
            assertEquals(201, money("recharges", "{\"memberId\":" + m + ",\"storeId\":" + s101 + ",\"amount\":5.00,\"method\":\"CASH\"}", hq).status);
            Answer adjust = money("adjustments", "{\"memberId\":" + m + ",\"storeId\":" + s102 + ",\"bonusDelta\":3.00,"
                    + "\"reason\":\"goodwill\"}", hq);
            assertEquals(adjust.toString(), 201, adjust.status);
            Answer noReason = money("adjustments", "{\"memberId\":" + m + ",\"storeId\":" + s102 + ",\"bonusDelta\":3.00}", hq);
            assertEquals(400, noReason.status);
            assertEquals("reason", noReason.field());
            assertEquals(403, money("adjustments", "{\"memberId\":" + m + ",\"storeId\":" + s101 + ",\"bonusDelta\":3.00,"
                    + "\"reason\":\"x\"}", bearer(CLERK_101)).status);

            Answer pay = money("payments", "{\"memberId\":" + m + ",\"storeId\":" + s102 + ",\"amount\":4.00}", hq);
            assertEquals(pay.toString(), 201, pay.status);
            assertEquals("bonus first", "-3.00", pay.json.at("/entry/bonusDelta").asText());
            assertEquals("-1.00", pay.json.at("/entry/principalDelta").asText());
            Answer accounts = call("GET", "/wallets/accounts?memberId=" + m, null, hq);
            assertEquals(accounts.toString(), 2, accounts.json.size());
            assertEquals("40.00", accounts.json.get(0).get("total").asText());
            assertEquals("4.00", accounts.json.get(1).get("total").asText());

            // The member's level discount applies to member payments.
            Answer level = call("POST", "/levels", "{\"name\":\"九折会员\",\"threshold\":0,\"discountRate\":0.90}", hq);
            assertEquals(level.toString(), 201, level.status);
            Answer discounted = money("payments", "{\"memberId\":" + m + ",\"storeId\":" + s101 + ",\"amount\":3.33}", hq);
            assertEquals(discounted.toString(), 201, discounted.status);
            assertEquals("3.00", discounted.json.get("payable").asText());
            assertEquals("0.90", discounted.json.get("discountRate").asText());
        } finally {
            configure("mode", "STORE");
        }
    }

    /**
     * Versioned schemas: an earlier version kept a journal index of ACCOUNT_ID alone, which the unique
     * (ACCOUNT_ID, ACCOUNT_SEQ) index makes redundant, and its change set drops it. On a database where that
     * change set has not run yet (its row in Liquibase's DATABASECHANGELOG removed, the index put back), the
     * wallets bundle's next start runs it before the unit opens, and the account reads the same afterwards.
     */
    @Test
    public void aPendingChangeSetRunsWhenItsBundleStarts() throws Exception {
        String hq = bearer(HQ_ADMIN);
        long s101 = storeId("101");
        long m = member(s101);
        assertEquals(201, money("recharges", "{\"memberId\":" + m + ",\"storeId\":" + s101 + ",\"amount\":40.00,\"method\":\"CASH\"}", hq).status);
        String changeSet = "wallets-2-drop-index-WAL_JOURNAL_ACCOUNT";
        assertEquals(1, sql("DELETE FROM DATABASECHANGELOG WHERE ID = '" + changeSet + "'"));
        sql("CREATE INDEX WAL_JOURNAL_ACCOUNT ON WAL_JOURNAL (ACCOUNT_ID)");
        assertTrue(indexExists("WAL_JOURNAL", "WAL_JOURNAL_ACCOUNT"));

        Bundle wallets = Arrays.stream(bundleContext.getBundles()).filter(b -> "tessera-wallets-impl".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        wallets.stop();
        wallets.start();
        awaitReady();
        assertFalse(indexExists("WAL_JOURNAL", "WAL_JOURNAL_ACCOUNT"));
        assertEquals("EXECUTED", withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT EXECTYPE FROM DATABASECHANGELOG WHERE ID = ?")) {
                s.setString(1, changeSet);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        }));

        Answer pay = money("payments", "{\"memberId\":" + m + ",\"storeId\":" + s101 + ",\"amount\":10.00}", hq);
        assertEquals(pay.toString(), 201, pay.status);
        BigDecimal left = new BigDecimal("40.00").subtract(new BigDecimal(pay.json.get("payable").asText()));
        assertEquals(left.toPlainString(), call("GET", "/wallets/accounts?memberId=" + m, null, hq).json.get(0).get("total").asText());
        Answer journal = call("GET", "/wallets/transactions?memberId=" + m, null, hq);
        assertEquals(journal.toString(), 2, journal.json.get("items").size());
    }

    /** Through JDBC's metadata: the same on Derby and PostgreSQL (which keeps unquoted names in lower case). */
    private boolean indexExists(String table, String index) throws Exception {
        return withConnection(c -> {
            DatabaseMetaData meta = c.getMetaData();
            boolean lower = meta.storesLowerCaseIdentifiers();
            try (ResultSet r = meta.getIndexInfo(null, null, lower ? table.toLowerCase() : table, false, false)) {
                while (r.next()) {
                    if (index.equalsIgnoreCase(r.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
                return false;
            }
        });
    }
}
