package io.tessera.points.internal;

import io.tessera.members.api.Member;
import io.tessera.members.api.MemberQuery;
import io.tessera.members.api.MemberService;
import io.tessera.org.api.OrgService;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.events.EventPublisher;
import io.tessera.platform.api.schedule.ScheduledTask;
import io.tessera.platform.api.work.UnitOfWork;
import io.tessera.points.api.Activity;
import io.tessera.points.api.RuleKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Scheduled task "points.birthday" (every hour unless etc/io.tessera.scheduler.cfg says otherwise): the members
 * born on today's month and day (those born on the 29th of February on the 28th in other years) get the BIRTHDAY
 * activity, each once a year (the earning's key names the member and the year: a second run, a restart or a second
 * node finds it), one member per transaction. Nothing is walked while no BIRTHDAY rule is active.
 */
@Component(service = ScheduledTask.class, property = {ScheduledTask.NAME + "=points.birthday", ScheduledTask.INTERVAL + "=PT1H"})
public class Birthdays implements ScheduledTask {

    private static final int PAGE = 200;

    private final JpaTemplate jpa;
    private final MemberService members;
    private final Earnings earnings;

    @Activate
    public Birthdays(@Reference(target = "(osgi.unit.name=tessera-points)") JpaTemplate jpa, @Reference PointsSettings settings,
                     @Reference EventPublisher events, @Reference UnitOfWork work, @Reference MemberService members, @Reference OrgService org) {
        this.jpa = jpa;
        this.members = members;
        this.earnings = new Earnings(new PointsPostings(events), new Accounts(jpa, work, settings), settings, members, org);
    }

    @Override
    public String run() {
        boolean anyRule = jpa.txExpr(TransactionType.Required, em -> Rules.active(em, RuleKind.ACTIVITY).stream()
                .anyMatch(l -> Activity.BIRTHDAY.name().equals(l.rule().activity)));
        if (!anyRule) {
            return "no active BIRTHDAY rule";
        }
        LocalDate today = BusinessTime.today();
        int done = 0;
        for (String bornOn : bornOn(today)) {
            for (int page = 1; ; page++) {
                MemberQuery q = new MemberQuery();
                q.bornOn = bornOn;
                q.status = Member.Status.ACTIVE;
                q.page = page;
                q.size = PAGE;
                Page<Member> p = members.list(q);
                for (Member m : p.getItems()) {
                    jpa.tx(TransactionType.Required, em -> earnings.birthday(em, m.id, m.registeredStoreId, today.getYear()));
                    done++;
                }
                if (p.getItems().size() < PAGE) {
                    break;
                }
            }
        }
        return done + " birthday(s) on " + today;
    }

    /** The birthdays celebrated on the day, as MM-dd: the day's own, and the 29th of February on the 28th of a common year. */
    static List<String> bornOn(LocalDate day) {
        List<String> out = new ArrayList<>();
        out.add(String.format("%02d-%02d", day.getMonthValue(), day.getDayOfMonth()));
        if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
            out.add("02-29");
        }
        return out;
    }
}
