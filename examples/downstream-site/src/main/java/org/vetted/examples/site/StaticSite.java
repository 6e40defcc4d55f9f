package org.vetted.examples.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vetted.contract.Corrections;
import org.vetted.contract.EventCatalog;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;

/**
 * The static copy of the site on disk: {@code index.html}, {@code articles/<slug>.html} for each article, and in
 * {@code .state/} the verified record each page was made from (its value bytes, decoded again at start) and, for a
 * retracted article, the reason, and for a corrected one its corrections (revision, time, note). Every file is written whole to a temporary file beside it and moved into place, so a
 * reader or a crash never sees half a page; a file whose content would not change is not written at all. Applying
 * the same records again, from offset 0 or after a restart, therefore leaves the same files with the same bytes.
 * <p>
 * The latest revision of an article wins (an older one read later, as on a replay across partitions, changes
 * nothing); a slug belongs to the first article that takes it. Not thread-safe: one consumer thread feeds it.
 */
public final class StaticSite {
    /** What applying a record did. */
    public enum Outcome {
        WRITTEN,
        UNCHANGED,
        OLDER_REVISION,
        SLUG_TAKEN,
        UNSAFE_NAME,
        UNKNOWN_ARTICLE
    }

    private static final int MAX_FILE_NAME = 200;

    private final Path root;
    private final Path articles;
    private final Path state;
    private final Map<String, Kept> byArticle = new HashMap<>();

    private record Kept(
            ArticlePublished article,
            String retractedBecause,
            List<Pages.Correction> corrections,
            ReviewNotice review) {}

    /**
     * A re-review notice (ArticleReviewDue or ArticleReviewExpired) of the approval made at {@code lastReviewedAt};
     * a publication with a later approval (the article reviewed again) clears it.
     */
    public record ReviewNotice(boolean overdue, Instant lastReviewedAt, Instant reviewBy, String reason) {
        String text() {
            return (overdue ? "overdue" : "due") + "\n" + lastReviewedAt + "\n" + reviewBy + "\n" + reason;
        }

        static ReviewNotice parse(String text) {
            String[] lines = text.split("\n", 4);
            return new ReviewNotice(
                    lines[0].equals("overdue"), Instant.parse(lines[1]), Instant.parse(lines[2]), lines[3]);
        }
    }

    private StaticSite(Path root) {
        this.root = root;
        this.articles = root.resolve("articles");
        this.state = root.resolve(".state");
    }

    /** The site kept in {@code root}, with what earlier runs applied (created when missing). */
    public static StaticSite open(Path root) throws IOException {
        StaticSite site = new StaticSite(root);
        Files.createDirectories(site.articles);
        Files.createDirectories(site.state);
        site.removeLeftovers(site.root);
        site.removeLeftovers(site.articles);
        site.removeLeftovers(site.state);
        try (DirectoryStream<Path> kept = Files.newDirectoryStream(site.state, "*.avro")) {
            for (Path file : kept) {
                byte[] value = Files.readAllBytes(file);
                Object record = EventCatalog.standard().decode(value);
                ArticlePublished article = record instanceof ArticleCorrected corrected
                        ? Corrections.asPublished(corrected)
                        : (ArticlePublished) record;
                Path reason = site.reasonFile(article.getArticleId());
                Path review = site.reviewFile(article.getArticleId());
                site.byArticle.put(
                        article.getArticleId(),
                        new Kept(
                                article,
                                Files.exists(reason) ? Files.readString(reason, StandardCharsets.UTF_8) : null,
                                site.readCorrections(article.getArticleId()),
                                Files.exists(review)
                                        ? ReviewNotice.parse(Files.readString(review, StandardCharsets.UTF_8))
                                        : null));
            }
        }
        return site;
    }

    /**
     * Writes the page of a verified publication and the index. A later revision of a retracted article is published
     * again, unmarked: it went through review again.
     *
     * @param value the record's value bytes, kept in {@code .state/} to rebuild the site's memory at the next start
     */
    public Outcome publish(ArticlePublished article, byte[] value) {
        return publish(article, value, null);
    }

    /**
     * Writes the corrected revision's page as {@link #publish} does, listing the correction's note and date with the
     * earlier ones (once per revision: a replay lists nothing twice).
     */
    public Outcome correct(ArticleCorrected corrected, byte[] value) {
        return publish(
                Corrections.asPublished(corrected),
                value,
                new Pages.Correction(corrected.getRevision(), corrected.getCorrectedAt(), corrected.getCorrection()));
    }

    private Outcome publish(ArticlePublished article, byte[] value, Pages.Correction correction) {
        String articleId = article.getArticleId();
        if (fileName(articleId) == null || fileName(article.getSlug()) == null) {
            return Outcome.UNSAFE_NAME;
        }
        Kept before = byArticle.get(articleId);
        if (before != null && before.article().getRevision() > article.getRevision()) {
            return Outcome.OLDER_REVISION;
        }
        boolean taken = byArticle.values().stream()
                .anyMatch(kept -> kept.article().getSlug().equals(article.getSlug())
                        && !kept.article().getArticleId().equals(articleId));
        if (taken) {
            return Outcome.SLUG_TAKEN;
        }
        String reason = before != null && before.article().getRevision() == article.getRevision()
                ? before.retractedBecause()
                : null;
        // A notice of an earlier approval no longer concerns a page reviewed again since.
        ReviewNotice review = before != null
                        && before.review() != null
                        && !article.getMedicallyReviewedAt()
                                .isAfter(before.review().lastReviewedAt())
                ? before.review()
                : null;
        List<Pages.Correction> corrections = new ArrayList<>(before == null ? List.of() : before.corrections());
        boolean changed = false;
        if (correction != null && corrections.stream().noneMatch(known -> known.revision() == correction.revision())) {
            corrections.add(correction);
            corrections.sort(Comparator.comparing(Pages.Correction::at).thenComparing(Pages.Correction::revision));
            changed |= write(correctionsFile(articleId), Pages.Correction.lines(corrections));
        }
        changed |= write(stateFile(articleId), value);
        changed |= reason == null ? delete(reasonFile(articleId)) : false;
        changed |= review == null ? delete(reviewFile(articleId)) : false;
        if (before != null && !before.article().getSlug().equals(article.getSlug())) {
            changed |= delete(page(before.article().getSlug()));
        }
        byArticle.put(articleId, new Kept(article, reason, corrections, review));
        changed |= write(page(article.getSlug()), Pages.article(article, reason, corrections, review));
        changed |= writeIndex();
        return changed ? Outcome.WRITTEN : Outcome.UNCHANGED;
    }

