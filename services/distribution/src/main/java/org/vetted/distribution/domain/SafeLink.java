package org.vetted.distribution.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A URL a public page may link to: absolute http or https, with a host, without a user name or password (which
 * would let {@code https://trusted.org@evil.example/} read as one site and go to another), without spaces or
 * control characters. Anything else is shown as text, never as a link.
 */
public final class SafeLink {
    static final int MAX_LENGTH = 2_000;

    public static Optional<String> of(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7F || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http"))
                    || uri.getHost() == null
                    || uri.getHost().isEmpty()
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(url);
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }

    private SafeLink() {}
}
