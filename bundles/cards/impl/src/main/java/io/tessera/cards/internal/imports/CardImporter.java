package io.tessera.cards.internal.imports;

import io.tessera.cards.api.CardErrors;
import io.tessera.cards.api.CardImport;
import io.tessera.cards.api.CardStatus;
import io.tessera.cards.api.MigrationStatus;
import io.tessera.cards.internal.imports.CardColumns.Field;
import io.tessera.cards.internal.imports.CardRowRules.RowRejected;
import io.tessera.cards.internal.jpa.CardEntity;
import io.tessera.cards.internal.jpa.CardTypeEntity;
import io.tessera.cards.internal.jpa.ImportEntity;
import io.tessera.cards.internal.jpa.ImportRejectEntity;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.jobs.JobProgress;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work of an import job: reads the stored file row by row and writes cards in chunks, each chunk
 * one transaction together with its rejects and the import's counters, so that what the import row
 * says is always what is in the card table. Safe to run again on the same file: rows already
 * written count as unchanged, and a migrated card is never overwritten.
 */
public class CardImporter {

    /** Rows per transaction: below Derby's lock escalation threshold (5,000 row locks per table). */
    static final int CHUNK = 4000;
    private static final Logger LOG = LoggerFactory.getLogger(CardImporter.class);

    private final JpaTemplate jpa;

    private final OrgService org;

    /** Read once per import, outside any transaction, to learn which card nos exist (see {@link KnownCardNos}). */
    private final DataSource dataSource;

    public CardImporter(JpaTemplate jpa, OrgService org, DataSource dataSource) {
        this.jpa = jpa;
        this.org = org;
        this.dataSource = dataSource;
    }

    /** A row that passed the row rules, waiting for its chunk. */
    private record Parsed(long line, String cardNo, long typeId, long storeId, Money balance, CardStatus status) {
    }

    private record Reject(long line, String cardNo, String code, String reason) {
    }

    /** Counters of the run, as published to the job. */
    private static final class Counts {
        long read;
        long inserted;
        long updated;
        long unchanged;
        long rejected;
    }

    public String run(long importId, long jobId, JobProgress progress) throws Exception {
        ImportEntity imp = jpa.txExpr(TransactionType.Required, em -> {
            ImportEntity e = own(em, importId, jobId);
            // A run again after a failure starts over; the cards it wrote stay and count as unchanged.
            em.createQuery("DELETE FROM ImportRejectEntity r WHERE r.importId = :id").setParameter("id", importId).executeUpdate();
            e.read = 0;
            e.inserted = 0;
            e.updated = 0;
            e.unchanged = 0;
            e.rejected = 0;
            e.message = null;
            return e;
        });
        Path file = Paths.get(imp.storedPath);
        RowSource source = Upload.Format.valueOf(imp.format) == Upload.Format.XLSX
                ? new XlsxRows(file) : new CsvRows(file, Charset.forName(imp.charset));
        Map<String, Long> stores = org.listStores(null).stream().collect(Collectors.toMap(s -> s.code, s -> s.id, (a, b) -> a));
        Map<String, Long> types = new HashMap<>();
        jpa.tx(TransactionType.Supports, em -> {
            for (CardTypeEntity t : em.createQuery("SELECT t FROM CardTypeEntity t", CardTypeEntity.class).getResultList()) {
                types.put(t.code.toLowerCase(Locale.ROOT), t.id);
                types.putIfAbsent(t.name.toLowerCase(Locale.ROOT), t.id);
            }
        });
        progress.total(imp.sizeBytes);
        KnownCardNos known = knownCardNos(imp.sizeBytes);
        Counts counts = new Counts();
        List<Parsed> chunk = new ArrayList<>(CHUNK);
        List<Reject> rejects = new ArrayList<>();
        CardColumns[] columns = new CardColumns[1];
        try {
            source.read(row -> {
                if (row.blank()) {
                    return;
                }
                if (columns[0] == null) {
                    columns[0] = CardColumns.of(row.cells());
                    return;
                }
                try {
                    chunk.add(parse(row, columns[0], stores, types, source.spreadsheet()));
                } catch (RowRejected r) {
                    rejects.add(new Reject(row.line(), cardNoOf(row, columns[0]), r.code, r.getMessage()));
                }
                if (chunk.size() + rejects.size() >= CHUNK) {
                    write(importId, jobId, chunk, rejects, counts, known);
                    publish(progress, counts, source);
                }
            });
            if (columns[0] == null) {
                throw CardErrors.FILE_EMPTY.at("file", "the file has no header row and no data");
            }
            write(importId, jobId, chunk, rejects, counts, known);
            publish(progress, counts, source);
        } catch (Superseded e) {
            throw e;
        } catch (Exception e) {
            String message = e instanceof TesseraException ? e.getMessage() : "the file could not be read: " + e.getMessage();
            finish(importId, jobId, CardImport.Status.FAILED, message);
            throw e instanceof TesseraException ? e : new IllegalStateException(message, e);
        }
        progress.done(imp.sizeBytes);
        String summary = String.format("%d rows read: %d accepted (%d new, %d updated, %d unchanged), %d rejected",
                counts.read, counts.inserted + counts.updated + counts.unchanged, counts.inserted, counts.updated,
                counts.unchanged, counts.rejected);
        finish(importId, jobId, CardImport.Status.SUCCEEDED, summary);
        return summary;
    }

