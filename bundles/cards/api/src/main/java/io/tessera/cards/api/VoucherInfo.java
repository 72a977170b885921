package io.tessera.cards.api;

import javax.xml.bind.annotation.XmlType;

/** A stored migration voucher (card front/back, proof of loss); its bytes are fetched from {@code url}. */
@XmlType(name = "voucherInfo")
public class VoucherInfo {
    /** 1-based position in the migration. */
    public int index;
    public String fileName;
    /** image/jpeg or image/png, as recognised from the content. */
    public String contentType;
    public long sizeBytes;
    public String sha256;
    public String url;
}
