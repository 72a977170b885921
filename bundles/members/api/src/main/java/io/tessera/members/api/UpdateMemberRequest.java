package io.tessera.members.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Profile edit: null fields stay as they are. */
public class UpdateMemberRequest {
    public String name;
    public Gender gender;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate birthday;
    /**
     * Only for a member without a phone (enrolled by a payment, 支付即会员) who now gives one: a member's phone is not
     * changed here (MEMBER_PHONE_SET); unique among members (MEMBER_PHONE_EXISTS).
     */
    @Schema(pattern = "^1[3-9]\\d{9}$", example = "13912345678")
    public String phone;
}
