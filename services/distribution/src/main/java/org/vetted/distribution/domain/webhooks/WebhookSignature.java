package org.vetted.distribution.domain.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks symmetric signature: {@code v1,} and the base64 HMAC-SHA256, keyed with the secret's bytes,
 * of {@code id.timestamp.body}. Several secrets (one rotating out) give several signatures, separated by a space.
 */
public final class WebhookSignature {
    public static final String VERSION = "v1";

    private WebhookSignature() {}

    /** One signature of a message: the id and timestamp are ours and hold no '.', so the signed text is unambiguous. */
    public static String sign(SigningSecret secret, String id, long timestampSeconds, String body) {
        if (id.indexOf('.') >= 0 || timestampSeconds < 0) {
            throw new IllegalArgumentException("a message id holds no '.', a timestamp is not negative");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + "," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The {@code webhook-signature} header: one signature per secret, current first. */
    public static String header(List<SigningSecret> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream()
                .map(secret -> sign(secret, id, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    /**
     * What a receiver does: true when any signature of the header is the one this secret makes (compared in constant
     * time). The timestamp's distance from now is the receiver's check, not made here.
     */
    public static boolean verifies(SigningSecret secret, String id, long timestampSeconds, String body, String header) {
        byte[] expected = sign(secret, id, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        for (String signature : header.split(" ")) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
