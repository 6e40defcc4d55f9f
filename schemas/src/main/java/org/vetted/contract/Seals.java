package org.vetted.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed seals that make approvals and rendered HTML unforgeable by anyone who can merely write to a topic.
 * The content hash binds an approval to its text; a seal binds it to the service that issued it: review seals
 * each approval, rendering seals the exact HTML it produced, and rendering and distribution verify before they act.
 * HMAC-SHA256 over length-prefixed fields, written {@code hmac-sha256:<hex>}; the key is shared by review,
 * rendering and distribution (and rotated by deploying a new one to all three).
 */
public final class Seals {
    public static final String PREFIX = "hmac-sha256:";
    static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    private Seals(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** @throws IllegalArgumentException when the secret is missing or shorter than 32 bytes */
    public static Seals withSecret(String secret) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the seal key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        return new Seals(bytes);
    }

    /** The seal review puts on an approval. */
    public String approval(String articleId, int revision, String contentHash, String signer, Instant approvedAt) {
        return mac("approval", articleId, Integer.toString(revision), contentHash, signer,
                Long.toString(approvedAt.toEpochMilli()));
    }

    public boolean approvalIsSealed(String seal, String articleId, int revision, String contentHash, String signer,
            Instant approvedAt) {
        return same(seal, approval(articleId, revision, contentHash, signer, approvedAt));
    }

    /** The seal rendering puts on the HTML it rendered from an approved text. */
    public String rendering(String articleId, int revision, String contentHash, String html) {
        return mac("rendering", articleId, Integer.toString(revision), contentHash, html);
    }

    public boolean renderingIsSealed(String seal, String articleId, int revision, String contentHash, String html) {
        return same(seal, rendering(articleId, revision, contentHash, html));
    }

    private String mac(String purpose, String... fields) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            update(mac, purpose);
            for (String field : fields) {
                update(mac, field == null ? "" : field);
            }
            return PREFIX + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE ships HmacSHA256", e);
        }
    }

    private static void update(Mac mac, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        mac.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        mac.update(bytes);
        mac.update((byte) '\n');
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
