package io.tessera.reporting.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.PaymentMethod;
import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import java.util.List;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** What a till counted per method at the end of a day or shift (entered by the operator, or posted by the POS); a new count replaces the last. */
public class CashierCount {
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
    public Long storeId;
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "date")
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate day;
    @Schema(maxLength = 32)
    public String tillNo;
    @Schema(maxLength = 100)
    public String cashier;
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
    public List<Counted> counts;

    /** One method's counted amount. */
    @XmlType(name = "cashierCounted")
    @Schema(name = "CashierCounted")
    public static class Counted {
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public PaymentMethod method;
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public Money amount;
    }
}
