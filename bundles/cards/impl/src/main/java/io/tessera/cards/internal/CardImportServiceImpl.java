package io.tessera.cards.internal;

import io.tessera.cards.api.CardErrors;
import io.tessera.cards.api.CardImport;
import io.tessera.cards.api.CardImportService;
import io.tessera.cards.api.CardType;
import io.tessera.cards.api.ImportReject;
import io.tessera.cards.internal.imports.CardImporter;
import io.tessera.cards.internal.imports.CsvRows;
import io.tessera.cards.internal.imports.Upload;
import io.tessera.cards.internal.jpa.CardTypeEntity;
import io.tessera.cards.internal.jpa.ImportEntity;
import io.tessera.cards.internal.jpa.ImportRejectEntity;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.DbErrors;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.PagedQuery;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.jobs.JobService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.sql.DataSource;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Card types and CRM imports. An upload is stored under {@code data/tessera/card-imports/}, known by
 * its SHA-256; its import runs as a platform job (see {@link CardImporter}).
 */
@Component(service = CardImportService.class, configurationPid = "io.tessera.cards")
@Designate(ocd = CardImportServiceImpl.Config.class)
public class CardImportServiceImpl implements CardImportService {

    @ObjectClassDefinition(name = "Tessera cards")
    public @interface Config {
        @AttributeDefinition(description = "Largest CRM export accepted for import, in MB")
        int import_max_mb() default 500;
    }

    public static final String JOB_TYPE = "cards.import";

    private final JpaTemplate jpa;

    private final JobService jobs;

    private final CardImporter importer;

    private final AuditService audit;

    @Activate
    public CardImportServiceImpl(@Reference(target = "(osgi.unit.name=tessera-cards)") JpaTemplate jpa,
            @Reference JobService jobs,
            @Reference OrgService org,
            @Reference(target = "(tessera.schema=tessera-cards)") DataSource dataSource,
            @Reference AuditService audit,
            Config c) {
        this.jpa = jpa;
        this.jobs = jobs;
        this.importer = new CardImporter(jpa, org, dataSource);
        this.audit = audit;
        start(c);
    }

    private volatile long maxBytes;

    private void start(Config c) {
        configure(c);
        // An import whose job ended without finishing it (Tessera stopped meanwhile) can be uploaded again.
        CallerContext.runAs(Caller.system("cards"), () -> jpa.tx(TransactionType.Required, em -> {
            for (ImportEntity e : em.createQuery("SELECT i FROM ImportEntity i WHERE i.status = :s", ImportEntity.class)
                    .setParameter("s", CardImport.Status.RUNNING.name()).getResultList()) {
                if (e.jobId == null || jobFinished(e.jobId)) {
                    e.status = CardImport.Status.FAILED.name();
                    e.message = "interrupted before it finished: upload the file again to complete it";
                    e.finishedAt = BusinessTime.now();
                }
            }
        }));
    }

    private boolean jobFinished(long jobId) {
        try {
            return jobs.get(jobId).status.finished();
        } catch (TesseraException notFound) {
            return true;
        }
    }

    @Modified
    void configure(Config c) {
        maxBytes = Math.max(1, c.import_max_mb()) * 1024L * 1024L;
    }

    static Path folder() {
        return Paths.get(System.getProperty("karaf.data", "data"), "tessera", "card-imports");
    }

