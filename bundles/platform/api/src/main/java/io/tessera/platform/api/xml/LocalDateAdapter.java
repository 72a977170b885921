package io.tessera.platform.api.xml;

import java.time.LocalDate;
import javax.xml.bind.annotation.adapters.XmlAdapter;

/** ISO dates (2026-11-22) in SOAP messages. */
public class LocalDateAdapter extends XmlAdapter<String, LocalDate> {

    @Override
    public LocalDate unmarshal(String v) {
        return v == null || v.isBlank() ? null : LocalDate.parse(v.trim());
    }

    @Override
    public String marshal(LocalDate v) {
        return v == null ? null : v.toString();
    }
}
