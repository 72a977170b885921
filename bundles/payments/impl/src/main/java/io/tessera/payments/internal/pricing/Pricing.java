package io.tessera.payments.internal.pricing;

import io.tessera.payments.api.spi.Allocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices an order, line by line, in whole fen: first the member's level discount (when it applies: the
 * caller decides from the tenders), then each collaborator's discount in the order given (coupons,
 * points). Every discount is spread over the lines it applies to by {@link Allocation}, in proportion to
 * what those lines still cost, and is cut to what they still cost (a 10-yuan coupon on an 8-yuan cart
 * takes 8 and leaves an order of zero). So the lines always add up to the order, no line goes below
 * zero, and each line knows every fen taken off it: what a later refund of that line gives back.
 */
public final class Pricing {

    /** The level discount's source name on a line. */
    public static final String LEVEL = "LEVEL";

    private Pricing() {
    }

    /** A line to price: quantity × unit price in fen. */
    public record Line(long quantity, long unitPriceFen) {
        public Line {
            if (quantity <= 0 || unitPriceFen < 0) {
                throw new IllegalArgumentException("quantity " + quantity + ", unit price " + unitPriceFen);
            }
        }

        long grossFen() {
            return Math.multiplyExact(quantity, unitPriceFen);
        }
    }

    /**
     * A discount a collaborator offers: at most {@code amountFen} off the lines it names (all lines when
     * {@code lineIndexes} is empty), spread over them; or, when {@code perLineFen} is given (one per line),
     * at most that much off each line.
     */
    public record Offer(String source, String reference, long amountFen, List<Integer> lineIndexes, long[] perLineFen) {
        public Offer {
            if (amountFen < 0) {
                throw new IllegalArgumentException("negative discount " + amountFen);
            }
            lineIndexes = lineIndexes == null ? List.of() : List.copyOf(lineIndexes);
            if (perLineFen != null) {
                perLineFen = perLineFen.clone();
                for (long f : perLineFen) {
                    if (f < 0) {
                        throw new IllegalArgumentException("negative discount " + f + " on a line");
                    }
                }
            }
        }

        public Offer(String source, String reference, long amountFen, List<Integer> lineIndexes) {
            this(source, reference, amountFen, lineIndexes, null);
        }
    }

    /** A discount as applied: how much it took off in all, and from which line. */
    public record Applied(String source, String reference, long amountFen, long[] perLine) {
    }

    /** The priced order: per line its gross amount and what it still costs; the discounts applied in order. */
    public record Result(long[] grossFen, long[] payableFen, List<Applied> discounts) {
        public long gross() {
            long sum = 0;
            for (long g : grossFen) {
                sum = Math.addExact(sum, g);
            }
            return sum;
        }

        public long payable() {
            long sum = 0;
            for (long p : payableFen) {
                sum += p;
            }
            return sum;
        }

        public long discount() {
            return gross() - payable();
        }
    }

    /**
     * @param lines     the order's lines, at least one
     * @param levelRate the member level's rate (e.g. 0.95 = pay 95 %), or null when no level discount applies
     * @param offers    the collaborators' discounts, applied in this order
     */
    public static Result price(List<Line> lines, BigDecimal levelRate, List<Offer> offers) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        int n = lines.size();
        long[] gross = new long[n];
        long[] left = new long[n];
        for (int i = 0; i < n; i++) {
            gross[i] = lines.get(i).grossFen();
            left[i] = gross[i];
        }
        List<Applied> applied = new ArrayList<>();
        if (levelRate != null && levelRate.compareTo(BigDecimal.ONE) < 0) {
            if (levelRate.signum() < 0) {
                throw new IllegalArgumentException("level rate " + levelRate);
            }
            long total = sum(left);
            // The same rounding as a member payment at the till (wallets): the payable amount half up.
            long payable = BigDecimal.valueOf(total).multiply(levelRate).setScale(0, RoundingMode.HALF_UP).longValueExact();
            applied.add(take(LEVEL, null, total - payable, allLines(n), left));
        }
        for (Offer offer : offers) {
            if (offer.perLineFen() != null) {
                applied.add(takeEach(offer, left));
                continue;
            }
            List<Integer> targets = offer.lineIndexes().isEmpty() ? allLines(n) : offer.lineIndexes();
            if (targets.stream().distinct().count() != targets.size()) {
                throw new IllegalArgumentException("a line named twice by " + offer.source());
            }
            for (int i : targets) {
                if (i < 0 || i >= n) {
                    throw new IllegalArgumentException("no line " + i + " for " + offer.source());
                }
            }
            applied.add(take(offer.source(), offer.reference(), offer.amountFen(), targets, left));
        }
        return new Result(gross, left, List.copyOf(applied));
    }

    private static Applied take(String source, String reference, long wanted, List<Integer> targets, long[] left) {
        long[] weights = new long[targets.size()];
        long room = 0;
        for (int k = 0; k < weights.length; k++) {
            weights[k] = left[targets.get(k)];
            room += weights[k];
        }
        long amount = Math.min(wanted, room);
        long[] shares = Allocation.spread(amount, room == 0 ? new long[weights.length] : weights);
        long[] perLine = new long[left.length];
        for (int k = 0; k < shares.length; k++) {
            int i = targets.get(k);
            perLine[i] += shares[k];
            left[i] -= shares[k];
        }
        return new Applied(source, reference, amount, perLine);
    }

    /** An offer that names its share of every line: each cut to what the line still costs. */
    private static Applied takeEach(Offer offer, long[] left) {
        if (offer.perLineFen().length != left.length) {
            throw new IllegalArgumentException(offer.source() + " names " + offer.perLineFen().length + " lines of " + left.length);
        }
        long[] perLine = new long[left.length];
        long amount = 0;
        for (int i = 0; i < left.length; i++) {
            perLine[i] = Math.min(offer.perLineFen()[i], left[i]);
            left[i] -= perLine[i];
            amount += perLine[i];
        }
        return new Applied(offer.source(), offer.reference(), amount, perLine);
    }

    private static List<Integer> allLines(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
