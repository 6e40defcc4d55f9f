package org.vetted.review.domain.library;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference a claim rests on, checked for form (not for existence): an http(s) URL with a host, a DOI or a PubMed
 * id. Written in one form each, so equal references compare equal: {@code doi:10.1000/xyz} (from {@code 10.1000/xyz},
 * {@code doi:10.1000/xyz} or {@code https://doi.org/10.1000/xyz}), {@code PMID:12345678}, or the URL as given.
 */
public record Reference(Kind kind, String value) {
    public static final int MAX_LENGTH = 500;

    public enum Kind {
        URL,
        DOI,
        PMID
    }

    /** Thrown with the reason a text is no reference. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String reason) {
            super(reason);
        }
    }

    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/[\\x21-\\x7E]++");
    private static final Pattern DOI_PREFIX = Pattern.compile("(?i)doi:\\s*+");
    private static final Pattern DOI_RESOLVER = Pattern.compile("(?i)https?://(?:dx\\.)?doi\\.org/");
    private static final Pattern PMID = Pattern.compile("(?i)pmid\\s*+:?\\s*+(\\d{1,8})");
    private static final Pattern NO_SPACE_OR_CONTROL = Pattern.compile("[^\\s\\p{Cc}\\p{Cf}]++");

    /** @throws Invalid naming what is wrong, for a reviewer to read */
    public static Reference parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Invalid("empty: give a URL, a DOI or a PMID");
        }
        String raw = text.strip();
        if (raw.length() > MAX_LENGTH) {
            throw new Invalid("longer than " + MAX_LENGTH + " characters");
        }
        Matcher pmid = PMID.matcher(raw);
        if (pmid.matches()) {
            return new Reference(Kind.PMID, "PMID:" + Long.parseLong(pmid.group(1)));
        }
        Matcher resolver = DOI_RESOLVER.matcher(raw);
        Matcher prefix = DOI_PREFIX.matcher(raw);
        String doi = resolver.lookingAt()
                ? raw.substring(resolver.end())
                : prefix.lookingAt() ? raw.substring(prefix.end()) : raw;
        if (!doi.isEmpty() && !NO_SPACE_OR_CONTROL.matcher(doi).matches()) {
            throw new Invalid("contains spaces or control characters: give one URL, DOI or PMID");
        }
        if (DOI.matcher(doi).matches()) {
            return new Reference(Kind.DOI, "doi:" + doi);
        }
        if (doi.length() != raw.length() || raw.startsWith("10.")) {
            throw new Invalid("not a DOI: a DOI is 10.NNNN/suffix, e.g. doi:10.1000/xyz123");
        }
        return new Reference(Kind.URL, url(raw));
    }

    /** The reference, or empty when {@code text} is blank; a malformed one is refused as by {@link #parse}. */
    public static Optional<Reference> parseOptional(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(parse(text));
    }

    /** Whether {@code text} is a reference by form. */
    public static boolean isWellFormed(String text) {
        try {
            parse(text);
            return true;
        } catch (Invalid e) {
            return false;
        }
    }

    /**
     * Where a reader can look the reference up: the URL itself, {@code https://doi.org/} and the DOI, or the PubMed
     * page of a PMID. Characters a URL may not hold (a DOI suffix may hold {@code <} or {@code "}) are
     * percent-encoded.
     */
    public String link() {
        return switch (kind) {
            case URL -> value;
            case DOI -> "https://doi.org/" + encodePath(value.substring("doi:".length()));
            case PMID -> "https://pubmed.ncbi.nlm.nih.gov/" + value.substring("PMID:".length()) + "/";
        };
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-._~/:@!$'()*+,;=".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", (int) c));
            }
        }
        return out.toString();
    }

    private static String url(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            throw new Invalid(
                    "not a reference: give an http(s) URL, a DOI (doi:10.NNNN/...) or a PMID (PMID: 12345678)");
        }
        try {
            URI uri = new URI(raw);
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                throw new Invalid("not a URL: it names no host");
            }
            if (uri.getRawUserInfo() != null) {
                // https://trusted.org@evil.example/ reads as trusted.org but goes to evil.example.
                throw new Invalid("not a URL to cite: it carries a user name or password");
            }
            return raw;
        } catch (URISyntaxException e) {
            throw new Invalid("not a URL: " + e.getReason());
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
