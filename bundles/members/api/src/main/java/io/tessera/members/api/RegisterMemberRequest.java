package io.tessera.members.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

public class RegisterMemberRequest {
    /** Mainland mobile number, unique among members. */
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^1[3-9]\\d{9}$", example = "13912345678")
    public String phone;
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 50, example = "张三")
    public String name;
    public Gender gender;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate birthday;
    /** Registering store; may be omitted by an operator who works for exactly one store. */
    public Long storeId;
    /**
     * The referral code of the member who brought this one (推荐码), if any: passed on with the registration event
     * for marketing's referral activities, which check it (members keeps no record of it).
     */
    @Schema(maxLength = 20, example = "7KQ2M9XA")
    public String referralCode;
}
