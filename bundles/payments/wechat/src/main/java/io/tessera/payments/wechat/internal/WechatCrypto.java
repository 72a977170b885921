package io.tessera.payments.wechat.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * WeChat Pay API v3 cryptography with the JDK only (PROTOCOLS.md A2, A3, A5, A11): the canonical messages,
 * SHA256withRSA signatures, AES-256-GCM decryption of notification resources, PEM keys. Nothing here logs.
 */
final class WechatCrypto {

    static final String AUTH_SCHEME = "WECHATPAY2-SHA256-RSA2048";
    private static final String NONCE_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WechatCrypto() {
    }

    /** The request message of A2: method, canonical URL (raw path and query), timestamp, nonce, body, each + LF. */
    static String requestMessage(String method, String canonicalUrl, long timestamp, String nonce, String body) {
        return method + "\n" + canonicalUrl + "\n" + timestamp + "\n" + nonce + "\n" + (body == null ? "" : body) + "\n";
    }

    /** The answer / notification message of A3 over the raw body bytes: timestamp, nonce, body, each + LF. */
    static byte[] answerMessage(String timestamp, String nonce, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((timestamp + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.writeBytes(body);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** The {@code Authorization} header value of A2 (fields in the official SDK's order). */
    static String authorization(String mchid, String nonce, long timestamp, String serialNo, String signature) {
        return AUTH_SCHEME + " mchid=\"" + mchid + "\",nonce_str=\"" + nonce + "\",timestamp=\"" + timestamp
                + "\",serial_no=\"" + serialNo + "\",signature=\"" + signature + "\"";
    }

    /** 32 characters of [0-9A-Za-z], as the SDK's nonce. */
    static String nonce() {
        StringBuilder b = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            b.append(NONCE_CHARS.charAt(RANDOM.nextInt(NONCE_CHARS.length())));
        }
        return b.toString();
    }

    static String sign(PrivateKey key, String message) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA256withRSA signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** False for any signature that does not verify, including one that is not even Base64 (e.g. WECHATPAY/SIGNTEST/ probes). */
    static boolean verify(PublicKey key, byte[] message, String signature) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        try {
            byte[] sig = Base64.getDecoder().decode(signature);
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(key);
            s.update(message);
            return s.verify(sig);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * AEAD_AES_256_GCM decryption of a notification resource (A5): key = the 32 bytes of the APIv3 key, IV = the
     * nonce's bytes, AAD = associated_data's bytes, input = Base64 ciphertext with the 16-byte tag at its end.
     *
     * @throws GeneralSecurityException when the tag does not match (wrong key, tampered data)
     */
    static String decrypt(byte[] apiV3Key, String nonce, String associatedData, String ciphertext)
            throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(apiV3Key, "AES"),
                new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
        if (associatedData != null && !associatedData.isEmpty()) {
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        }
        byte[] input;
        try {
            input = Base64.getDecoder().decode(ciphertext);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("ciphertext is not Base64");
        }
        return new String(c.doFinal(input), StandardCharsets.UTF_8);
    }

    /** A PKCS#8 RSA private key ({@code BEGIN PRIVATE KEY}, as apiclient_key.pem). */
    static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        if (pem.contains("BEGIN RSA PRIVATE KEY")) {
            throw new GeneralSecurityException("PKCS#1 key (BEGIN RSA PRIVATE KEY): convert it to PKCS#8 "
                    + "(openssl pkcs8 -topk8 -nocrypt)");
        }
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pemBytes(pem)));
    }

    /** An RSA public key ({@code BEGIN PUBLIC KEY}, as the WeChat Pay pub_key.pem). */
    static PublicKey publicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(pemBytes(pem)));
    }

    private static byte[] pemBytes(String pem) throws GeneralSecurityException {
        StringBuilder b64 = new StringBuilder();
        for (String line : pem.split("\\R")) {
            if (!line.startsWith("-----")) {
                b64.append(line.trim());
            }
        }
        if (b64.length() == 0) {
            throw new GeneralSecurityException("no PEM content");
        }
        try {
            return Base64.getDecoder().decode(b64.toString());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("PEM content is not Base64");
        }
    }

    static String sha256Hex(byte[] data) {
        return digestHex("SHA-256", data);
    }

    static String sha1Hex(byte[] data) {
        return digestHex("SHA-1", data);
    }

    private static String digestHex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }
}