    /**
     * The import, locked, if this job still has it: a job whose node was taken for dead (its heartbeat late) while
     * the import was taken over by an upload of the same file on another node stops at its next chunk.
     */
    private static ImportEntity own(EntityManager em, long importId, long jobId) {
        ImportEntity e = em.find(ImportEntity.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (e.jobId == null || e.jobId != jobId) {
            throw new Superseded("import " + importId + " was taken over by job " + e.jobId + ": job " + jobId + " stops");
        }
        return e;
    }

    /** This job no longer has the import (another job took it over). */
    static final class Superseded extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Superseded(String message) {
            super(message);
        }
    }

    private static Parsed parse(RowSource.Row row, CardColumns c, Map<String, Long> stores, Map<String, Long> types,
                                boolean spreadsheet) throws RowRejected {
        List<String> cells = row.cells();
        String cardNo = CardRowRules.cardNo(c.get(cells, Field.CARD_NO));
        String type = c.get(cells, Field.TYPE).trim();
        Long typeId = types.get(type.toLowerCase(Locale.ROOT));
        if (typeId == null) {
            throw new RowRejected("UNKNOWN_CARD_TYPE", "card type '" + CardRowRules.abbreviate(type)
                    + "' is not defined: headquarters creates card types first");
        }
        Money balance = CardRowRules.balance(c.get(cells, Field.BALANCE), spreadsheet);
        String storeCode = CardRowRules.storeCode(c.get(cells, Field.STORE));
        Long storeId = stores.get(storeCode);
        if (storeId == null) {
            throw new RowRejected("UNKNOWN_STORE", "no store with code '" + CardRowRules.abbreviate(storeCode) + "'");
        }
        CardStatus status = CardRowRules.status(c.get(cells, Field.STATUS));
        return new Parsed(row.line(), cardNo, typeId, storeId, balance, status);
    }

    private static String cardNoOf(RowSource.Row row, CardColumns c) {
        String v = c.get(row.cells(), Field.CARD_NO).trim();
        return v.isEmpty() ? null : CardRowRules.abbreviate(v);
    }

    /**
     * Writes one chunk in one transaction. A chunk that collides with a concurrent migration (the
     * card's version moved) or a deadlock is run again from a fresh read.
     */
    private void write(long importId, long jobId, List<Parsed> chunk, List<Reject> rejects, Counts counts, KnownCardNos known) {
        if (chunk.isEmpty() && rejects.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            Counts delta = new Counts();
            List<String> inserted = new ArrayList<>();
            // After a collision, every card no of the chunk is looked up: another import may have written it.
            Predicate<String> mayExist = attempt == 1 ? known::mightContain : no -> true;
            try {
                jpa.tx(TransactionType.Required, em -> writeChunk(em, own(em, importId, jobId), chunk, rejects, delta, mayExist, inserted));
                inserted.forEach(known::add);
                counts.read += delta.read;
                counts.inserted += delta.inserted;
                counts.updated += delta.updated;
                counts.unchanged += delta.unchanged;
                counts.rejected += delta.rejected;
                chunk.clear();
                rejects.clear();
                return;
            } catch (RuntimeException e) {
                boolean retry = e instanceof OptimisticLockException || DbErrors.isTransientConflict(e)
                        || e.getCause() instanceof OptimisticLockException || DbErrors.isUniqueViolation(e);
                if (!retry || attempt >= 5) {
                    throw e;
                }
                LOG.info("Import {}: a chunk met a concurrent change ({}); writing it again", importId, e.toString());
            }
        }
    }