    @Override
    public CardType createType(CardType type) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", type);
        String code = Checks.text("code", type.code, 20).toUpperCase();
        String name = Checks.text("name", type.name, 60);
        CardTypeEntity e = new CardTypeEntity();
        e.code = code;
        e.name = name;
        e.createdAt = BusinessTime.now();
        try {
            jpa.tx(TransactionType.Required, em -> {
                boolean taken = !em.createQuery("SELECT t.id FROM CardTypeEntity t WHERE UPPER(t.code) = :c OR t.name = :n", Long.class)
                        .setParameter("c", code).setParameter("n", name).getResultList().isEmpty();
                if (taken) {
                    throw CardErrors.CARD_TYPE_EXISTS.at("code", "a card type with this code or name exists");
                }
                em.persist(e);
                em.flush();
                audit.record("cards.type.create", "CardType", code, null, null, Dtos.type(e));
            });
        } catch (RuntimeException ex) {
            if (DbErrors.isUniqueViolation(ex)) {
                throw CardErrors.CARD_TYPE_EXISTS.at("code", "a card type with this code exists");
            }
            throw ex;
        }
        return Dtos.type(e);
    }

    @Override
    public List<CardType> listTypes() {
        CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT t FROM CardTypeEntity t ORDER BY t.code", CardTypeEntity.class).getResultList()
                .stream().map(Dtos::type).collect(Collectors.toList()));
    }

    @Override
    public CardImport startImport(String fileName, InputStream content, String charset) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.FINANCE);
        String name = Checks.optionalText("fileName", fileName, 200);
        Charset forced = charset(charset);
        Upload upload = Upload.store(content, folder().resolve("upload-" + UUID.randomUUID() + ".part"), maxBytes);
        ImportEntity imp;
        try {
            imp = register(caller, name == null ? "upload" : name, upload, forced);
        } catch (RuntimeException e) {
            delete(upload.file);
            throw e;
        }
        if (imp == null) {
            // The same file: answer with the import that has it, change nothing.
            delete(upload.file);
            CardImport existing = jpa.txExpr(TransactionType.Supports, em -> Dtos.importOf(bySha(em, upload.sha256).orElseThrow()));
            existing.duplicate = true;
            return existing;
        }
        return jpa.txExpr(TransactionType.Supports, em -> Dtos.importOf(em.find(ImportEntity.class, imp.id)));
    }

    /**
     * Records the upload as a new import, or takes over a failed import of the same file (or one whose job ended
     * without finishing it: its node stopped), with its stored file and its job, in one transaction: no other upload
     * or node ever sees the import claimed without its job. Null when the file was already imported (or is being
     * imported). The job starts when the transaction commits.
     */
    private ImportEntity register(Caller caller, String name, Upload upload, Charset forced) {
        String charset = upload.format == Upload.Format.CSV
                ? (forced != null ? forced : CsvRows.guess(upload.validUtf8)).name() : null;
        // Named by its content: an import of the same file always reads the same bytes.
        Path stored = folder().resolve(upload.sha256 + "." + upload.format.name().toLowerCase());
        for (int attempt = 0; ; attempt++) {
            try {
                return jpa.txExpr(TransactionType.Required, em -> {
                    Optional<ImportEntity> same = bySha(em, upload.sha256);
                    ImportEntity e;
                    if (same.isPresent()) {
                        e = same.get();
                        em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
                        // RUNNING with its job ended: the node importing it stopped (another node marked the job).
                        boolean orphan = CardImport.Status.RUNNING.name().equals(e.status) && e.jobId != null
                                && CallerContext.callAs(Caller.system("cards"), () -> jobFinished(e.jobId));
                        if (!CardImport.Status.FAILED.name().equals(e.status) && !orphan) {
                            return null;
                        }
                        e.status = CardImport.Status.RUNNING.name();
                        e.fileName = name;
                        e.charset = charset;
                        e.finishedAt = null;
                        e.message = null;
                    } else {
                        e = new ImportEntity();
                        e.fileName = name;
                        e.format = upload.format.name();
                        e.charset = charset;
                        e.sha256 = upload.sha256;
                        e.sizeBytes = upload.size;
                        e.status = CardImport.Status.RUNNING.name();
                        e.createdBy = caller.label();
                        e.createdAt = BusinessTime.now();
                        em.persist(e);
                        em.flush();
                    }
                    try {
                        Files.move(upload.file, stored, StandardCopyOption.REPLACE_EXISTING);
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                    e.storedPath = stored.toString();
                    long id = e.id;
                    // The job starts when this transaction commits, by then knowing its own id.
                    long[] job = new long[1];
                    job[0] = jobs.submit(JOB_TYPE, "Card import " + e.fileName, "card-import:" + id,
                            progress -> importer.run(id, job[0], progress)).id;
                    e.jobId = job[0];
                    return e;
                });
            } catch (RuntimeException e) {
                // The same file uploaded twice at once: the second finds the first's row.
                if (attempt == 0 && DbErrors.isUniqueViolation(e)) {
                    continue;
                }
                throw e;
            }
        }
    }

    private static Optional<ImportEntity> bySha(EntityManager em, String sha) {
        return em.createQuery("SELECT i FROM ImportEntity i WHERE i.sha256 = :s", ImportEntity.class)
                .setParameter("s", sha).getResultList().stream().findFirst();
    }

    @Override
    public CardImport getImport(long id) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN, Role.FINANCE);
        return jpa.txExpr(TransactionType.Supports, em -> {
            ImportEntity e = em.find(ImportEntity.class, id);
            if (e == null) {
                throw CardErrors.IMPORT_NOT_FOUND.error("no card import " + id);
            }
            return Dtos.importOf(e);
        });
    }

    @Override
    public Page<CardImport> listImports(int page, int size) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN, Role.FINANCE);
        return jpa.txExpr(TransactionType.Supports, em -> PagedQuery.of("ImportEntity", "i")
                .page(em, ImportEntity.class, "i.id DESC", page, size).map(Dtos::importOf));
    }

    @Override
    public Page<ImportReject> rejects(long importId, int page, int size) {
        getImport(importId);
        Page.check(page, size);
        return jpa.txExpr(TransactionType.Supports, em -> PagedQuery.of("ImportRejectEntity", "r").where("r.importId = :id", "id", importId)
                .page(em, ImportRejectEntity.class, "r.line, r.id", page, size).map(Dtos::reject));
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw CardErrors.CHARSET_UNKNOWN.at("charset", "unknown character set " + name.trim());
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stray upload in the imports folder does no harm
        }
    }
}
