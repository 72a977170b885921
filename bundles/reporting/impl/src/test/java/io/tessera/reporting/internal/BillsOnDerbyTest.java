package io.tessera.reporting.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.tessera.payments.api.Order;
import io.tessera.payments.api.OrderKind;
import io.tessera.payments.api.Tender;
import io.tessera.payments.api.TenderStatus;
import io.tessera.payments.api.channel.Bill;
import io.tessera.platform.api.BusinessTime;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.TesseraException;
import io.tessera.reporting.internal.jpa.BillEntity;
import io.tessera.testing.UnitDatabase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Bills written on a real database (embedded Derby, the reporting changelog): a bill with one trade missing, one
 * extra, one amount and one fee off gives exactly those four differences; the same bill again changes nothing, another
 * file for the day is refused; a trade of the day's last minutes waits and the next day's bill clears or opens it.
 */
public class BillsOnDerbyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);
    private static final Duration WAIT = Duration.ofMinutes(15);

    private UnitDatabase db;

    @Before
    public void setUp() {
        db = UnitDatabase.create("tessera-reporting");
    }

    @After
    public void tearDown() {
        CallerContext.clear();
        if (db != null) {
            db.close();
        }
    }

    @Test
    public void fourDifferencesAndTheSameBillTwiceChangesNothing() {
        paid("A", "10.00", "0.06", DAY.atTime(9, 0));
        paid("B", "20.00", "0.12", DAY.atTime(10, 0));
        paid("C", "30.00", "0.18", DAY.atTime(11, 0));
        paid("D", "40.00", "0.24", DAY.atTime(12, 0));
        Bill bill = bill(DAY, "sha-1", row("B", 2100, 12), row("C", 3000, 19), row("D", 4000, 24), row("E", 500, 3));
        BillEntity b = reconcile(bill);
        assertEquals(4, b.rows);
        assertEquals(1, b.matched);
        assertEquals(Map.of("AMOUNT_MISMATCH:OPEN", 1L, "FEE_MISMATCH:OPEN", 1L, "MISSING_IN_BILL:OPEN", 1L, "MISSING_IN_TESSERA:OPEN", 1L),
                differences(b.id));
        assertEquals(new BigDecimal("100.00"), b.tesseraPaid);
        assertEquals(new BigDecimal("96.00"), b.billPaid);

        BillEntity again = reconcile(bill);
        assertEquals(b.id, again.id);
        assertEquals(4L, count("SELECT COUNT(d) FROM DifferenceEntity d"));
        assertEquals(1L, count("SELECT COUNT(b) FROM BillEntity b"));
        try {
            reconcile(bill(DAY, "sha-2", row("A", 1000, 6)));
            fail("another file for the same day");
        } catch (TesseraException e) {
            assertEquals("BILL_ALREADY_IMPORTED", e.getCode());
        }
    }

    @Test
    public void aLateTradeWaitsAndTheNextBillDecides() {
        paid("L1", "10.00", "0.06", DAY.atTime(23, 55));
        paid("L2", "10.00", "0.06", DAY.atTime(23, 58));
        BillEntity first = reconcile(bill(DAY, "d1"));
        assertEquals(Map.of("MISSING_IN_BILL:WAITING", 2L), differences(first.id));
        // the next day's bill has L1 (the channel counted it after midnight), not L2
        BillEntity next = reconcile(bill(DAY.plusDays(1), "d2", row("L1", 1000, 6)));
        assertEquals(1, next.matched);
        assertEquals(Map.of("MISSING_IN_BILL:CLEARED", 1L, "MISSING_IN_BILL:OPEN", 1L), differences(first.id));
        assertEquals(Map.of(), differences(next.id));
    }

    private BillEntity reconcile(Bill bill) {
        return db.jpa().txExpr(TransactionType.Required, em -> Bills.reconcile(em, "WECHAT", bill, List.of(103L), "UPLOAD", "test", WAIT));
    }

    private Map<String, Long> differences(long billId) {
        Map<String, Long> out = new TreeMap<>();
        db.jpa().tx(TransactionType.Required, em -> em.createQuery("SELECT d.kind, d.state, COUNT(d) FROM DifferenceEntity d WHERE d.billId = :b "
                + "GROUP BY d.kind, d.state", Object[].class).setParameter("b", billId).getResultList()
                .forEach(r -> out.put(r[0] + ":" + r[1], ((Number) r[2]).longValue())));
        return out;
    }

    private long count(String jpql) {
        return db.jpa().txExpr(TransactionType.Required, em -> ((Number) em.createQuery(jpql).getSingleResult()).longValue());
    }

    private void paid(String no, String amount, String fee, LocalDateTime at) {
        Order o = new Order();
        o.orderNo = "SO" + no;
        o.storeId = 103;
        o.kind = OrderKind.SALE;
        o.paidAt = BusinessTime.offset(at);
        Tender t = new Tender();
        t.method = PaymentMethod.WECHAT;
        t.amount = Money.parse(amount);
        t.fee = Money.parse(fee);
        t.status = TenderStatus.SUCCEEDED;
        t.outTradeNo = no;
        t.channelTradeNo = "42000" + no;
        o.tenders = List.of(t);
        db.jpa().tx(TransactionType.Required, em -> ReadModel.paid(em, o));
    }

    private static Bill.Row row(String no, long amountFen, long feeFen) {
        Bill.Row r = new Bill.Row();
        r.outTradeNo = no;
        r.channelTradeNo = "42000" + no;
        r.amountFen = amountFen;
        r.feeFen = feeFen;
        r.state = "SUCCESS";
        r.at = BusinessTime.offset(DAY.atTime(12, 0));
        return r;
    }

    private static Bill bill(LocalDate day, String sha, Bill.Row... rows) {
        Bill b = new Bill();
        b.day = day;
        b.merchantId = "1900000109";
        b.sha256 = sha;
        b.rows = new ArrayList<>(List.of(rows));
        return b;
    }
}
