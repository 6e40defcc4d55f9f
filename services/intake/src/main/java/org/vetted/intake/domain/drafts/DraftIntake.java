package org.vetted.intake.domain.drafts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vetted.contract.ContentHash;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.articles.KnownArticle;
import org.vetted.intake.domain.articles.KnownArticles;
import org.vetted.intake.domain.articles.RejectedArticles;
import org.vetted.intake.domain.claims.Claim;
import org.vetted.intake.domain.claims.ClaimExtractor;
import org.vetted.intake.domain.claims.ExpertExtractor;
import org.vetted.intake.domain.claims.ExpertsFound;
import org.vetted.intake.domain.claims.SummaryWriter;
import org.vetted.markdown.SafeMarkdown;

/**
 * Decides what a submission becomes: parses it (plain text, Markdown or HTML), checks the {@link DraftRules}, numbers the
 * revision, fixes the slug, credits the authors, hashes the text and extracts claims and experts. It only returns a
 * value: publishing and recording the revision are the caller's. In two steps, so the caller can hold a lock for the
 * cheap one only: {@link #read} (the text alone, within the reading budget) and {@link #number} (the registry).
 */
public final class DraftIntake {
    public static final int SLUG_MAX = 80;
    /**
     * How many characters the regexes may examine reading a draft, per character of the draft (see {@link
     * ReadingBudget}; {@link #readingBudget(int)}). Work, not time, so a busy machine never refuses a valid
     * draft. Every pattern runs in linear time, so what a valid draft examines grows with its length: the accepted
     * drafts of the pathological corpus examine at most about 260 characters per character (ReadingBudgetTest
     * measures them), while the slowest pattern the testers found examined 375,000 per character of a 1,500-character
     * line. A 90,000-character draft may examine 90 million characters, about half a second of regex work on one
     * core.
     */
    public static final long READING_BUDGET = 1_000L;
    /** Every draft is allowed as much as one of this many characters: a title and a sentence through every pattern. */
    static final int READING_BUDGET_FLOOR = 1_000;
    /** Absolute claims named one by one in the warnings; more are counted. */
    static final int ABSOLUTE_WARNINGS_MAX = 20;

    /** The renderer rendering publishes with: thread-safe, shared. */
    private static final SafeMarkdown PUBLISHED_FORM = new SafeMarkdown();

    private final PlainTextDraftParser plainText;
    private final MarkdownDraftParser markdown;
    private final HtmlDraftParser html;
    private final DraftRules rules;
    private final ClaimExtractor claims;
    private final ExpertExtractor experts;
    private final Accounts accounts;
    private final SummaryWriter summaries = new SummaryWriter();
    private final long readingBudget;
    private final RejectedArticles rejectedArticles;
    private final Clock clock;

    public DraftIntake(
            PlainTextDraftParser plainText,
            MarkdownDraftParser markdown,
            DraftRules rules,
            ClaimExtractor claims,
            ExpertExtractor experts,
            Accounts accounts) {
        this(plainText, markdown, rules, claims, experts, accounts, READING_BUDGET);
    }

    /**
     * @param readingBudget characters the regexes may examine reading a draft, per character of it ({@link
     *     #READING_BUDGET})
     */
    public DraftIntake(
            PlainTextDraftParser plainText,
            MarkdownDraftParser markdown,
            DraftRules rules,
            ClaimExtractor claims,
            ExpertExtractor experts,
            Accounts accounts,
            long readingBudget) {
        this.plainText = plainText;
        this.markdown = markdown;
        this.html = new HtmlDraftParser(markdown);
        this.rules = rules;
        this.claims = claims;
        this.experts = experts;
        this.accounts = accounts;
        this.readingBudget = readingBudget;
        this.rejectedArticles = RejectedArticles.REVISABLE;
        this.clock = Clock.systemUTC();
    }

    private DraftIntake(DraftIntake same, RejectedArticles rejectedArticles, Clock clock) {
        this.plainText = same.plainText;
        this.markdown = same.markdown;
        this.html = same.html;
        this.rules = same.rules;
        this.claims = same.claims;
        this.experts = same.experts;
        this.accounts = same.accounts;
        this.readingBudget = same.readingBudget;
        this.rejectedArticles = rejectedArticles;
        this.clock = clock;
    }

    /** This intake with what a rejection means set ({@link RejectedArticles#REVISABLE} unless set). */
    public DraftIntake withRejectedArticles(RejectedArticles rejectedArticles) {
        return new DraftIntake(this, rejectedArticles, clock);
    }

    /** This intake judging embargo times against {@code clock} (the system's UTC clock unless set). */
    public DraftIntake withClock(Clock clock) {
        return new DraftIntake(this, rejectedArticles, clock);
    }

    /**
     * Both steps at once: {@link #mayRevise}, {@link #read}, then {@link #number}.
     *
     * @param newArticleId the id a new article gets (ignored for a new revision of an existing one)
     */
    public IntakeResult evaluate(Submission submission, KnownArticles known, String newArticleId) {
        Optional<IntakeResult> refused = mayRevise(submission, known);
        if (refused.isPresent()) {
            return refused.get();
        }
        Reading reading = read(submission);
        if (reading instanceof IntakeResult.Invalid invalid) {
            return invalid;
        }
        return number(submission, (ReadDraft) reading, known, newArticleId);
    }

