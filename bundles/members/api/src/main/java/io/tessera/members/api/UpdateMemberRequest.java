package io.tessera.members.api;

import io.tessera.platform.api.xml.LocalDateAdapter;
import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** Profile edit: null fields stay as they are. */
public class UpdateMemberRequest {
    public String name;
    public Gender gender;
    @XmlJavaTypeAdapter(LocalDateAdapter.class)
    public LocalDate birthday;
}
