package io.tessera.platform.api.xml;

import java.time.OffsetDateTime;
import javax.xml.bind.annotation.adapters.XmlAdapter;

/** ISO timestamps with offset (2026-11-22T14:30:00+08:00) in SOAP messages. */
public class OffsetDateTimeAdapter extends XmlAdapter<String, OffsetDateTime> {

    @Override
    public OffsetDateTime unmarshal(String v) {
        return v == null || v.isBlank() ? null : OffsetDateTime.parse(v.trim());
    }

    @Override
    public String marshal(OffsetDateTime v) {
        return v == null ? null : v.toString();
    }
}
