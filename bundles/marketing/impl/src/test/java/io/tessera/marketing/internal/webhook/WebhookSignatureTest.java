package io.tessera.marketing.internal.webhook;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import io.tessera.marketing.api.spi.CardPush;
import io.tessera.platform.api.Money;
import java.time.OffsetDateTime;
import org.junit.Test;

public class WebhookSignatureTest {

    @Test
    public void theHmacIsRfc4231s() {
        // RFC 4231, test case 2.
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.hmacHex("Jefe", "what do ya want for nothing?"));
    }

    @Test
    public void theSignatureCoversTheTimestampAndTheBody() {
        String a = WebhookSignature.sign("0123456789abcdef", 1700000000L, "{\"a\":1}");
        assertEquals("v1=" + WebhookSignature.hmacHex("0123456789abcdef", "1700000000.{\"a\":1}"), a);
        assertNotEquals(a, WebhookSignature.sign("0123456789abcdef", 1700000001L, "{\"a\":1}"));
        assertNotEquals(a, WebhookSignature.sign("0123456789abcdef", 1700000000L, "{\"a\":2}"));
    }

    @Test
    public void theBodyCarriesTheCardAsItIsWithMoneyInPlainDecimals() {
        CardPush p = new CardPush();
        p.pushId = 9;
        p.cardId = 1;
        p.cardName = "泰瑟拉会员卡";
        p.memberId = 5;
        p.memberNo = "M0000000005";
        p.cardCode = "M0000000005";
        p.version = 3;
        p.balance = Money.parse("120.50");
        p.at = OffsetDateTime.parse("2026-12-05T10:00:00+08:00");
        assertEquals("{\"pushId\":9,\"cardId\":1,\"cardName\":\"泰瑟拉会员卡\",\"memberId\":5,\"memberNo\":\"M0000000005\",\"cardCode\":\"M0000000005\","
                + "\"version\":3,\"balance\":120.50,\"at\":\"2026-12-05T10:00+08:00\"}", WebhookCardChannel.body(p));
    }
}
