package io.tessera.cards.internal;

import io.tessera.cards.internal.jpa.CardEntity;
import io.tessera.cards.internal.jpa.CardTypeEntity;
import io.tessera.cards.internal.jpa.MigrationEntity;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.jobs.JobProgress;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The list of migrated cards that the legacy CRM must void (待作废卡清单), as a CSV job result:
 * UTF-8 with a byte order mark so that Excel shows the Chinese store names, one row per migration.
 */
public class VoidListExport {

    public static final String JOB_TYPE = "cards.void-list";
    private static final int PAGE = 1000;

    private final JpaTemplate jpa;

    private final OrgService org;

    public VoidListExport(JpaTemplate jpa, OrgService org) {
        this.jpa = jpa;
        this.org = org;
    }

    public String write(Long storeId, LocalDate from, LocalDate to, JobProgress progress) throws Exception {
        StringBuilder where = new StringBuilder("WHERE c.cardNo = m.cardNo AND m.id > :after");
        if (storeId != null) {
            where.append(" AND m.storeId = :store");
        }
        if (from != null) {
            where.append(" AND m.businessDate >= :from");
        }
        if (to != null) {
            where.append(" AND m.businessDate <= :to");
        }
        long total = jpa.txExpr(TransactionType.Supports, em -> {
            var q = em.createQuery("SELECT COUNT(m) FROM MigrationEntity m, CardEntity c " + where, Long.class);
            bind(q, 0L, storeId, from, to);
            return q.getSingleResult();
        });
        progress.total(total);
        String name = "cards-to-void" + (storeId == null ? "" : "-store" + storeId) + (from == null ? "" : "-" + from)
                + (to == null ? "" : "-" + to) + ".csv";
        Path file = progress.resultFile(name, "text/csv; charset=UTF-8");
        Map<Long, String> stores = new HashMap<>();
        Map<Long, CardTypeEntity> types = jpa.txExpr(TransactionType.Supports, CardServiceImpl::types);
        long written = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.write('\uFEFF');
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("card_no", "card_type", "store",
                    "balance", "card_status", "migrated_at", "member_no", "journal_entry_id", "operator_employee_no",
                    "operator_name", "migration_id").build());
            long after = 0;
            while (true) {
                long cursor = after;
                List<Object[]> rows = jpa.txExpr(TransactionType.Supports, em -> {
                    var q = em.createQuery("SELECT m, c FROM MigrationEntity m, CardEntity c " + where + " ORDER BY m.id", Object[].class);
                    bind(q, cursor, storeId, from, to);
                    return q.setMaxResults(PAGE).getResultList();
                });
                if (rows.isEmpty()) {
                    break;
                }
                for (Object[] r : rows) {
                    MigrationEntity m = (MigrationEntity) r[0];
                    CardEntity c = (CardEntity) r[1];
                    CardTypeEntity type = types.get(c.typeId);
                    csv.printRecord(c.cardNo, type == null ? "" : type.code, stores.computeIfAbsent(c.storeId,
                                    id -> org.findStore(id).map(Store::label).orElse(String.valueOf(id))),
                            Money.of(m.amount), c.status, m.migratedAt, m.memberNo, m.journalEntryId, m.operatorEmployeeNo,
                            Optional.ofNullable(m.operatorName).orElse(""), m.id);
                    after = m.id;
                    written++;
                }
                progress.done(written);
                progress.counter("rows", written);
            }
            csv.flush();
        }
        return written + " migrated card(s) listed for voiding in the legacy CRM";
    }

    private static void bind(javax.persistence.Query q, long after, Long storeId, LocalDate from, LocalDate to) {
        q.setParameter("after", after);
        if (storeId != null) {
            q.setParameter("store", storeId);
        }
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
    }
}
