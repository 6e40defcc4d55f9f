package org.vetted.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * The hash an approval binds to. Every service computes it the same way, so it is part of the contract:
 * SHA-256 over title, summary and body, each NFC-normalised with LF line endings and length-prefixed
 * (so that text cannot move between fields without changing the hash).
 */
public final class ContentHash {
    public static final String PREFIX = "sha256:";

    public static String of(String title, String summary, String bodyMarkdown) {
        MessageDigest sha = sha256();
        for (String field : new String[] {title, summary == null ? "" : summary, bodyMarkdown}) {
            byte[] bytes = canonical(field).getBytes(StandardCharsets.UTF_8);
            sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes);
            sha.update((byte) '\n');
        }
        return PREFIX + HexFormat.of().formatHex(sha.digest());
    }

    /** True when {@code expected} is the hash of exactly this text. */
    public static boolean matches(String expected, String title, String summary, String bodyMarkdown) {
        return expected != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                of(title, summary, bodyMarkdown).getBytes(StandardCharsets.US_ASCII));
    }

    static String canonical(String text) {
        String unixLines = text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(unixLines, Normalizer.Form.NFC);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE ships SHA-256", e);
        }
    }

    private ContentHash() {
    }
}
