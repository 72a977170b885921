package io.tessera.reporting.api;

import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/**
 * A report's filters: business days {@code from} to {@code to} (both included, Asia/Shanghai), one store or one
 * business format (none: every store the caller sees; a store's operators see only their stores), and where the
 * report has them a payment method and an order no; a record list is paged.
 */
public class ReportQuery {
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate from;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate to;
    public Long storeId;
    public String formatCode;
    public PaymentMethod method;
    public String orderNo;
    /** Operation records' exports only: who (as the audit trail records them) and an action or its beginning. */
    public String actor;
    public String action;
    /** Record lists only: 1-based page (default 1) and rows per page (default 20, at most 200). */
    public Integer page = 1;
    public Integer size = 20;
}
