package io.tessera.members.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How members gain experience and whether levels are reviewed yearly, from {@code etc/io.tessera.members.cfg}, applied
 * to the next sale (and the next run of the review task) as soon as the file changes.
 */
@Component(service = MemberSettings.class, configurationPid = "io.tessera.members")
@Designate(ocd = MemberSettings.Config.class)
public class MemberSettings {

    private static final Logger LOG = LoggerFactory.getLogger(MemberSettings.class);

    @ObjectClassDefinition(name = "Tessera members")
    public @interface Config {
        @AttributeDefinition(description = "Experience per yuan a member's sale paid (0: sales give no experience), at most 2 decimals")
        String experience_perYuan() default "1";

        @AttributeDefinition(description = "The tenders whose money counts, comma-separated (empty: all), e.g. CASH,WECHAT,ALIPAY,POS_CARD,MEMBER")
        String experience_tenders() default "";

        @AttributeDefinition(description = "NONE: levels only go up, with lifetime experience; YEARLY: once a year (levels.reviewOn) each member "
                + "holds the level the experience of the past year reaches, and levels go up with the experience since")
        String levels_review() default "NONE";

        @AttributeDefinition(description = "The day of the yearly review, MM-dd (02-29 is the 28th in common years)")
        String levels_reviewOn() default "01-01";
    }

    /** The yearly level review: whether there is one, and on which day (month, day). */
    public record Review(boolean yearly, int month, int day) {
    }

    /** Experience per yuan, and the tenders that count (empty: all). */
    public record Experience(BigDecimal perYuan, Set<String> tenders) {
        boolean counts(String method) {
            return tenders.isEmpty() || tenders.contains(method);
        }
    }

    private volatile Experience experience = new Experience(BigDecimal.ONE, Set.of());
    private volatile Review review = new Review(false, 1, 1);

    @Activate
    @Modified
    void configure(Config c) {
        BigDecimal perYuan;
        try {
            perYuan = new BigDecimal(c.experience_perYuan().trim());
        } catch (NumberFormatException e) {
            perYuan = null;
        }
        if (perYuan == null || perYuan.signum() < 0 || perYuan.stripTrailingZeros().scale() > 2 || perYuan.compareTo(new BigDecimal("1000")) > 0) {
            LOG.warn("etc/io.tessera.members.cfg: experience.perYuan '{}' is not 0 to 1000 with at most 2 decimals; keeping {}",
                    c.experience_perYuan(), experience.perYuan());
            perYuan = experience.perYuan();
        }
        Set<String> tenders = Arrays.stream(c.experience_tenders().split(",")).map(t -> t.trim().toUpperCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).collect(Collectors.toUnmodifiableSet());
        experience = new Experience(perYuan, tenders);
        review = review(c.levels_review(), c.levels_reviewOn());
    }

    private Review review(String policy, String on) {
        String p = policy == null ? "NONE" : policy.trim().toUpperCase(Locale.ROOT);
        if (!p.equals("NONE") && !p.equals("YEARLY")) {
            LOG.warn("etc/io.tessera.members.cfg: levels.review '{}' is neither NONE nor YEARLY; keeping {}", policy, review.yearly() ? "YEARLY" : "NONE");
            return review;
        }
        int[] md = LevelRules.monthDay(on);
        if (md == null) {
            LOG.warn("etc/io.tessera.members.cfg: levels.reviewOn '{}' is not a day as MM-dd; keeping {}-{}", on, review.month(), review.day());
            md = new int[] {review.month(), review.day()};
        }
        return new Review(p.equals("YEARLY"), md[0], md[1]);
    }

    public Review review() {
        return review;
    }

    public Experience experience() {
        return experience;
    }
}