    /**
     * A new revision must name a known article, come from one of its authors or an editor, and not follow a rejection
     * that closed the article.
     */
    public Optional<IntakeResult> mayRevise(Submission submission, KnownArticles known) {
        if (submission.articleId() == null) {
            return Optional.empty();
        }
        Optional<KnownArticle> existing = known.find(submission.articleId());
        if (existing.isEmpty()) {
            return Optional.of(new IntakeResult.UnknownArticle(submission.articleId()));
        }
        Account submitter = submission.submitter();
        if (!existing.get().isAuthor(submitter.username()) && !submitter.has(Role.EDITOR)) {
            return Optional.of(new IntakeResult.NotAnAuthor(submission.articleId(), submitter.username()));
        }
        if (!rejectedArticles.permitsRevisionAfter(existing.get().status())) {
            return Optional.of(new IntakeResult.RejectedForGood(submission.articleId()));
        }
        return Optional.empty();
    }

    /**
     * The expensive step, which depends on the text alone and so needs no lock: refuse control characters, put the
     * text in {@link NormalForm} (invisible characters out, look-alike words refused), parse,
     * check the rules (sizes, nesting), extract claims and experts, hash. Within the reading budget: a draft that
     * takes longer is refused, naming the body.
     */
    public Reading read(Submission submission) {
        try {
            return ReadingBudget.within(readingBudget(submission.text().length()), () -> readWithinBudget(submission));
        } catch (ReadingBudget.ReadingBudgetExceeded e) {
            return new IntakeResult.Invalid(
                    List.of(new FieldError("body", "takes too much work to read; split it or simplify its structure")));
        }
    }

    /** The characters the regexes may examine reading a draft of {@code length} characters. */
    long readingBudget(int length) {
        try {
            return Math.multiplyExact(readingBudget, (long) Math.max(length, READING_BUDGET_FLOOR));
        } catch (ArithmeticException unlimited) {
            return Long.MAX_VALUE; // a budget of Long.MAX_VALUE per character, as benchmarks use
        }
    }

    private Reading readWithinBudget(Submission submission) {
        try {
            return readChecked(submission);
        } catch (StackOverflowError e) {
            // The limits keep known shapes out; a shape they miss must still get an answer, not a 500.
            return new IntakeResult.Invalid(
                    List.of(new FieldError("body", "is structured too deeply to read; simplify its nesting")));
        }
    }

    private Reading readChecked(Submission submission) {
        Optional<FieldError> control = InputLimits.noControlCharacters(submission.text());
        if (control.isPresent()) {
            return new IntakeResult.Invalid(List.of(control.get()));
        }
        // Everything after this line reads the text in normal form: the parsers, the rules, claim detection, the hash.
        NormalForm.Result normal = NormalForm.of(submission.text(), "body");
        if (normal.refused()) {
            return new IntakeResult.Invalid(List.of(normal.error().get()));
        }
        String text = normal.text();
        ParsedDraft parsed = switch (submission.format()) {
            case MARKDOWN -> markdown.parse(text);
            case HTML -> html.parse(text);
            case PLAIN_TEXT -> plainText.parse(text);
        };
        if (parsed.bodyMarkdown() == null && !parsed.errors().isEmpty()) {
            // Not read at all (HTML nested too deep to convert): the parser's reasons are the only ones.
            return new IntakeResult.Invalid(parsed.errors());
        }
        List<FieldError> errors = new ArrayList<>(rules.check(parsed));
        String correction = LifecycleFields.correction(
                either(parsed.correction(), submission.correction(), "correction", errors), errors);
        Instant publishAt = LifecycleFields.publishAt(
                either(parsed.publishAt(), submission.publishAt(), "publishAt", errors), clock.instant(), errors);
        if (!errors.isEmpty()) {
            return new IntakeResult.Invalid(errors);
        }
        String title = parsed.title().strip();
        String body = parsed.bodyMarkdown();
        // What rendering could not publish after approval is refused now, while the writer can still change it.
        if (PUBLISHED_FORM.render(body) instanceof SafeMarkdown.Refused refused) {
            return new IntakeResult.Invalid(List.of(new FieldError("body", refused.reason())));
        }
        String summary = summaries.summaryOf(parsed.summary(), body, title);
        ExpertsFound quoted = experts.extract(body);
        List<Claim> found = claims.extract(title, body);
        List<String> warnings = new ArrayList<>(normal.warnings());
        warnings.addAll(parsed.warnings());
        warnings.addAll(quoted.warnings());
        warnings.addAll(absoluteClaimWarnings(found));
        return new ReadDraft(
                title,
                summary,
                dedupe(parsed.tags()),
                parsed.authorNames(),
                body,
                found,
                quoted.experts(),
                warnings,
                correction,
                publishAt);
    }

