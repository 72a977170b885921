package io.tessera.cards.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tessera.platform.api.xml.OffsetDateTimeAdapter;
import java.time.OffsetDateTime;
import javax.xml.bind.annotation.XmlType;
import javax.xml.bind.annotation.adapters.XmlJavaTypeAdapter;

/** A kind of legacy card (卡类型), e.g. code SV, name 储值卡. Imports name it by code or by name. */
@XmlType(name = "cardType")
public class CardType {
    @Schema(accessMode = Schema.AccessMode.READ_ONLY)
    public Long id;
    public String code;
    public String name;
    @XmlJavaTypeAdapter(OffsetDateTimeAdapter.class)
    @Schema(accessMode = Schema.AccessMode.READ_ONLY)
    public OffsetDateTime createdAt;
}
