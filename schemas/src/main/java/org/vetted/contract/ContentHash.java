package org.vetted.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Author;
import org.vetted.events.DraftSubmitted;

/**
 * The hash an approval binds to. Every service computes it the same way, so it is part of the contract. It covers
 * everything of a revision that reaches a page, a feed or an event and that a reviewer is shown: slug, title,
 * summary (the writer's or the one intake derived before review), body, tags and the credited authors (login and
 * display name). Each text is NFC-normalised with LF line endings and length-prefixed, lists are counted, so no text
 * can move between fields without changing the hash. A change to any of them is a new text needing a new approval.
 * <p>
 * <p>
 * A correction note and an embargo time ({@code publishAt}) are reviewed too. Each is added after the authors only when
 * present, as a tag and its length-prefixed value ({@code correction}, the note; {@code publishAt}, the epoch
 * millisecond), so a revision carrying neither hashes exactly as before they existed (earlier approvals stay valid)
 * and no text can move between them and another field.
 * <p>
 * Version 2 (this one) is written {@code sha256v2:<hex>}. Version 1 hashed title, summary and body only: a v1 hash
 * never matches, so approvals given before it must be given again.
 */
public final class ContentHash {
    public static final String PREFIX = "sha256v2:";

    /** A credited author: the login (or {@code external:...}) and the name shown on the page. */
    public record Credit(String username, String displayName) {}

    /**
     * What a reviewer approves: every field that goes live. Null summary and null lists read as empty; a null
     * {@code correction} or {@code publishAt} is absent (no correction, no embargo).
     */
    public record Reviewed(
            String slug,
            String title,
            String summary,
            String bodyMarkdown,
            List<String> tags,
            List<Credit> authors,
            String correction,
            Instant publishAt) {
        public Reviewed {
            tags = tags == null ? List.of() : List.copyOf(tags);
            authors = authors == null ? List.of() : List.copyOf(authors);
        }

        /** A revision that is no correction and has no embargo. */
        public Reviewed(
                String slug,
                String title,
                String summary,
                String bodyMarkdown,
                List<String> tags,
                List<Credit> authors) {
            this(slug, title, summary, bodyMarkdown, tags, authors, null, null);
        }
    }

    public static String of(Reviewed content) {
        MessageDigest sha = sha256();
        add(sha, "vetted-content-v2");
        add(sha, content.slug());
        add(sha, content.title());
        add(sha, content.summary());
        add(sha, content.bodyMarkdown());
        add(sha, Integer.toString(content.tags().size()));
        content.tags().forEach(tag -> add(sha, tag));
        add(sha, Integer.toString(content.authors().size()));
        for (Credit author : content.authors()) {
            add(sha, author.username());
            add(sha, author.displayName());
        }
        // Only when present, each behind its tag: absent, the hash is the one made before these fields existed.
        if (content.correction() != null) {
            add(sha, "correction");
            add(sha, content.correction());
        }
        if (content.publishAt() != null) {
            add(sha, "publishAt");
            add(sha, Long.toString(content.publishAt().toEpochMilli()));
        }
        return PREFIX + HexFormat.of().formatHex(sha.digest());
    }

    /** What a draft puts up for review. */
    public static Reviewed reviewed(DraftSubmitted draft) {
        return new Reviewed(
                draft.getSlug(),
                draft.getTitle(),
                draft.getSummary(),
                draft.getBodyMarkdown(),
                draft.getTags(),
                credits(draft.getAuthors()),
                draft.getCorrection(),
                draft.getPublishAt());
    }

    /** What an approval says was approved. */
    public static Reviewed reviewed(ArticleApproved approved) {
        return new Reviewed(
                approved.getSlug(),
                approved.getTitle(),
                approved.getSummary(),
                approved.getBodyMarkdown(),
                approved.getTags(),
                credits(approved.getAuthors()),
                approved.getCorrection(),
                approved.getPublishAt());
    }

    /** What rendering rendered and distribution is about to publish. */
    public static Reviewed reviewed(ArticleRendered rendered) {
        return new Reviewed(
                rendered.getSlug(),
                rendered.getTitle(),
                rendered.getSummary(),
                rendered.getBodyMarkdown(),
                rendered.getTags(),
                credits(rendered.getAuthors()),
                rendered.getCorrection(),
                rendered.getPublishAt());
    }

    private static List<Credit> credits(List<Author> authors) {
        return authors == null
                ? List.of()
                : authors.stream()
                        .map(a -> new Credit(a.getUsername(), a.getDisplayName()))
                        .toList();
    }

    /** True when {@code expected} is the hash of exactly this content. */
    public static boolean matches(String expected, Reviewed content) {
        return expected != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), of(content).getBytes(StandardCharsets.UTF_8));
    }

    private static void add(MessageDigest sha, String field) {
        byte[] bytes = canonical(field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
        sha.update((byte) '\n');
    }

    static String canonical(String text) {
        String unixLines = text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(unixLines, Normalizer.Form.NFC);
    }

    private static MessageDigest sha256() {
        return Sha256.digest();
    }

    private ContentHash() {}
}
