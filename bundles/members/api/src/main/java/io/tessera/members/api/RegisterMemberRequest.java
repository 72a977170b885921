package io.tessera.members.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

public class RegisterMemberRequest {
    /** Mainland mobile number, unique among members. */
    public String phone;
    public String name;
    public Gender gender;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate birthday;
    /** Registering store; may be omitted by an operator who works for exactly one store. */
    public Long storeId;
}
