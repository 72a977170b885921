package io.tessera.cards.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import javax.xml.bind.annotation.XmlType;

/** What the counter sends to migrate a card. Names end in "Request" to stay clear of SOAP wrapper types. */
public final class MigrationRequests {

    private MigrationRequests() {
    }

    /** Step 1: who the member is. Exactly one of phone and memberNo. */
    @XmlType(name = "migrationCodeRequest")
    @Schema(name = "MigrationCodeRequest")
    public static class Code {
        public String phone;
        public String memberNo;
    }

    /** Step 2: the member's code, optional vouchers and remark. Card no, balance and store come from the card. */
    @XmlType(name = "migrationRequest")
    @Schema(name = "MigrationRequest")
    public static class Migrate {
        public String phone;
        public String memberNo;
        /** The SMS code the member received. */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public String code;
        /** Optional, at most 500 characters. */
        @Schema(maxLength = 500)
        public String remark;
        /** Optional, at most 5 images, JPEG or PNG (by content), each at most 2 MB. */
        @ArraySchema(maxItems = 5)
        public List<Voucher> vouchers;
    }

    @XmlType(name = "voucherRequest")
    @Schema(name = "VoucherRequest")
    public static class Voucher {
        public String fileName;
        /** The image bytes (base64 in JSON and SOAP). */
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        public byte[] content;
    }
}
