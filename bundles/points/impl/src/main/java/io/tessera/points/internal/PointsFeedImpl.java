package io.tessera.points.internal;

import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import io.tessera.points.api.PointsEntry;
import io.tessera.points.api.PointsFeed;
import io.tessera.points.internal.jpa.JournalEntity;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The points journal by id, one query per call. */
@Component(service = PointsFeed.class)
public class PointsFeedImpl implements PointsFeed {

    private final JpaTemplate jpa;

    @Activate
    public PointsFeedImpl(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public List<PointsEntry> next(long afterId, int limit) {
        if (!CallerContext.current().seesAllStores()) {
            throw TesseraException.forbidden("the points feed is for callers that see every store");
        }
        if (limit < 1 || limit > MAX) {
            throw PlatformErrors.PARAM_INVALID.at("limit", "between 1 and " + MAX);
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT j FROM JournalEntity j WHERE j.id > :a ORDER BY j.id",
                JournalEntity.class).setParameter("a", afterId).setMaxResults(limit).getResultList().stream()
                .map(j -> Dtos.entry(j, List.of())).toList());
    }
}
