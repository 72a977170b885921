package io.tessera.payments.wechat.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel's configuration ({@code etc/io.tessera.payments.wechat.cfg}) read once into an immutable snapshot:
 * addresses, timeouts and the merchant accounts ({@code merchant.<name>.<key>}) with their keys loaded. An
 * account whose keys cannot be read is kept, not ready, with the reason (never key material).
 */
final class WechatSettings {

    static final String DEFAULT_BASE_URL = "https://api.mch.weixin.qq.com";
    static final String PUB_KEY_ID_PREFIX = "PUB_KEY_ID_";
    private static final Logger LOG = LoggerFactory.getLogger(WechatSettings.class);

    /** One merchant account (mchid) and the stores it serves. Keys are null when the account is not ready. */
    record Account(String name, String mchid, String appid, String serialNo, List<String> stores, BigDecimal feeRate,
            PrivateKey privateKey, byte[] apiV3Key, String publicKeyId, PublicKey publicKey, String problem) {

        boolean ready() {
            return problem == null;
        }

        boolean servesAll() {
            return stores.contains("*");
        }

        @Override
        public String toString() {
            return "Account[" + name + ", mchid=" + mchid + "]";
        }
    }

    final String baseUrl;
    final String notifyUrl;
    final int connectTimeoutMillis;
    final int readTimeoutMillis;
    /** By account name, in name order. */
    final Map<String, Account> accounts;

    private WechatSettings(String baseUrl, String notifyUrl, int connectTimeoutMillis, int readTimeoutMillis,
            Map<String, Account> accounts) {
        this.baseUrl = baseUrl;
        this.notifyUrl = notifyUrl;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
        this.accounts = accounts;
    }

