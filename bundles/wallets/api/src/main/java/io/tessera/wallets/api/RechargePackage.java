package io.tessera.wallets.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.xml.LocalDateAdapter;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import io.tessera.platform.api.Money;
import java.time.LocalDate;

/** 充值套餐: pay {@code payAmount}, get {@code bonusAmount} on top, between two dates. */
public class RechargePackage {
    @Schema(accessMode = Schema.AccessMode.READ_ONLY)
    public Long id;
    public String name;
    public Money payAmount;
    public Money bonusAmount;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate validFrom;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate validTo;
    public Boolean enabled;
}
