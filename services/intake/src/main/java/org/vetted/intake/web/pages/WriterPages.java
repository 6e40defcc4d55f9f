package org.vetted.intake.web.pages;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.app.DraftSubmissions;
import org.vetted.intake.app.SubmissionLedger;
import org.vetted.intake.app.SubmissionOutcome;
import org.vetted.intake.config.SignedInAccounts;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.articles.ArticleListing;
import org.vetted.intake.domain.articles.ArticleStatus;
import org.vetted.intake.domain.articles.ArticleView;
import org.vetted.intake.domain.articles.KnownArticle;
import org.vetted.intake.domain.articles.RejectedArticles;
import org.vetted.intake.domain.claims.SummaryWriter;
import org.vetted.intake.domain.drafts.DraftFormat;
import org.vetted.intake.domain.drafts.FieldError;
import org.vetted.intake.domain.drafts.IntakeResult;
import org.vetted.intake.domain.drafts.RevisionText;
import org.vetted.intake.domain.drafts.Submission;
import org.vetted.intake.web.ListingRequest;
import org.vetted.intake.web.SubmissionMetrics;

/**
 * The writers' pages, beside the JSON API and on the same rules: their articles with where each stands, a new draft
 * (pasted or uploaded) with what intake found in it, and an article's history. Server-rendered, readable without
 * JavaScript; forms carry CSRF tokens (Spring Security adds them). An article's page shows the reviewer's decision
 * on each claim, why a revision came back, a preview made as rendering will make it, and a revision form that starts
 * from the latest text.
 */
@Controller
class WriterPages {
    /** Largest upload or paste, as on the API: 256 KiB. */
    static final int MAX_DRAFT_BYTES = 256 * 1024;
    /** What a form token looks like (a UUID); anything else is replaced by a fresh one. */
    private static final Pattern TOKEN = Pattern.compile("[0-9a-fA-F-]{36}");

    private final ArticleRegistry registry;
    private final DraftSubmissions submissions;
    private final SignedInAccounts signedIn;
    private final String publicBaseUrl;
    private final SubmissionLedger ledger;
    private final RejectedArticles rejectedArticles;
    private final SubmissionMetrics metrics;
    private final RevisionText revisionText = new RevisionText(new SummaryWriter());

    WriterPages(
            ArticleRegistry registry,
            DraftSubmissions submissions,
            SignedInAccounts signedIn,
            SubmissionLedger ledger,
            RejectedArticles rejectedArticles,
            SubmissionMetrics metrics,
            @Value("${vetted.public-base-url:http://localhost:8084}") String publicBaseUrl) {
        this.metrics = metrics;
        this.registry = registry;
        this.submissions = submissions;
        this.signedIn = signedIn;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.ledger = ledger;
        this.rejectedArticles = rejectedArticles;
    }

