package io.tessera.points.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberErrors;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.points.api.Earning;
import io.tessera.points.api.PointsErrors;
import io.tessera.points.api.PointsParticipant;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link PointsParticipant}: points granted by other domains (marketing rewards) in their own transaction. */
@Component(service = PointsParticipant.class)
public class Grants implements PointsParticipant {

    /** More than any single reward sensibly gives: a typo of a few zeros is refused, not granted. */
    static final long MAX_GRANT = 10_000_000;

    private final JpaTemplate jpa;
    private final MemberService members;
    private final Earnings earnings;

    @Activate
    public Grants(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa, @Reference PointsSettings settings,
                  @Reference EventPublisher events, @Reference UnitOfWork work, @Reference MemberService members, @Reference OrgService org) {
        this.jpa = jpa;
        this.members = members;
        this.earnings = new Earnings(new PointsPostings(events), new Accounts(jpa, work, settings), settings, members, org);
    }

    @Override
    public Earning grant(long memberId, long points, String reference, Long storeId, String reason) {
        String ref = Checks.text("reference", reference, 60);
        String why = Checks.text("reason", reason, 500);
        if (points <= 0 || points > MAX_GRANT) {
            throw PointsErrors.POINTS_QUANTITY_INVALID.at("points", "a grant is 1 to " + MAX_GRANT + " points, not " + points);
        }
        Member member = members.lookup(memberId).orElseThrow(() -> MemberErrors.MEMBER_NOT_FOUND.at("memberId", "no such member"));
        if (member.status != Member.Status.ACTIVE) {
            throw MemberErrors.MEMBER_RETURNED.at("memberId", "the member's card was returned");
        }
        long store = storeId != null ? storeId : member.registeredStoreId;
        return jpa.txExpr(TransactionType.Mandatory, em -> Dtos.earning(earnings.granted(em, member, points, ref, store, why)));
    }
}
