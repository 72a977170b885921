package io.tessera.members.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberEnrolment;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.events.EventPublisher;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Members enrolled by other domains' use cases (a payer of a channel), in their transaction. */
@Component(service = MemberEnrolment.class)
public class MemberEnrolmentImpl implements MemberEnrolment {

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final EventPublisher events;

    @Activate
    public MemberEnrolmentImpl(@Reference(target = "(osgi.unit.name=tessera-members)") JpaTemplate jpa, @Reference AuditService audit,
                               @Reference EventPublisher events) {
        this.jpa = jpa;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public Member enrolPayer(long storeId, String name) {
        String checked = Checks.text("name", name, 50);
        String by = CallerContext.current().label();
        return jpa.txExpr(TransactionType.Mandatory, em -> Registrations.insert(em,
                new Registrations.Fields(null, checked, null, null, storeId, Member.Channel.PAY, null), by, audit, events));
    }
}
