package io.tessera.platform.internal.codes;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.Phones;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.codes.MessageSender;
import io.tessera.platform.api.codes.VerificationCodeService;
import io.tessera.platform.internal.Hashing;
import io.tessera.platform.internal.codes.CodeRules.Outcome;
import io.tessera.platform.internal.codes.CodeRules.State;
import io.tessera.platform.internal.jpa.CodeEntity;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@Component(service = VerificationCodeService.class, configurationPid = "io.tessera.codes")
@Designate(ocd = VerificationCodeServiceImpl.Config.class)
public class VerificationCodeServiceImpl implements VerificationCodeService {

    @ObjectClassDefinition(name = "Tessera verification codes")
    public @interface Config {
        @AttributeDefinition(description = "Minutes a code stays valid")
        int validity_minutes() default 10;

        @AttributeDefinition(description = "Wrong tries after which a code is dead")
        int max_attempts() default 5;

        @AttributeDefinition(description = "Seconds before a new code may be sent to the same phone")
        int resend_interval_seconds() default 60;

        @AttributeDefinition(description = "Codes one requester (a client address, a logged-in caller) may ask for in an hour, "
                + "whatever the phones; 0 for no limit")
        int max_per_requester_per_hour() default 20;
    }

    private final JpaTemplate jpa;

    /** The highest-ranked sender: the outbox by default, a gateway bundle when installed. */
    private final MessageSender sender;

    @Activate
    public VerificationCodeServiceImpl(@Reference(target = "(osgi.unit.name=tessera-platform)") JpaTemplate jpa,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) MessageSender sender,
            Config c) {
        this.jpa = jpa;
        this.sender = sender;
        configure(c);
    }

    private volatile CodeRules rules;
    private volatile int perRequesterPerHour;

    @Modified
    void configure(Config c) {
        rules = new CodeRules(Duration.ofMinutes(Math.max(1, c.validity_minutes())), Math.max(1, c.max_attempts()),
                Duration.ofSeconds(Math.max(0, c.resend_interval_seconds())));
        perRequesterPerHour = Math.max(0, c.max_per_requester_per_hour());
    }

    @Override
    public void issue(String purpose, String phone, boolean deliver, String messageTemplate, String requester) {
        String p = Phones.require("phone", phone);
        CodeRules r = rules;
        int limit = perRequesterPerHour;
        String code = Hashing.randomDigits(6);
        String who = requester == null ? null : requester.length() > 160 ? requester.substring(0, 160) : requester;
        jpa.tx(TransactionType.Required, em -> {
            LocalDateTime now = BusinessTime.now();
            if (who != null && limit > 0 && em.createQuery("SELECT COUNT(c) FROM CodeEntity c WHERE c.requester = :r "
                    + "AND c.createdAt > :since", Long.class).setParameter("r", who).setParameter("since", now.minusHours(1))
                    .getSingleResult() >= limit) {
                throw PlatformErrors.CODE_REQUESTS_TOO_MANY.error("too many codes were requested from here in the last hour; "
                        + "try again later");
            }
            List<CodeEntity> previous = recent(em, purpose, p, 10);
            if (!previous.isEmpty() && !r.mayIssue(previous.get(0).createdAt, now)) {
                throw PlatformErrors.CODE_TOO_FREQUENT.error("a code was sent less than a minute ago; wait before asking again");
            }
            for (CodeEntity old : previous) {
                if (State.USABLE.name().equals(old.state)) {
                    old.state = State.DEAD.name();
                }
            }
            CodeEntity e = new CodeEntity();
            e.purpose = purpose;
            e.phone = p;
            e.codeHash = hash(purpose, p, code);
            e.createdAt = now;
            e.expiresAt = now.plus(r.validity());
            e.state = State.USABLE.name();
            e.requester = who;
            em.persist(e);
            if (deliver) {
                sender.send(p, messageTemplate.replace("{code}", code));
            }
        });
    }

    @Override
    public void verify(String purpose, String phone, String code) {
        attempt(purpose, phone, code, true);
    }

    @Override
    public void check(String purpose, String phone, String code) {
        attempt(purpose, phone, code, false);
    }

    private void attempt(String purpose, String phone, String code, boolean consume) {
        String p = Phones.require("phone", phone);
        if (code == null || code.isBlank()) {
            throw TesseraException.required("code");
        }
        String attemptHash = hash(purpose, p, code.trim());
        CodeRules r = rules;
        // The outcome is committed before any error is thrown, so wrong tries always count.
        Outcome outcome = jpa.txExpr(TransactionType.Required, em -> {
            List<CodeEntity> latest = recent(em, purpose, p, 1);
            if (latest.isEmpty()) {
                return Outcome.NO_CODE;
            }
            // Re-read under the row lock: concurrent wrong tries must each count.
            CodeEntity e = latest.get(0);
            em.refresh(e, LockModeType.PESSIMISTIC_WRITE);
            Outcome o = r.attempt(State.valueOf(e.state), e.expiresAt, e.failedAttempts,
                    Hashing.same(e.codeHash, attemptHash), BusinessTime.now());
            switch (o) {
                case ACCEPTED:
                    if (consume) {
                        e.state = State.USED.name();
                    }
                    break;
                case WRONG:
                    e.failedAttempts++;
                    break;
                case WRONG_NOW_DEAD:
                    e.failedAttempts++;
                    e.state = State.DEAD.name();
                    break;
                default:
                    break;
            }
            return o;
        });
        switch (outcome) {
            case ACCEPTED:
                return;
            case EXPIRED:
                throw PlatformErrors.CODE_EXPIRED.at("code", "the code has expired; ask for a new one");
            case DEAD:
            case WRONG_NOW_DEAD:
                throw PlatformErrors.CODE_DEAD.at("code", "too many wrong tries; ask for a new code");
            default:
                throw PlatformErrors.CODE_INVALID.at("code", "the code is wrong or was not requested");
        }
    }

    private static List<CodeEntity> recent(EntityManager em, String purpose, String phone, int max) {
        return em.createQuery("SELECT c FROM CodeEntity c WHERE c.purpose = :purpose AND c.phone = :phone "
                        + "ORDER BY c.createdAt DESC, c.id DESC", CodeEntity.class)
                .setParameter("purpose", purpose).setParameter("phone", phone).setMaxResults(max).getResultList();
    }

    private static String hash(String purpose, String phone, String code) {
        return Hashing.sha256(purpose + "|" + phone + "|" + code);
    }
}