    /** A field front matter and the form may both give: one of them, or the same value twice. */
    private static String either(String fromText, String fromForm, String field, List<FieldError> errors) {
        String form = fromForm == null || fromForm.isEmpty() ? null : fromForm;
        if (fromText != null && form != null && !fromText.strip().equals(form.strip())) {
            errors.add(new FieldError(
                    field, "is given both in the front matter and in the form, differently; give it once"));
            return null;
        }
        return fromText != null ? fromText : form;
    }

    /**
     * One warning per claim in absolute terms, the first {@link #ABSOLUTE_WARNINGS_MAX}, then how many more: the
     * warnings travel in the event, whose size is bounded.
     */
    static List<String> absoluteClaimWarnings(List<Claim> claims) {
        List<Claim> absolute = claims.stream().filter(Claim::absolute).toList();
        List<String> warnings = new ArrayList<>();
        for (Claim claim : absolute.subList(0, Math.min(absolute.size(), ABSOLUTE_WARNINGS_MAX))) {
            warnings.add("absolute claim (a cure, a guarantee, prevention, no side effects or a dose to take): \""
                    + claim.text() + "\"");
        }
        if (absolute.size() > ABSOLUTE_WARNINGS_MAX) {
            warnings.add("and " + (absolute.size() - ABSOLUTE_WARNINGS_MAX) + " more absolute claims");
        }
        return warnings;
    }

    /**
     * The cheap step, which reads the article registry: revision number, slug (reserved in {@code known}, so two
     * new articles never share one) and authors. The caller serializes it per article.
     */
    public IntakeResult number(Submission submission, ReadDraft read, KnownArticles known, String newArticleId) {
        Optional<IntakeResult> refused = mayRevise(submission, known);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<KnownArticle> existing =
                submission.articleId() == null ? Optional.empty() : known.find(submission.articleId());
        if (read.correction() != null
                && existing.filter(KnownArticle::published).isEmpty()) {
            // Intake learns of publications from the public topic: a note on a text nobody has read corrects nothing.
            return new IntakeResult.Invalid(List.of(new FieldError(
                    "correction",
                    existing.isEmpty()
                            ? "only a published article can be corrected; a new article needs no correction note"
                            : "only a published article can be corrected; article "
                                    + existing.get().articleId()
                                    + " was never published: remove the correction note")));
        }
        String articleId = existing.map(KnownArticle::articleId).orElse(newArticleId);
        int revision = existing.map(article -> article.latestRevision() + 1).orElse(1);
        String slug = existing.map(KnownArticle::slug).orElseGet(() -> uniqueSlug(read.title(), known));
        List<Author> authors = authors(submission.submitter(), existing, read.authorNames());
        List<String> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(lookalikeWarnings(authors));
        return new IntakeResult.Accepted(new Draft(
                articleId,
                revision,
                slug,
                read.title(),
                read.summary(),
                authors,
                submission.submitter().asAuthor(),
                read.tags(),
                read.body(),
                contentHash(
                        slug,
                        read.title(),
                        read.summary(),
                        read.body(),
                        read.tags(),
                        authors,
                        read.correction(),
                        read.publishAt()),
                read.claims(),
                read.experts(),
                warnings,
                read.correction(),
                read.publishAt()));
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
    static String contentHash(
            String slug, String title, String summary, String body, List<String> tags, List<Author> authors) {
        return contentHash(slug, title, summary, body, tags, authors, null, null);
    }

    static String contentHash(
            String slug,
            String title,
            String summary,
            String body,
            List<String> tags,
            List<Author> authors,
            String correction,
            Instant publishAt) {
        return ContentHash.of(new ContentHash.Reviewed(
                slug,
                title,
                summary,
                body,
                tags,
                authors.stream()
                        .map(a -> new ContentHash.Credit(a.username(), a.displayName()))
                        .toList(),
                correction,
                publishAt));
    }

    /**
     * An external author whose name resembles an account's (a typo, an initial, a letter swapped) may be that member
     * of staff dodging the own-article rule: not refused (two people can have similar names), but said.
     */
    private List<String> lookalikeWarnings(List<Author> authors) {
        List<String> warnings = new ArrayList<>();
        for (Author author : authors) {
            if (author.username().startsWith(Author.EXTERNAL_PREFIX)) {
                accounts.resembling(author.displayName())
                        .ifPresent(account -> warnings.add("credited author \""
                                + author.displayName() + "\" has no account but resembles " + account.displayName()
                                + " ("
                                + account.username() + "); if this is the same person, credit them by username"));
            }
        }
        return warnings;
    }

    static String uniqueSlug(String title, KnownArticles known) {
        String base = Text.slug(title, SLUG_MAX);
        if (base.isEmpty()) {
            base = "article";
        }
        String slug = base;
        for (int n = 2; !known.reserveSlug(slug); n++) {
            String suffix = "-" + n;
            String head =
                    base.length() + suffix.length() > SLUG_MAX ? base.substring(0, SLUG_MAX - suffix.length()) : base;
            slug = head.replaceAll("-+$", "") + suffix;
        }
        return slug;
    }

    private static List<String> dedupe(List<String> tags) {
        return tags.stream().distinct().toList();
    }
}
