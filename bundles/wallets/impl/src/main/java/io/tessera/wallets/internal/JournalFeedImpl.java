package io.tessera.wallets.internal;

import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import io.tessera.wallets.api.JournalEntry;
import io.tessera.wallets.api.JournalFeed;
import io.tessera.wallets.internal.jpa.JournalEntity;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The journal by id, one query per call. */
@Component(service = JournalFeed.class)
public class JournalFeedImpl implements JournalFeed {

    private final JpaTemplate jpa;

    @Activate
    public JournalFeedImpl(@Reference(target = "(osgi.unit.name=tessera-wallets)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public List<JournalEntry> next(long afterId, int limit) {
        Caller caller = CallerContext.current();
        if (!caller.seesAllStores()) {
            throw TesseraException.forbidden("the journal feed is for callers that see every store");
        }
        if (limit < 1 || limit > MAX) {
            throw PlatformErrors.PARAM_INVALID.at("limit", "between 1 and " + MAX);
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT j FROM JournalEntity j WHERE j.id > :a ORDER BY j.id",
                JournalEntity.class).setParameter("a", afterId).setMaxResults(limit).getResultList().stream().map(Dtos::entry).toList());
    }
}
