package io.tessera.org.api;

import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

public class LoginResult {
    /** Send as "Authorization: Bearer <token>". */
    public String token;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    public OffsetDateTime expiresAt;
    public Operator operator;
}
