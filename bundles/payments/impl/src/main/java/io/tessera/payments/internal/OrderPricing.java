package io.tessera.payments.internal;

import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.Requests;
import io.tessera.payments.api.spi.Ask;
import io.tessera.payments.api.spi.Cart;
import io.tessera.payments.api.spi.DiscountCollaborator;
import io.tessera.payments.api.spi.Offer;
import io.tessera.payments.internal.pricing.Pricing;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.PlatformErrors;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an order request (every refusal names its field) and prices it: the level discount when every
 * tender the customer will use is one it applies to, then each collaborator in rank order on what the
 * lines still cost. Writes nothing: the use case records the result and asks the collaborators to reserve.
 */
final class OrderPricing {

    /** What an order request became. */
    record Priced(List<Requests.LineRequest> lines, Set<PaymentMethod> payWith, BigDecimal levelRate, Pricing.Result result,
                  List<Used> used, String contentHash) {
    }

    /** A collaborator's discount as applied: its offer, the step of the pricing it is, and the cart its collaborator priced. */
    record Used(DiscountCollaborator collaborator, String source, Offer offer, Pricing.Applied applied, Cart cart) {
    }

    private OrderPricing() {
    }

    static List<Requests.LineRequest> lines(Requests.CreateOrder r) {
        List<Requests.LineRequest> lines = Checks.required("lines", r.lines);
        if (lines.isEmpty() || lines.size() > Requests.MAX_LINES) {
            throw PaymentErrors.ORDER_LINES_INVALID.at("lines", "an order has 1 to " + Requests.MAX_LINES + " lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "]";
            Requests.LineRequest l = Checks.required(at, lines.get(i));
            l.sku = Checks.text(at + ".sku", l.sku, 64);
            l.barcode = Checks.optionalText(at + ".barcode", l.barcode, 64);
            l.name = Checks.text(at + ".name", l.name, 200);
            long q = Checks.required(at + ".quantity", l.quantity);
            if (q < 1 || q > 100_000) {
                throw PaymentErrors.ORDER_LINES_INVALID.at(at + ".quantity", "a quantity is 1 to 100000");
            }
            Money unit = Checks.required(at + ".unitPrice", l.unitPrice);
            if (unit.isNegative()) {
                throw PlatformErrors.AMOUNT_INVALID.at(at + ".unitPrice", "a unit price is not negative");
            }
            Money amount = Money.ofFen(Math.multiplyExact(unit.toFen(), q));
            if (l.amount != null && !l.amount.equals(amount)) {
                throw PaymentErrors.LINE_AMOUNT_MISMATCH.at(at + ".amount", "quantity × unit price is " + amount + ", not " + l.amount);
            }
            l.amount = amount;
        }
        return lines;
    }

    static Set<PaymentMethod> payWith(Requests.CreateOrder r, OrderKind kind) {
        Set<PaymentMethod> methods = EnumSet.noneOf(PaymentMethod.class);
        if (r.payWith != null) {
            for (int i = 0; i < r.payWith.size(); i++) {
                methods.add(Checks.required("payWith[" + i + "]", r.payWith.get(i)));
            }
        }
        if (kind == OrderKind.RECHARGE && methods.contains(PaymentMethod.MEMBER)) {
            throw PaymentErrors.TENDER_NOT_ALLOWED.at("payWith", "stored value cannot pay for a recharge of stored value");
        }
        return methods;
    }