    /**
     * The signed-in writer's articles (an editor's: all of them), the most recently active first, a page at a time
     * ({@code cursor}, {@code limit}: as on GET /api/articles).
     */
    @GetMapping("/")
    String home(
            Authentication authentication,
            Model model,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String limit) {
        Account account = account(authentication, model);
        ListingRequest request;
        try {
            request = ListingRequest.of(limit, cursor);
        } catch (ListingRequest.BadParameter e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.parameter() + " " + e.getMessage());
        }
        ArticleListing.Page page = registry.page(account, request.limit(), request.cursor());
        model.addAttribute("articles", page.articles());
        model.addAttribute("next", page.next());
        model.addAttribute("limit", limit == null ? null : request.limit());
        model.addAttribute("firstPage", request.cursor() == null);
        model.addAttribute("publicBaseUrl", publicBaseUrl);
        return "home";
    }

    @GetMapping("/drafts/new")
    String newDraft(Authentication authentication, Model model) {
        account(authentication, model);
        model.addAttribute("token", newToken());
        return form(model, "", "PLAIN_TEXT", null);
    }

    /**
     * A pasted text, or an uploaded .md/.txt/.html file (which wins when both are given). {@code action=check} reads
     * it and shows what intake found, sending nothing; otherwise it is submitted, once per form {@code token}, and
     * the answer is a 303 to the revision's page (post/redirect/get: a refresh shows the page again and sends
     * nothing). A refused draft comes back as the form, with the problems and the same token.
     */
    @PostMapping("/drafts")
    Object submit(
            Authentication authentication,
            Model model,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "PLAIN_TEXT") String format,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String articleId,
            @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "submit") String action,
            @RequestParam(required = false) String correction,
            @RequestParam(required = false) String publishAt) {
        Account account = account(authentication, model);
        // Kept in the form whatever the answer: the fields are judged with the text (DraftIntake).
        model.addAttribute("correction", correction);
        model.addAttribute("publishAt", publishAt);
        String formToken = token != null && TOKEN.matcher(token).matches() ? token : newToken();
        model.addAttribute("token", formToken);
        DraftFormat chosen = "MARKDOWN".equals(format)
                ? DraftFormat.MARKDOWN
                : "HTML".equals(format) ? DraftFormat.HTML : DraftFormat.PLAIN_TEXT;
        String draft = text;
        if (file != null && !file.isEmpty()) {
            String name = file.getOriginalFilename() == null
                    ? ""
                    : file.getOriginalFilename().toLowerCase(Locale.ROOT);
            Optional<DraftFormat> byName = formatOfFile(name);
            if (byName.isEmpty()) {
                return refused(
                        model,
                        text,
                        format,
                        articleId,
                        List.of(new FieldError("file", "must be a .md, .txt or .html file")));
            }
            chosen = byName.get();
            try {
                draft = utf8(file.getBytes());
            } catch (IOException e) {
                return refused(model, text, format, articleId, List.of(new FieldError("file", "must be UTF-8 text")));
            }
        }
        if (draft.getBytes(StandardCharsets.UTF_8).length > MAX_DRAFT_BYTES) {
            return refused(
                    model,
                    "",
                    format,
                    articleId,
                    List.of(new FieldError("body", "must be at most " + MAX_DRAFT_BYTES + " bytes (256 KiB)")));
        }
        String target = articleId == null || articleId.isBlank() ? null : articleId.strip();
        Submission submission = new Submission(chosen, draft, account, target, correction, publishAt);
        if ("check".equals(action)) {
            SubmissionOutcome checked = submissions.check(submission);
            if (checked instanceof SubmissionOutcome.Checked read) {
                model.addAttribute("checked", read.read());
                model.addAttribute("preview", Preview.of(read.read().body()));
                return form(model, draft, chosen.name(), target);
            }
            return refused(
                    model, draft, chosen.name(), target, reasons(((SubmissionOutcome.Refused) checked).result()));
        }
        SubmissionOutcome outcome = submissions.submit(submission, formToken);
        metrics.record("page", outcome);
        if (outcome instanceof SubmissionOutcome.Published published) {
            return seeOther(published.draft().articleId(), published.draft().revision());
        }
        if (outcome instanceof SubmissionOutcome.AlreadySubmitted already) {
            return seeOther(already.articleId(), already.revision());
        }
        if (outcome instanceof SubmissionOutcome.TokenReused reused) {
            // Back to a form that was sent, then changed: keep the changes, with a fresh token to send them.
            model.addAttribute("token", newToken());
            return refused(
                    model,
                    draft,
                    chosen.name(),
                    target,
                    List.of(new FieldError(
                            "token",
                            "this form was already sent as revision " + reused.revision() + " of article "
                                    + reused.articleId()
                                    + "; your changes are kept below: submit again to send them")));
        }
        if (outcome instanceof SubmissionOutcome.Refused refused) {
            return refused(model, draft, chosen.name(), target, reasons(refused.result()));
        }
        if (outcome instanceof SubmissionOutcome.TooLarge tooLarge) {
            return refused(
                    model,
                    draft,
                    chosen.name(),
                    target,
                    List.of(new FieldError(
                            "body",
                            "makes an event of " + tooLarge.eventBytes() + " bytes; at most "
                                    + tooLarge.maxEventBytes())));
        }
        if (outcome instanceof SubmissionOutcome.Unconfirmed unconfirmed) {
            throw new PageErrors.UnconfirmedSubmission(unconfirmed.articleId(), unconfirmed.revision());
        }
        throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "not handed to review; try again");
    }

    /**
     * A submitted revision, as the answer to its form showed it: the claims the reviewers will check, the warnings
     * and quoted experts, the preview, and where it stands now.
     */
    @GetMapping("/articles/{id}/revisions/{revision}")
    String revision(@PathVariable String id, @PathVariable int revision, Authentication authentication, Model model) {
        Account account = account(authentication, model);
        ArticleView article = visible(id, account);
        ArticleView.RevisionView submitted = article.revisions().stream()
                .filter(r -> r.revision() == revision)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("article", article);
        model.addAttribute("revision", submitted);
        model.addAttribute("notes", ledger.notes(id, revision));
        model.addAttribute("preview", Preview.of(submitted.bodyMarkdown()));
        return "draft-accepted";
    }

    @GetMapping("/articles/{id}")
    String article(@PathVariable String id, Authentication authentication, Model model) {
        Account account = account(authentication, model);
        ArticleView article = visible(id, account);
        model.addAttribute("article", article);
        model.addAttribute("publicBaseUrl", publicBaseUrl);
        model.addAttribute("preview", Preview.of(article.bodyMarkdown()));
        model.addAttribute("token", newToken());
        model.addAttribute("rejected", article.status() == ArticleStatus.REJECTED);
        // The same rule intake applies to a new revision: the form is offered only where it would be accepted.
        model.addAttribute("mayRevise", rejectedArticles.permitsRevisionAfter(article.status()));
        // The registry's word, the one intake checks a correction note against: readers have seen a revision.
        model.addAttribute(
                "mayCorrect", registry.find(id).map(KnownArticle::published).orElse(false));
        model.addAttribute(
                "rejection",
                article.latest().map(ArticleView.RevisionView::returned).orElse(null));
        // Warnings stay in view until the next revision replaces them.
        model.addAttribute(
                "notes",
                article.latest()
                        .map(latest -> ledger.notes(id, latest.revision()))
                        .orElse(SubmissionLedger.RevisionNotes.NONE));
        // The revision form starts from the latest text, as Markdown (plain-text drafts were read into Markdown).
        model.addAttribute(
                "revisionText",
                article.latest()
                        .map(latest -> revisionText.of(
                                latest.title(), latest.summary(), latest.tags(), article.bodyMarkdown()))
                        .orElse(""));
        return "article";
    }

    /** The format an uploaded file's name says: .txt, .md/.markdown, .html/.htm. */
    static Optional<DraftFormat> formatOfFile(String name) {
        if (name.endsWith(".txt")) {
            return Optional.of(DraftFormat.PLAIN_TEXT);
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(DraftFormat.MARKDOWN);
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(DraftFormat.HTML);
        }
        return Optional.empty();
    }

    private String refused(Model model, String text, String format, String articleId, List<FieldError> errors) {
        model.addAttribute("errors", errors);
        return form(model, text, format, articleId);
    }

    private String form(Model model, String text, String format, String articleId) {
        model.addAttribute("text", text);
        model.addAttribute("format", format);
        model.addAttribute("articleId", articleId);
        model.addAttribute("formTitle", articleId == null ? "New draft" : "New revision");
        model.addAttribute("submitLabel", articleId == null ? "Submit for review" : "Submit revision");
        return "new-draft";
    }

    private ArticleView visible(String id, Account account) {
        return registry.view(id)
                .filter(view -> view.visibleTo(account))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** 303, so the browser follows with a GET whatever the method was, and a refresh repeats only that GET. */
    private static RedirectView seeOther(String articleId, int revision) {
        RedirectView redirect = new RedirectView(
                "/articles/" + UriUtils.encodePathSegment(articleId, StandardCharsets.UTF_8) + "/revisions/" + revision,
                true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return redirect;
    }

    /** One per rendering of a form: a second post of that form is the same submission. */
    private static String newToken() {
        return UUID.randomUUID().toString();
    }

    private static List<FieldError> reasons(IntakeResult result) {
        if (result instanceof IntakeResult.Invalid invalid) {
            return invalid.errors();
        }
        if (result instanceof IntakeResult.UnknownArticle unknown) {
            return List.of(new FieldError("articleId", "there is no article " + unknown.articleId()));
        }
        if (result instanceof IntakeResult.NotAnAuthor) {
            return List.of(new FieldError("articleId", "only its authors or an editor may submit a new revision"));
        }
        if (result instanceof IntakeResult.RejectedForGood) {
            return List.of(new FieldError(
                    "articleId", "this article was rejected and is closed: it cannot be revised; start a new article"));
        }
        return List.of(new FieldError("body", "was not accepted"));
    }

    private Account account(Authentication authentication, Model model) {
        Account account =
                signedIn.of(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        model.addAttribute("account", account);
        return account;
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
