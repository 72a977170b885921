package io.tessera.cards.api;

import java.util.List;
import javax.xml.bind.annotation.XmlType;

/** What the counter sends to migrate a card. Names end in "Request" to stay clear of SOAP wrapper types. */
public final class MigrationRequests {

    private MigrationRequests() {
    }

    /** Step 1: who the member is. Exactly one of phone and memberNo. */
    @XmlType(name = "migrationCodeRequest")
    public static class Code {
        public String phone;
        public String memberNo;
    }

    /** Step 2: the member's code, optional vouchers and remark. Card no, balance and store come from the card. */
    @XmlType(name = "migrationRequest")
    public static class Migrate {
        public String phone;
        public String memberNo;
        /** The SMS code the member received. */
        public String code;
        /** Optional, at most 500 characters. */
        public String remark;
        /** Optional, at most 5 images, JPEG or PNG (by content), each at most 2 MB. */
        public List<Voucher> vouchers;
    }

    @XmlType(name = "voucherRequest")
    public static class Voucher {
        public String fileName;
        /** The image bytes (base64 in JSON and SOAP). */
        public byte[] content;
    }
}
