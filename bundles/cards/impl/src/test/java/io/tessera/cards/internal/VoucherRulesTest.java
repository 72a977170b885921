package io.tessera.cards.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import io.tessera.cards.api.MigrationRequests;
import io.tessera.platform.api.TesseraException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.Test;

public class VoucherRulesTest {

    static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static MigrationRequests.Voucher voucher(String name, byte[] content) {
        MigrationRequests.Voucher v = new MigrationRequests.Voucher();
        v.fileName = name;
        v.content = content;
        return v;
    }

    @Test
    public void jpegAndPngAreRecognisedByContentWhateverTheirName() throws Exception {
        List<String> types = VoucherRules.check(List.of(voucher("front.png", image("jpg", 40, 30)),
                voucher("back.jpg", image("png", 40, 30)), voucher(null, image("jpg", 1, 1)))).stream()
                .map(VoucherRules.Checked::contentType).collect(java.util.stream.Collectors.toList());
        assertEquals(List.of("image/jpeg", "image/png", "image/jpeg"), types);
        assertEquals(List.of(), VoucherRules.check(null));
    }

    @Test
    public void everythingElseIsRefusedNamingTheVoucher() throws Exception {
        byte[] pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.US_ASCII);
        byte[] html = "<!DOCTYPE html><html><body>hi</body></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] fakeJpeg = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3}, 200);
        assertRefused("VOUCHER_NOT_IMAGE", "vouchers[1].content", List.of(voucher("a.jpg", image("jpg", 4, 4)), voucher("b.jpg", pdf)));
        assertRefused("VOUCHER_NOT_IMAGE", "vouchers[0].content", List.of(voucher("a.jpg", html)));
        assertRefused("VOUCHER_NOT_IMAGE", "vouchers[0].content", List.of(voucher("a.jpg", fakeJpeg)));
        assertRefused("VOUCHER_EMPTY", "vouchers[0].content", List.of(voucher("a.jpg", new byte[0])));
        byte[] big = Arrays.copyOf(image("png", 4, 4), (int) (2.1 * 1024 * 1024));
        assertRefused("VOUCHER_TOO_LARGE", "vouchers[0].content", List.of(voucher("big.png", big)));
        byte[] ok = image("png", 4, 4);
        List<MigrationRequests.Voucher> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(voucher("v" + i + ".png", ok));
        }
        assertRefused("VOUCHER_TOO_MANY", "vouchers", six);
        assertEquals(5, VoucherRules.check(six.subList(0, 5)).size());
    }

    private static void assertRefused(String code, String field, List<MigrationRequests.Voucher> vouchers) {
        try {
            VoucherRules.check(vouchers);
            fail("expected " + code);
        } catch (TesseraException e) {
            assertEquals(code, e.getCode());
            assertEquals(field, e.getField());
            assertEquals(400, e.getStatus());
        }
    }
}
