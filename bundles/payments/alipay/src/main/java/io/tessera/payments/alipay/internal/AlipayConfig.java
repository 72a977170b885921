package io.tessera.payments.alipay.internal;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One reading of {@code etc/io.tessera.payments.alipay.cfg}: the gateway, the notify URL, the timeouts and the
 * merchant accounts ({@code merchant.<name>.<key>}) with their keys already loaded. Immutable: a change of the
 * file builds a new one, which the next call uses.
 */
final class AlipayConfig {

    static final String DEFAULT_BASE_URL = "https://openapi.alipay.com";

    /** A merchant account (one Alipay app) and the stores it serves. */
    static final class Account {
        final String name;
        final String appId;
        /** The PID (2088…), checked against notifications' seller_id when given. */
        final String sellerId;
        final List<String> stores;
        final BigDecimal feeRate;
        final PrivateKey appPrivateKey;
        final PublicKey alipayPublicKey;
        /** Why the account cannot be used, or null when it is ready. Never key material. */
        final String problem;

        Account(String name, Map<String, String> p) {
            this.name = name;
            List<String> problems = new ArrayList<>();
            this.appId = trimToNull(p.get("appId"));
            if (appId == null) {
                problems.add("appId is missing");
            }
            this.sellerId = trimToNull(p.get("sellerId"));
            this.stores = Arrays.stream(p.getOrDefault("stores", "").split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (stores.isEmpty()) {
                problems.add("stores is empty");
            }
            BigDecimal rate = null;
            try {
                rate = new BigDecimal(p.getOrDefault("feeRate", "").trim());
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
                    problems.add("feeRate must be at least 0 and below 1");
                    rate = null;
                }
            } catch (NumberFormatException e) {
                problems.add("feeRate is missing or not a decimal number");
            }
            this.feeRate = rate;
            PrivateKey priv = null;
            PublicKey pub = null;
            try {
                priv = AlipayCrypto.privateKey(read(p, "privateKeyFile", "privateKey"));
            } catch (KeyProblem e) {
                problems.add("app private key: " + e.getMessage());
            }
            try {
                pub = AlipayCrypto.publicKey(read(p, "alipayPublicKeyFile", "alipayPublicKey"));
            } catch (KeyProblem e) {
                problems.add("Alipay public key: " + e.getMessage());
            }
            this.appPrivateKey = priv;
            this.alipayPublicKey = pub;
            this.problem = problems.isEmpty() ? null : String.join("; ", problems);
        }

        boolean ready() {
            return problem == null;
        }

        private static String read(Map<String, String> p, String fileKey, String inlineKey) {
            String file = trimToNull(p.get(fileKey));
            if (file != null) {
                try {
                    return Files.readString(Path.of(file));
                } catch (Exception e) {
                    throw new KeyProblem(fileKey + " " + file + " cannot be read (" + e.getClass().getSimpleName() + ")");
                }
            }
            String inline = trimToNull(p.get(inlineKey));
            if (inline == null) {
                throw new KeyProblem("neither " + fileKey + " nor " + inlineKey + " is set");
            }
            return inline;
        }
    }

    /** A key that cannot be used; the message names the setting, never the key. */
    static final class KeyProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyProblem(String message) {
            super(message);
        }
    }

    final String baseUrl;
    final String gatewayUrl;
    final String notifyUrl;
    final Duration connectTimeout;
    final Duration readTimeout;
    /** By name, sorted. */
    final List<Account> accounts;
    final HttpClient http;

    AlipayConfig(Map<String, ?> properties) {
        Map<String, String> p = new TreeMap<>();
        if (properties != null) {
            properties.forEach((k, v) -> {
                if (v != null) {
                    p.put(k, String.valueOf(v));
                }
            });
        }
        String base = trimToNull(p.get("baseUrl"));
        this.baseUrl = base == null ? DEFAULT_BASE_URL : base.replaceAll("/+$", "");
        this.gatewayUrl = baseUrl + "/gateway.do";
        this.notifyUrl = trimToNull(p.get("notifyUrl"));
        this.connectTimeout = Duration.ofMillis(positive(p.get("connectTimeoutMillis"), 3000));
        this.readTimeout = Duration.ofMillis(positive(p.get("readTimeoutMillis"), 10000));
        Map<String, Map<String, String>> byName = new TreeMap<>();
        p.forEach((k, v) -> {
            if (k.startsWith("merchant.")) {
                String rest = k.substring("merchant.".length());
                int dot = rest.lastIndexOf('.');
                if (dot > 0) {
                    byName.computeIfAbsent(rest.substring(0, dot), n -> new TreeMap<>()).put(rest.substring(dot + 1), v);
                }
            }
        });
        List<Account> list = new ArrayList<>();
        byName.forEach((name, props) -> list.add(new Account(name, props)));
        this.accounts = List.copyOf(list);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The account serving a store: the first (by name) naming its code, else the first with {@code *}. */
    Optional<Account> accountFor(String storeCode) {
        for (Account a : accounts) {
            if (a.stores.contains(storeCode)) {
                return Optional.of(a);
            }
        }
        return accounts.stream().filter(a -> a.stores.contains("*")).findFirst();
    }

    Optional<Account> accountByAppId(String appId) {
        return accounts.stream().filter(a -> a.appId != null && a.appId.equals(appId)).findFirst();
    }

    private static long positive(String v, long dflt) {
        try {
            long n = v == null ? dflt : Long.parseLong(v.trim());
            return n > 0 ? n : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
