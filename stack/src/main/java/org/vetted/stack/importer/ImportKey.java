package org.vetted.stack.importer;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.vetted.contract.Sha256;

/**
 * The {@code Idempotency-Key} of one file: a full SHA-256 of its path relative to the folder (with {@code /}
 * separators, so the key is the same on every system) and the full SHA-256 of its bytes, base64url without padding so
 * both fit intake's 128 visible ASCII characters (96 here). The same file sent again is told what it made the first
 * time; an edited file is a new request. No hash is shortened: a short one would let two drafts share a key.
 */
public final class ImportKey {
    static final String PREFIX = "vetted-import1.";

    private ImportKey() {}

    public static String of(String relativePath, byte[] content) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return PREFIX + b64.encodeToString(sha256(relativePath.getBytes(StandardCharsets.UTF_8))) + "."
                + b64.encodeToString(sha256(content));
    }

    /** The content's SHA-256 in hex, as the state file keeps it. */
    public static String contentHash(byte[] content) {
        return HexFormat.of().formatHex(sha256(content));
    }

    static byte[] sha256(byte[] bytes) {
        return Sha256.of(bytes);
    }
}
