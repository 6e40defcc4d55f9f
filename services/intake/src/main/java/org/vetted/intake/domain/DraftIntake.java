package org.vetted.intake.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vetted.contract.ContentHash;

/**
 * Decides what a submission becomes: parses it (plain text or Markdown), checks the {@link DraftRules}, numbers the
 * revision, fixes the slug, credits the authors, hashes the text and extracts claims and experts. It only returns a
 * value: publishing and recording the revision are the caller's.
 */
public final class DraftIntake {
    public static final int SLUG_MAX = 80;

    private final PlainTextDraftParser plainText;
    private final MarkdownDraftParser markdown;
    private final DraftRules rules;
    private final ClaimExtractor claims;
    private final ExpertExtractor experts;
    private final Accounts accounts;

    public DraftIntake(PlainTextDraftParser plainText, MarkdownDraftParser markdown, DraftRules rules,
                       ClaimExtractor claims, ExpertExtractor experts, Accounts accounts) {
        this.plainText = plainText;
        this.markdown = markdown;
        this.rules = rules;
        this.claims = claims;
        this.experts = experts;
        this.accounts = accounts;
    }

    /**
     * @param newArticleId the id a new article gets (ignored for a new revision of an existing one)
     */
    public IntakeResult evaluate(Submission submission, KnownArticles known, String newArticleId) {
        Optional<KnownArticle> existing = Optional.empty();
        if (submission.articleId() != null) {
            existing = known.find(submission.articleId());
            if (existing.isEmpty()) {
                return new IntakeResult.UnknownArticle(submission.articleId());
            }
            Account submitter = submission.submitter();
            if (!existing.get().isAuthor(submitter.username()) && !submitter.has(Role.EDITOR)) {
                return new IntakeResult.NotAnAuthor(submission.articleId(), submitter.username());
            }
        }
        ParsedDraft parsed = submission.format() == DraftFormat.MARKDOWN
                ? markdown.parse(submission.text())
                : plainText.parse(submission.text());
        List<FieldError> errors = rules.check(parsed);
        if (!errors.isEmpty()) {
            return new IntakeResult.Invalid(errors);
        }
        String title = parsed.title().strip();
        String summary = parsed.summary() == null || parsed.summary().isBlank() ? null : parsed.summary();
        String body = parsed.bodyMarkdown();
        ExpertsFound quoted = experts.extract(body);
        List<String> warnings = new ArrayList<>(parsed.warnings());
        warnings.addAll(quoted.warnings());

        String articleId = existing.map(KnownArticle::articleId).orElse(newArticleId);
        int revision = existing.map(article -> article.latestRevision() + 1).orElse(1);
        String slug = existing.map(KnownArticle::slug).orElseGet(() -> uniqueSlug(title, known));
        List<Author> credited = authors(submission.submitter(), existing, parsed.authorNames());
        List<String> tags = dedupe(parsed.tags());
        return new IntakeResult.Accepted(new Draft(articleId, revision, slug, title, summary, credited,
                submission.submitter().asAuthor(), tags, body,
                contentHash(slug, title, summary, body, tags, credited), claims.extract(title, body),
                quoted.experts(), warnings));
    }

    /** Earlier authors stay credited; the submitter and front-matter authors are added, each once. */
    private List<Author> authors(Account submitter, Optional<KnownArticle> existing, List<String> names) {
        Map<String, Author> byUsername = new LinkedHashMap<>();
        existing.ifPresent(article -> article.authors().forEach(a -> byUsername.putIfAbsent(a.username(), a)));
        byUsername.putIfAbsent(submitter.username(), submitter.asAuthor());
        for (String name : names) {
            Author author = accounts.authorNamed(name);
            byUsername.putIfAbsent(author.username(), author);
        }
        return List.copyOf(byUsername.values());
    }

    /** Everything of the revision that goes live, as the reviewer will see it. */
    static String contentHash(String slug, String title, String summary, String body, List<String> tags,
                              List<Author> authors) {
        return ContentHash.of(new ContentHash.Reviewed(slug, title, summary, body, tags,
                authors.stream().map(a -> new ContentHash.Credit(a.username(), a.displayName())).toList()));
    }

    static String uniqueSlug(String title, KnownArticles known) {
        String base = Text.slug(title, SLUG_MAX);
        if (base.isEmpty()) {
            base = "article";
        }
        String slug = base;
        for (int n = 2; known.slugTaken(slug); n++) {
            String suffix = "-" + n;
            String head = base.length() + suffix.length() > SLUG_MAX ? base.substring(0, SLUG_MAX - suffix.length()) : base;
            slug = head.replaceAll("-+$", "") + suffix;
        }
        return slug;
    }

    private static List<String> dedupe(List<String> tags) {
        return tags.stream().distinct().toList();
    }
}
