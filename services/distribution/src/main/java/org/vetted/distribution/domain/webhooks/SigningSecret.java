package org.vetted.distribution.domain.webhooks;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

/**
 * A subscription's HMAC key, shown once to its editor as {@code whsec_} and the key's base64 (the Standard Webhooks
 * form). The key is the decoded bytes, not the text.
 */
public final class SigningSecret {
    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;
    static final int GENERATED_BYTES = 32;

    private final byte[] key;

    private SigningSecret(byte[] key) {
        this.key = key.clone();
    }

    /** A new secret of 32 random bytes. */
    public static SigningSecret generate(Random random) {
        byte[] key = new byte[GENERATED_BYTES];
        random.nextBytes(key);
        return new SigningSecret(key);
    }

    public static SigningSecret generate() {
        return generate(new SecureRandom());
    }

    /** A secret in its shown form, with or without the prefix. */
    public static SigningSecret parse(String text) {
        String encoded = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signing secret is whsec_ and base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "a signing secret holds " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + key.length);
        }
        return new SigningSecret(key);
    }

    byte[] key() {
        return key.clone();
    }

    /** The shown form: {@code whsec_} and base64. */
    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "SigningSecret[hidden]";
    }
}