    /** Reads the configuration properties (values may be strings or numbers, as Config Admin gives them). */
    static WechatSettings read(Map<String, ?> props) {
        Function<String, String> get = k -> {
            Object v = props == null ? null : props.get(k);
            return v == null ? "" : String.valueOf(v).trim();
        };
        String baseUrl = get.apply("baseUrl").isEmpty() ? DEFAULT_BASE_URL : stripSlash(get.apply("baseUrl"));
        try {
            URI u = URI.create(baseUrl);
            if (u.getHost() == null || !(u.getScheme().equals("https") || u.getScheme().equals("http"))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("WeChat Pay baseUrl '{}' is invalid ({}); using {}", baseUrl, e.getMessage(), DEFAULT_BASE_URL);
            baseUrl = DEFAULT_BASE_URL;
        }
        int connect = positiveInt(get.apply("connectTimeoutMillis"), 3000, "connectTimeoutMillis");
        int read = positiveInt(get.apply("readTimeoutMillis"), 10000, "readTimeoutMillis");

        TreeMap<String, Map<String, String>> raw = new TreeMap<>();
        if (props != null) {
            for (String key : props.keySet()) {
                if (key.startsWith("merchant.")) {
                    int dot = key.indexOf('.', "merchant.".length());
                    if (dot > 0 && dot < key.length() - 1) {
                        raw.computeIfAbsent(key.substring("merchant.".length(), dot), n -> new TreeMap<>())
                                .put(key.substring(dot + 1), get.apply(key));
                    }
                }
            }
        }
        Map<String, Account> accounts = new TreeMap<>();
        raw.forEach((name, keys) -> accounts.put(name, account(name, keys)));
        Map<String, String> claimed = new TreeMap<>();
        for (Account a : accounts.values()) {
            for (String store : a.stores()) {
                String first = claimed.putIfAbsent(store, a.name());
                if (first != null) {
                    LOG.warn("WeChat Pay store {} is named by merchant accounts {} and {}; {} serves it", store, first,
                            a.name(), first);
                }
            }
        }
        return new WechatSettings(baseUrl, get.apply("notifyUrl"), connect, read, Collections.unmodifiableMap(accounts));
    }

    private static Account account(String name, Map<String, String> k) {
        String mchid = k.getOrDefault("mchid", "");
        String appid = k.getOrDefault("appid", "");
        String serialNo = k.getOrDefault("serialNo", "").toUpperCase();
        String publicKeyId = k.getOrDefault("publicKeyId", "");
        List<String> stores = new ArrayList<>();
        for (String s : k.getOrDefault("stores", "").split(",")) {
            if (!s.isBlank()) {
                stores.add(s.trim());
            }
        }
        List<String> problems = new ArrayList<>();
        BigDecimal feeRate = null;
        try {
            feeRate = new BigDecimal(k.getOrDefault("feeRate", ""));
            if (feeRate.signum() < 0 || feeRate.compareTo(BigDecimal.ONE) >= 0) {
                problems.add("feeRate must be between 0 and 1 (e.g. 0.0060)");
                feeRate = null;
            }
        } catch (NumberFormatException e) {
            problems.add("feeRate is missing or not a decimal (e.g. 0.0060)");
        }
        if (mchid.isEmpty()) {
            problems.add("mchid is missing");
        }
        if (appid.isEmpty()) {
            problems.add("appid is missing");
        }
        if (serialNo.isEmpty()) {
            problems.add("serialNo (merchant certificate serial) is missing");
        }
        if (stores.isEmpty()) {
            problems.add("stores is empty (store codes, or *)");
        }
        if (!publicKeyId.startsWith(PUB_KEY_ID_PREFIX)) {
            problems.add("publicKeyId must be the WeChat Pay public key id (PUB_KEY_ID_...); "
                    + "platform-certificate mode is not supported");
        }
        PrivateKey privateKey = null;
        String pem = secret(k, "privateKey", problems);
        if (pem != null) {
            try {
                privateKey = WechatCrypto.privateKey(pem);
            } catch (GeneralSecurityException e) {
                problems.add("the merchant private key is not a PKCS#8 RSA key: " + e.getMessage());
            }
        }
        PublicKey publicKey = null;
        pem = secret(k, "publicKey", problems);
        if (pem != null) {
            try {
                publicKey = WechatCrypto.publicKey(pem);
            } catch (GeneralSecurityException e) {
                problems.add("the WeChat Pay public key is not an RSA public key: " + e.getMessage());
            }
        }
        byte[] apiV3Key = null;
        String v3 = secret(k, "apiV3Key", problems);
        if (v3 != null) {
            byte[] bytes = v3.trim().getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 32) {
                apiV3Key = bytes;
            } else {
                problems.add("the APIv3 key must be 32 characters (it has " + bytes.length + ")");
            }
        }
        String problem = problems.isEmpty() ? null : String.join("; ", problems);
        if (problem != null) {
            LOG.warn("WeChat Pay merchant account {} is not ready: {}", name, problem);
            return new Account(name, mchid, appid, serialNo, List.copyOf(stores), feeRate, null, null, publicKeyId, null,
                    problem);
        }
        return new Account(name, mchid, appid, serialNo, List.copyOf(stores), feeRate, privateKey, apiV3Key,
                publicKeyId, publicKey, null);
    }

    /** {@code <key>File} (preferred) or inline {@code <key>}; null with a problem added when neither can be read. */
    private static String secret(Map<String, String> k, String key, List<String> problems) {
        String file = k.getOrDefault(key + "File", "");
        if (!file.isEmpty()) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                problems.add(key + "File " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
                return null;
            }
        }
        String inline = k.getOrDefault(key, "");
        if (!inline.isEmpty()) {
            return inline.replace("\\n", "\n");
        }
        problems.add(key + "File is missing");
        return null;
    }

    /** The account serving a store code: the one naming it, else the one with {@code *}; null when none. */
    Account accountFor(String storeCode) {
        Account star = null;
        for (Account a : accounts.values()) {
            if (a.stores().contains(storeCode)) {
                return a;
            }
            if (star == null && a.servesAll()) {
                star = a;
            }
        }
        return star;
    }

    /** The ready accounts whose WeChat Pay public key has this id. */
    List<Account> accountsByPublicKeyId(String publicKeyId) {
        List<Account> found = new ArrayList<>();
        for (Account a : accounts.values()) {
            if (a.ready() && a.publicKeyId().equals(publicKeyId)) {
                found.add(a);
            }
        }
        return found;
    }

    private static int positiveInt(String value, int dflt, String key) {
        if (value.isEmpty()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        LOG.warn("WeChat Pay {} '{}' is not a positive number; using {}", key, value, dflt);
        return dflt;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
