package io.tessera.members.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberFeed;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.TesseraException;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The registrations by member id, one query per call (the columns only, no personal data read). */
@Component(service = MemberFeed.class)
public class MemberFeedImpl implements MemberFeed {

    private final JpaTemplate jpa;

    @Activate
    public MemberFeedImpl(@Reference(target = "(osgi.unit.name=tessera-members)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public List<Registration> next(long afterId, int limit) {
        if (!CallerContext.current().seesAllStores()) {
            throw TesseraException.forbidden("the member feed is for callers that see every store");
        }
        if (limit < 1 || limit > MAX) {
            throw PlatformErrors.PARAM_INVALID.at("limit", "between 1 and " + MAX);
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT m.id, m.registeredStoreId, m.channel, m.registeredAt "
                + "FROM MemberEntity m WHERE m.id > :a ORDER BY m.id", Object[].class).setParameter("a", afterId).setMaxResults(limit)
                .getResultList().stream().map(MemberFeedImpl::registration).toList());
    }

    private static Registration registration(Object[] row) {
        Registration r = new Registration();
        r.memberId = ((Number) row[0]).longValue();
        r.storeId = ((Number) row[1]).longValue();
        r.channel = row[2] == null ? null : row[2] instanceof Member.Channel c ? c : Member.Channel.valueOf(row[2].toString());
        r.registeredAt = BusinessTime.offset((LocalDateTime) row[3]);
        return r;
    }
}