    /** Keeps the article's page, marked retracted with {@code reason}, and marks it so in the index. */
    public Outcome retract(String articleId, String reason) {
        Kept kept = byArticle.get(articleId);
        if (kept == null) {
            return Outcome.UNKNOWN_ARTICLE;
        }
        byArticle.put(articleId, new Kept(kept.article(), reason, kept.corrections(), kept.review()));
        boolean changed = write(reasonFile(articleId), reason);
        changed |= write(
                page(kept.article().getSlug()),
                Pages.article(kept.article(), reason, kept.corrections(), kept.review()));
        changed |= writeIndex();
        return changed ? Outcome.WRITTEN : Outcome.UNCHANGED;
    }

    /**
     * Shows a re-review notice on the article's page: the review is due, or overdue (the page stays, with its last
     * review date). A notice of an approval older than the page's, or an earlier "due" after an "overdue" of the same
     * approval, changes nothing.
     */
    public Outcome reviewNotice(String articleId, ReviewNotice notice) {
        Kept kept = byArticle.get(articleId);
        if (kept == null) {
            return Outcome.UNKNOWN_ARTICLE;
        }
        if (kept.article().getMedicallyReviewedAt().isAfter(notice.lastReviewedAt())
                || (kept.review() != null
                        && kept.review().lastReviewedAt().equals(notice.lastReviewedAt())
                        && kept.review().overdue()
                        && !notice.overdue())) {
            return Outcome.UNCHANGED;
        }
        byArticle.put(articleId, new Kept(kept.article(), kept.retractedBecause(), kept.corrections(), notice));
        boolean changed = write(reviewFile(articleId), notice.text());
        changed |= write(
                page(kept.article().getSlug()),
                Pages.article(kept.article(), kept.retractedBecause(), kept.corrections(), notice));
        return changed ? Outcome.WRITTEN : Outcome.UNCHANGED;
    }

    /** Removes the article's page, its entry in the index and what was kept of it; its slug is free again. */
    public Outcome remove(String articleId) {
        Kept kept = byArticle.remove(articleId);
        if (kept == null) {
            return Outcome.UNKNOWN_ARTICLE;
        }
        delete(page(kept.article().getSlug()));
        delete(reasonFile(articleId));
        delete(reviewFile(articleId));
        delete(correctionsFile(articleId));
        delete(stateFile(articleId));
        writeIndex();
        return Outcome.WRITTEN;
    }

    /** The page file of {@code slug}, relative to the site's root. */
    public static String pagePath(String slug) {
        return "articles/" + fileName(slug) + ".html";
    }

    private boolean writeIndex() {
        List<Pages.Listed> listed = byArticle.values().stream()
                .sorted(Comparator.comparing((Kept kept) -> kept.article().getPublishedAt())
                        .reversed()
                        .thenComparing(kept -> kept.article().getArticleId()))
                .map(kept -> new Pages.Listed(
                        kept.article(),
                        // The file name is percent-encoded already; in a URL its % must be encoded once more.
                        pagePath(kept.article().getSlug()).replace("%", "%25"),
                        kept.retractedBecause() != null))
                .toList();
        return write(root.resolve("index.html"), Pages.index(listed));
    }

    private Path page(String slug) {
        return root.resolve(pagePath(slug));
    }

    private Path stateFile(String articleId) {
        return state.resolve(fileName(articleId) + ".avro");
    }

    private Path reviewFile(String articleId) {
        return state.resolve(fileName(articleId) + ".review");
    }

    private Path correctionsFile(String articleId) {
        return state.resolve(fileName(articleId) + ".corrections");
    }

    private List<Pages.Correction> readCorrections(String articleId) throws IOException {
        Path file = correctionsFile(articleId);
        return Files.exists(file) ? Pages.Correction.parse(Files.readString(file, StandardCharsets.UTF_8)) : List.of();
    }

    private Path reasonFile(String articleId) {
        return state.resolve(fileName(articleId) + ".retracted");
    }

    /**
     * A name that stays one file inside its folder whatever the text: percent-encoded, dots too (so never "." or
     * ".."); null when it would be empty or too long for a file name.
     */
    static String fileName(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String name = URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace(".", "%2E")
                .replace("*", "%2A");
        return name.length() > MAX_FILE_NAME ? null : name;
    }

    private static boolean write(Path target, String content) {
        return write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} whole, or not at all; false when the file already holds exactly that. */
    static boolean write(Path target, byte[] content) {
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                return false;
            }
            Path temporary = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            try {
                Files.write(temporary, content);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    private static boolean delete(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }

    /** Temporary files a crash left behind: never a page. */
    private void removeLeftovers(Path folder) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(folder, ".tmp-*.part")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
    }
}
