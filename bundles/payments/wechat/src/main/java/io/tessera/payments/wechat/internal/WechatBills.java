package io.tessera.payments.wechat.internal;

import io.tessera.payments.api.PaymentErrors;
import io.tessera.payments.api.channel.Bill;
import io.tessera.payments.wechat.internal.WechatClient.Answer;
import io.tessera.payments.wechat.internal.WechatClient.Undecided;
import io.tessera.payments.wechat.internal.WechatSettings.Account;
import java.net.URI;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily trade bill (A6, A9): {@code GET /v3/bill/tradebill?bill_date=...&bill_type=ALL} (signed answer with
 * the SHA-1 of the file and a download URL valid 5 minutes), then a signed GET of that URL (unsigned answer,
 * checked against the SHA-1), parsed into rows.
 */
final class WechatBills {

    private static final Logger LOG = LoggerFactory.getLogger(WechatBills.class);

    private WechatBills() {
    }

    static Bill download(WechatClient client, Account account, WechatSettings settings, LocalDate day) {
        String ref = "bill " + day;
        try {
            Answer a = client.get(account, "/v3/bill/tradebill?bill_date=" + day + "&bill_type=ALL", ref);
            if (!a.ok()) {
                LOG.info("WeChat Pay {} of {} refused: {} {} [Request-ID {}]", ref, account.mchid(), a.code(),
                        a.message(), a.requestId());
                throw PaymentErrors.CHANNEL_REFUSED.error("WeChat Pay has no bill of " + day + " for merchant "
                        + account.mchid() + ": " + a.code() + " " + a.message());
            }
            String hashType = a.json().path("hash_type").asText("");
            String hash = a.json().path("hash_value").asText("");
            String url = a.json().path("download_url").asText("");
            if (!"SHA1".equalsIgnoreCase(hashType) || hash.isEmpty() || url.isEmpty()) {
                throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("WeChat Pay's tradebill answer of " + day
                        + " lacks hash_type SHA1, hash_value or download_url");
            }
            URI uri = downloadUri(url, settings);
            byte[] file = client.download(account, uri, ref);
            if (!WechatCrypto.sha1Hex(file).equalsIgnoreCase(hash)) {
                LOG.warn("WeChat Pay {} of {}: the file's SHA-1 is not the tradebill's hash_value", ref, account.mchid());
                throw PaymentErrors.CHANNEL_SIGNATURE_INVALID.error("WeChat Pay bill of " + day
                        + ": the downloaded file's SHA-1 does not match the hash WeChat Pay gave");
            }
            Bill bill = new Bill();
            bill.day = day;
            bill.merchantId = account.mchid();
            bill.sha256 = WechatCrypto.sha256Hex(file);
            bill.rows = WechatBillParser.parse(file);
            LOG.info("WeChat Pay {} of {}: {} rows, {} bytes", ref, account.mchid(), bill.rows.size(), file.length);
            return bill;
        } catch (Undecided e) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("WeChat Pay bill of " + day + " could not be had: "
                    + e.getMessage());
        } catch (WechatBillParser.BadBill e) {
            LOG.warn("WeChat Pay {} of {}: {}", ref, account.mchid(), e.getMessage());
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("WeChat Pay bill of " + day + " could not be read: "
                    + e.getMessage());
        }
    }

    /**
     * The download URL as given, if it is WeChat Pay's (https on a weixin.qq.com / wechatpay.cn host) or on the
     * configured base URL's host; a signed request is never sent elsewhere.
     */
    static URI downloadUri(String url, WechatSettings settings) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("WeChat Pay's bill download_url is not a URL");
        }
        URI base = URI.create(settings.baseUrl);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase();
        boolean wechat = "https".equals(uri.getScheme())
                && (host.endsWith(".weixin.qq.com") || host.endsWith(".wechatpay.cn"));
        boolean sameAsBase = host.equalsIgnoreCase(base.getHost()) && uri.getPort() == base.getPort()
                && base.getScheme().equals(uri.getScheme());
        if (!wechat && !sameAsBase) {
            throw PaymentErrors.CHANNEL_NOT_AVAILABLE.error("WeChat Pay's bill download_url is not on a WeChat Pay "
                    + "host nor on baseUrl's: " + host);
        }
        return uri;
    }
}
