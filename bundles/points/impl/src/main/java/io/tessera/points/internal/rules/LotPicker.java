package io.tessera.points.internal.rules;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which lots a debit takes: those that expire first first (then the older, then the lower id), each as far
 * as it goes. Lots that never expire come last. Pure: the caller reads the lots under the account's lock.
 */
public final class LotPicker {

    /** A lot that can give points. */
    public record Candidate(long id, long remaining, LocalDateTime expiresAt, LocalDateTime earnedAt) {
    }

    /** Points taken from one lot. */
    public record Take(long lotId, long points) {
    }

    public static final Comparator<Candidate> ORDER = Comparator.comparing(Candidate::expiresAt)
            .thenComparing(Candidate::earnedAt).thenComparingLong(Candidate::id);

    private LotPicker() {
    }

    /** What the lots hold together. */
    public static long total(List<Candidate> lots) {
        long sum = 0;
        for (Candidate c : lots) {
            sum = Math.addExact(sum, Math.max(0, c.remaining()));
        }
        return sum;
    }

    /**
     * The takes for {@code points}, in the order taken; as far as the lots go (the caller compares the sum
     * with what it wanted: a spend refuses, a take-back goes on to the debt).
     */
    public static List<Take> pick(List<Candidate> lots, long points) {
        if (points < 0) {
            throw new IllegalArgumentException("points must not be negative: " + points);
        }
        List<Candidate> ordered = new ArrayList<>(lots);
        ordered.sort(ORDER);
        List<Take> takes = new ArrayList<>();
        long left = points;
        for (Candidate c : ordered) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, c.remaining());
            if (take > 0) {
                takes.add(new Take(c.id(), take));
                left -= take;
            }
        }
        return takes;
    }
}