    private static void writeChunk(EntityManager em, ImportEntity imp, List<Parsed> chunk, List<Reject> rejects, Counts delta,
                                   Predicate<String> mayExist, List<String> inserted) {
        long importId = imp.id;
        List<Reject> all = new ArrayList<>(rejects);
        Map<String, Parsed> byNo = new LinkedHashMap<>();
        for (Parsed p : chunk) {
            Parsed first = byNo.putIfAbsent(p.cardNo, p);
            if (first != null) {
                all.add(new Reject(p.line, p.cardNo, "DUPLICATE_CARD_NO", "card no " + p.cardNo + " is also on line " + first.line));
            }
        }
        Map<String, CardEntity> existing = new HashMap<>();
        for (String no : byNo.keySet()) {
            if (mayExist.test(no)) {
                CardEntity c = em.find(CardEntity.class, no);
                if (c != null) {
                    existing.put(no, c);
                }
            }
        }
        LocalDateTime now = BusinessTime.now();
        for (Parsed p : byNo.values()) {
            CardEntity c = existing.get(p.cardNo);
            if (c == null) {
                c = new CardEntity();
                c.cardNo = p.cardNo;
                c.migrationStatus = MigrationStatus.NOT_MIGRATED.name();
                apply(c, p, importId, now);
                em.persist(c);
                inserted.add(c.cardNo);
                delta.inserted++;
            } else if (c.importId == importId && c.importLine != p.line) {
                all.add(new Reject(p.line, p.cardNo, "DUPLICATE_CARD_NO", "card no " + p.cardNo + " is also on line " + c.importLine));
            } else if (MigrationStatus.MIGRATED.name().equals(c.migrationStatus)) {
                all.add(new Reject(p.line, p.cardNo, "CARD_MIGRATED",
                        "card " + p.cardNo + " was already migrated into a member's stored value: not overwritten"));
            } else if (same(c, p)) {
                if (c.importId != importId) {
                    // Stamped with this import, so that the same card later in this file is seen as a duplicate.
                    c.importId = importId;
                    c.importLine = p.line;
                }
                delta.unchanged++;
            } else {
                apply(c, p, importId, now);
                delta.updated++;
            }
        }
        for (Reject r : all) {
            ImportRejectEntity e = new ImportRejectEntity();
            e.importId = importId;
            e.line = r.line;
            e.cardNo = r.cardNo;
            e.code = r.code;
            e.reason = r.reason.length() > 300 ? r.reason.substring(0, 300) : r.reason;
            em.persist(e);
        }
        delta.rejected = all.size();
        delta.read = chunk.size() + rejects.size();
        imp.read += delta.read;
        imp.inserted += delta.inserted;
        imp.updated += delta.updated;
        imp.unchanged += delta.unchanged;
        imp.rejected += delta.rejected;
    }

    /** Every card no in the table now, sized for those plus the rows the file may add (~30 bytes a row). */
    private KnownCardNos knownCardNos(long fileBytes) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            long count;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM CRD_CARD")) {
                rs.next();
                count = rs.getLong(1);
            }
            KnownCardNos known = new KnownCardNos(count + fileBytes / 30);
            if (count > 0) {
                // Read in batches: PostgreSQL's driver honours the fetch size only inside a transaction (else
                // it loads every row at once); Derby streams either way.
                c.setAutoCommit(false);
                try {
                    s.setFetchSize(10_000);
                    try (ResultSet rs = s.executeQuery("SELECT CARD_NO FROM CRD_CARD")) {
                        while (rs.next()) {
                            known.add(rs.getString(1));
                        }
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
            return known;
        }
    }

    private static boolean same(CardEntity c, Parsed p) {
        return c.typeId == p.typeId && c.storeId == p.storeId && Money.of(c.balance).equals(p.balance)
                && c.status.equals(p.status.name());
    }

    private static void apply(CardEntity c, Parsed p, long importId, LocalDateTime now) {
        c.typeId = p.typeId;
        c.storeId = p.storeId;
        c.balance = p.balance.toBigDecimal();
        c.status = p.status.name();
        c.importId = importId;
        c.importLine = p.line;
        c.updatedAt = now;
    }

    private static void publish(JobProgress progress, Counts counts, RowSource source) {
        progress.counter("read", counts.read);
        progress.counter("accepted", counts.inserted + counts.updated + counts.unchanged);
        progress.counter("rejected", counts.rejected);
        progress.counter("inserted", counts.inserted);
        progress.counter("updated", counts.updated);
        progress.counter("unchanged", counts.unchanged);
        if (source.position() >= 0) {
            progress.done(source.position());
        }
    }

    private void finish(long importId, long jobId, CardImport.Status status, String message) {
        jpa.tx(TransactionType.Required, em -> {
            ImportEntity e = own(em, importId, jobId);
            e.status = status.name();
            e.message = message == null ? null : message.substring(0, Math.min(1000, message.length()));
            e.finishedAt = BusinessTime.now();
        });
    }
}
