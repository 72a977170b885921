package io.tessera.cards.internal.imports;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.tessera.cards.internal.jpa.CardEntity;
import io.tessera.cards.internal.CardTypes;
import io.tessera.cards.internal.jpa.ImportEntity;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.jobs.JobProgress;
import io.tessera.testing.Stub;
import io.tessera.testing.UnitDatabase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Test;

/**
 * The card importer on a real database (embedded Derby, the cards changelog): rows checked one by one, the
 * good ones written with their exact balances, the bad ones recorded with their line and reason, and the same
 * file again (or a corrected one) changing only what changed.
 */
public class CardImporterTest {

    private static final String HEADER = "\uFEFF卡号,卡类型,余额,所属门店,卡状态\r\n";

    private final UnitDatabase db = UnitDatabase.create("tessera-cards");
    private final OrgService org = Stub.of(OrgService.class).on("listStores", a -> List.of(store(1L, "101"), store(3L, "103"))).build();
    private final CardImporter importer = new CardImporter(db.jpa(), org, db.dataSource());

    @After
    public void close() {
        db.close();
    }

    private static Store store(long id, String code) {
        Store s = new Store();
        s.id = id;
        s.code = code;
        s.name = "门店" + code;
        s.formatCode = "PHARMACY";
        s.status = Store.Status.OPEN;
        return s;
    }

    /** The job that has import id (the import service records it with the import). */
    private static long job(long importId) {
        return 1000 + importId;
    }

    private long upload(String csv) throws Exception {
        Path file = Files.createTempFile(Paths.get("target"), "cards-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return db.jpa().txExpr(TransactionType.Required, em -> {
            if (em.createQuery("SELECT COUNT(t) FROM CardTypeEntity t", Long.class).getSingleResult() == 0) {
                em.persist(CardTypes.storedValue());
            }
            ImportEntity i = new ImportEntity();
            i.id = em.createQuery("SELECT COALESCE(MAX(i.id), 0) FROM ImportEntity i", Long.class).getSingleResult() + 1;
            i.fileName = file.getFileName().toString();
            i.format = "CSV";
            i.charset = "UTF-8";
            i.sha256 = "sha-" + i.id;
            i.sizeBytes = csv.length();
            i.storedPath = file.toString();
            i.jobId = job(i.id);
            i.status = "RUNNING";
            i.createdBy = "unit-test";
            i.createdAt = LocalDateTime.now();
            em.persist(i);
            return i.id;
        });
    }

    /** A job whose import was taken over by another job (its node was taken for dead) changes nothing more. */
    @Test
    public void aJobWhoseImportWasTakenOverStopsAndWritesNothing() throws Exception {
        long id = upload(HEADER + "T1,SV,10.00,103,正常\r\n");
        try {
            importer.run(id, job(id) + 1, new Progress());
            throw new AssertionError("another job's import is not written");
        } catch (CardImporter.Superseded expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("taken over"));
        }
        ImportEntity imp = db.jpa().txExpr(TransactionType.Supports, em -> em.find(ImportEntity.class, id));
        assertEquals("RUNNING", imp.status);
        assertEquals(0, imp.read);
        io.tessera.cards.internal.jpa.CardEntity card = db.jpa().txExpr(TransactionType.Supports,
                em -> em.find(io.tessera.cards.internal.jpa.CardEntity.class, "T1"));
        assertEquals(null, card);
    }

    private static final class Progress implements JobProgress {
        final List<String> counters = new ArrayList<>();

        @Override
        public void total(long units) {
        }

        @Override
        public void done(long units) {
        }

        @Override
        public void counter(String name, long value) {
            counters.add(name + "=" + value);
        }

        @Override
        public Path resultFile(String fileName, String contentType) {
            throw new UnsupportedOperationException();
        }
    }

    private CardEntity card(String cardNo) {
        return db.jpa().txExpr(TransactionType.Supports, em -> em.find(CardEntity.class, cardNo));
    }

    private List<String> rejects(long importId) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT LINE_NO, CODE FROM CRD_IMPORT_REJECT WHERE IMPORT_ID = " + importId + " ORDER BY LINE_NO")) {
            while (r.next()) {
                rows.add(r.getLong(1) + ":" + r.getString(2));
            }
        }
        return rows;
    }

    @Test
    public void goodRowsAreWrittenExactlyAndBadOnesRecordedByLine() throws Exception {
        long id = upload(HEADER
                + "C1,储值卡,\"1,234.50\",103 - 蓝色港湾健康中心,正常\r\n"
                + "C2,SV,88.00,101,挂失\r\n"
                + "C3,SV,1.234,103,正常\r\n"
                + "C4,SV,10.00,999,正常\r\n"
                + "C5,XX,5.00,103,正常\r\n"
                + "C6,SV,-3.00,103,正常\r\n"
                + "C1,SV,5.00,103,正常\r\n");
        String summary = importer.run(id, job(id), new Progress());
        assertTrue(summary, summary.startsWith("7 rows read: 2 accepted (2 new"));
        assertEquals(new BigDecimal("1234.50"), card("C1").balance);
        assertEquals(3L, card("C1").storeId);
        assertEquals("LOST", card("C2").status);
        assertEquals(List.of("4:BAD_AMOUNT", "5:UNKNOWN_STORE", "6:UNKNOWN_CARD_TYPE", "7:BAD_AMOUNT", "8:DUPLICATE_CARD_NO"), rejects(id));
        ImportEntity imp = db.jpa().txExpr(TransactionType.Supports, em -> em.find(ImportEntity.class, id));
        assertEquals("SUCCEEDED", imp.status);
        assertEquals(2, imp.inserted);
        assertEquals(5, imp.rejected);
    }

    @Test
    public void aLaterExportChangesOnlyWhatChanged() throws Exception {
        long first = upload(HEADER + "C1,SV,10.00,103,正常\r\nC2,SV,20.00,103,正常\r\n");
        importer.run(first, job(first), new Progress());
        long again = upload(HEADER + "C1,SV,10.00,103,正常\r\nC2,SV,25.50,101,冻结\r\nC3,SV,0.01,101,正常\r\n");
        importer.run(again, job(again), new Progress());
        ImportEntity imp = db.jpa().txExpr(TransactionType.Supports, em -> em.find(ImportEntity.class, again));
        assertEquals(1, imp.unchanged);
        assertEquals(1, imp.updated);
        assertEquals(1, imp.inserted);
        assertEquals(new BigDecimal("25.50"), card("C2").balance);
        assertEquals(1L, card("C2").storeId);
        assertEquals("FROZEN", card("C2").status);
        assertEquals(again, card("C3").importId);
    }
}