    /**
     * @param levelRate the member's level rate, or null for a guest
     * @param levelTenders the tenders the level discount applies to
     */
    static Priced price(Requests.CreateOrder r, OrderKind kind, long storeId, String formatCode, Long memberId, BigDecimal levelRate,
                        Set<PaymentMethod> levelTenders, Collaborators collaborators) {
        List<Requests.LineRequest> lines = lines(r);
        Set<PaymentMethod> payWith = payWith(r, kind);
        BigDecimal rate = levelRate != null && kind == OrderKind.SALE && !payWith.isEmpty() && levelTenders.containsAll(payWith)
                && levelRate.compareTo(BigDecimal.ONE) < 0 && !Boolean.FALSE.equals(r.levelDiscount) ? levelRate : null;
        Map<String, List<Ask>> asks = asks(r, kind);
        List<Pricing.Line> pricingLines = new ArrayList<>();
        for (Requests.LineRequest l : lines) {
            pricingLines.add(new Pricing.Line(l.quantity, l.unitPrice.toFen()));
        }
        List<Pricing.Offer> offers = new ArrayList<>();
        List<Used> used = new ArrayList<>();
        List<Offer> offered = new ArrayList<>();
        List<Collaborators.Entry> owners = new ArrayList<>();
        List<Cart> carts = new ArrayList<>();
        for (Collaborators.Entry e : collaborators.inOrder()) {
            List<Ask> mine = asks.remove(e.source());
            if (mine == null) {
                continue;
            }
            Cart cart = new Cart();
            cart.storeId = storeId;
            cart.formatCode = formatCode;
            cart.memberId = memberId;
            cart.channel = r.source;
            cart.tenders = new ArrayList<>(payWith);
            cart.levelDiscountApplied = rate != null;
            cart.lines = cartLines(lines, Pricing.price(pricingLines, rate, offers));
            e.collaborator().validate(cart, mine);
            for (Offer o : e.collaborator().price(cart, mine)) {
                offers.add(new Pricing.Offer(e.source(), o.reference, o.amount.toFen(), o.lines, perLine(o, lines.size())));
                offered.add(o);
                owners.add(e);
                carts.add(cart);
            }
        }
        if (!asks.isEmpty()) {
            String source = asks.keySet().iterator().next();
            throw PaymentErrors.DISCOUNT_NOT_AVAILABLE.at("discounts", source + " discounts are not available here (its feature is not installed)");
        }
        Pricing.Result result = Pricing.price(pricingLines, rate, offers);
        int first = rate == null ? 0 : 1;
        for (int k = 0; k < offered.size(); k++) {
            used.add(new Used(owners.get(k).collaborator(), owners.get(k).source(), offered.get(k), result.discounts().get(first + k),
                    carts.get(k)));
        }
        return new Priced(lines, payWith, rate, result, used, hash(storeId, r, kind, memberId, lines, payWith));
    }

    /** An offer's own split over the lines, in fen, or null when checkout spreads it. */
    private static long[] perLine(Offer o, int lines) {
        if (o.perLine == null) {
            return null;
        }
        if (o.perLine.size() != lines) {
            throw new IllegalStateException("an offer names " + o.perLine.size() + " lines of " + lines + ": " + o.reference);
        }
        long[] fen = new long[lines];
        for (int i = 0; i < lines; i++) {
            fen[i] = o.perLine.get(i) == null ? 0 : o.perLine.get(i).toFen();
        }
        return fen;
    }

    /** The request's content hash, as pricing records it (the lines read and checked first). */
    static String contentHash(Requests.CreateOrder r, OrderKind kind, long storeId, Long memberId) {
        return hash(storeId, r, kind, memberId, lines(r), payWith(r, kind));
    }

    private static Map<String, List<Ask>> asks(Requests.CreateOrder r, OrderKind kind) {
        Map<String, List<Ask>> asks = new LinkedHashMap<>();
        if (r.discounts == null) {
            return asks;
        }
        if (kind == OrderKind.RECHARGE && !r.discounts.isEmpty()) {
            throw PaymentErrors.TENDER_NOT_ALLOWED.at("discounts", "a recharge takes no discount");
        }
        for (int i = 0; i < r.discounts.size(); i++) {
            Requests.DiscountRequest d = Checks.required("discounts[" + i + "]", r.discounts.get(i));
            String source = Checks.text("discounts[" + i + "].source", d.source, 20).toUpperCase();
            asks.computeIfAbsent(source, s -> new ArrayList<>()).add(new Ask(source,
                    Checks.optionalText("discounts[" + i + "].reference", d.reference, 64), d.quantity));
        }
        return asks;
    }

    private static List<Cart.CartLine> cartLines(List<Requests.LineRequest> lines, Pricing.Result priced) {
        List<Cart.CartLine> list = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Requests.LineRequest l = lines.get(i);
            Cart.CartLine c = new Cart.CartLine();
            c.index = i;
            c.sku = l.sku;
            c.barcode = l.barcode;
            c.quantity = l.quantity;
            c.unitPrice = l.unitPrice;
            c.amount = l.amount;
            c.payable = Money.ofFen(priced.payableFen()[i]);
            list.add(c);
        }
        return list;
    }

    /** The order as asked, for "a POS retry with the same no and the same content is the same order". */
    private static String hash(long storeId, Requests.CreateOrder r, OrderKind kind, Long memberId, List<Requests.LineRequest> lines,
                               Set<PaymentMethod> payWith) {
        StringBuilder b = new StringBuilder().append(storeId).append('|').append(r.posOrderNo).append('|').append(kind)
                .append('|').append(memberId).append('|').append(payWith);
        if (Boolean.FALSE.equals(r.levelDiscount)) {
            b.append("|NOLEVEL");
        }
        for (Requests.LineRequest l : lines) {
            b.append("|L:").append(l.sku).append(',').append(l.barcode).append(',').append(l.name).append(',').append(l.quantity)
                    .append(',').append(l.unitPrice);
        }
        if (r.discounts != null) {
            for (Requests.DiscountRequest d : r.discounts) {
                b.append("|D:").append(d.source).append(',').append(d.reference).append(',').append(d.quantity);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
