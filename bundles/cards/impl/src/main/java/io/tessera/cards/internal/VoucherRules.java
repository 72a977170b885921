package io.tessera.cards.internal;

import io.tessera.cards.api.CardErrors;
import io.tessera.cards.api.MigrationRequests;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.TesseraException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Migration vouchers: at most {@value #MAX_COUNT} images, each at most 2 MB, and each really a JPEG
 * or PNG image, recognised from its bytes (signature, then the image header read by the JDK's image
 * readers), never from its file name.
 */
public final class VoucherRules {

    public static final int MAX_COUNT = 5;
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private VoucherRules() {
    }

    /** A voucher that passed: its trimmed file name (or null), its content type by content, its bytes. */
    public record Checked(String fileName, String contentType, byte[] content) {
    }

    /** Checks every voucher; returns them checked, in order. */
    public static List<Checked> check(List<MigrationRequests.Voucher> vouchers) {
        if (vouchers == null || vouchers.isEmpty()) {
            return List.of();
        }
        if (vouchers.size() > MAX_COUNT) {
            throw CardErrors.VOUCHER_TOO_MANY.at("vouchers", "at most " + MAX_COUNT + " vouchers per migration");
        }
        Checked[] checked = new Checked[vouchers.size()];
        for (int i = 0; i < vouchers.size(); i++) {
            String field = "vouchers[" + i + "]";
            MigrationRequests.Voucher v = vouchers.get(i);
            if (v == null || v.content == null || v.content.length == 0) {
                throw CardErrors.VOUCHER_EMPTY.at(field + ".content", "voucher " + (i + 1) + " has no content");
            }
            String fileName = Checks.optionalText(field + ".fileName", v.fileName, 200);
            if (v.content.length > MAX_BYTES) {
                throw CardErrors.VOUCHER_TOO_LARGE.at(field + ".content", "voucher " + (i + 1) + " is " + v.content.length + " bytes; at most 2 MB (" + MAX_BYTES + " bytes)");
            }
            checked[i] = new Checked(fileName, contentType(field + ".content", v.content), v.content);
        }
        return List.of(checked);
    }

    /** image/jpeg or image/png by content; anything else is a 400 naming the field. */
    static String contentType(String field, byte[] b) {
        String bySignature;
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            bySignature = "jpeg";
        } else if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            bySignature = "png";
        } else {
            throw notImage(field);
        }
        if (!readableHeader(b, bySignature)) {
            throw notImage(field);
        }
        return "image/" + bySignature;
    }

    private static boolean readableHeader(byte[] b, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(b))) {
            if (in == null) {
                return false;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    if (!reader.getFormatName().toLowerCase(Locale.ROOT).contains(format)) {
                        continue;
                    }
                    reader.setInput(in, true, true);
                    return reader.getWidth(0) > 0 && reader.getHeight(0) > 0;
                } finally {
                    reader.dispose();
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static TesseraException notImage(String field) {
        return CardErrors.VOUCHER_NOT_IMAGE.at(field, "a voucher must be a JPEG or PNG image (checked by its content)");
    }
}
