package org.vetted.review.web.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.vetted.markdown.SafeMarkdown;
import org.vetted.review.app.NoLibraryMatchException;
import org.vetted.review.app.PublishFailedException;
import org.vetted.review.app.QueuePage;
import org.vetted.review.app.QueueQuery;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.app.UnknownArticleException;
import org.vetted.review.app.UnknownLibraryEntryException;
import org.vetted.review.config.SignedInActors;
import org.vetted.review.domain.board.ArticleHistory;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.gate.Blocked;
import org.vetted.review.domain.gate.ClaimDecisionRequest;
import org.vetted.review.domain.gate.ClaimOutcome;
import org.vetted.review.domain.gate.Refused;
import org.vetted.review.domain.gate.SignOffDecision;
import org.vetted.review.domain.gate.SignOffOutcome;
import org.vetted.review.domain.gate.SignOffRequest;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.Reference;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.withdrawal.WithdrawalKind;
import org.vetted.review.domain.withdrawal.WithdrawalReason;
import org.vetted.review.domain.withdrawal.Withdrawals;
import org.vetted.review.web.FourEyesNotice;
import org.vetted.review.web.InvalidFieldException;
import org.vetted.review.web.QueueParameters;
import org.vetted.review.web.ReviewByField;

/**
 * The medical reviewers' pages, on the same workflow and rules as the API: the queue, an article with its claims to
 * approve or reject, and the sign-off, which names the content hash of the text on the page (a revision that arrives
 * meanwhile is refused with a message to reload). What a reviewer may not do is not offered: their own articles are
 * read-only. Forms post and redirect back, so a reload never repeats a decision; with JavaScript, htmx sends the
 * claim forms instead and swaps in the answer, the same markup, without a reload.
 */
@Controller
class ReviewerPages {
    private static final SafeMarkdown MARKDOWN = new SafeMarkdown();

    private final ReviewWorkflow workflow;
    private final SignedInActors signedIn;

    ReviewerPages(ReviewWorkflow workflow, SignedInActors signedIn) {
        this.workflow = workflow;
        this.signedIn = signedIn;
    }

    /**
     * Waiting for a decision: a page of the queue, oldest first unless asked otherwise, filtered as the form asks
     * (the API's parameters, {@link QueueParameters}); previous and next pages keep the filters. A value that is none
     * of its kind is said on the page, which then shows the first page unfiltered.
     */
    @GetMapping("/")
    String queue(
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String author,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String needsSecondReviewer,
            @RequestParam(required = false) String mine,
            @RequestParam(required = false) String q,
            Authentication authentication,
            Model model) {
        Actor actor = actor(authentication, model);
        QueueParameters parameters =
                new QueueParameters(limit, cursor, sort, author, tag, needsSecondReviewer, mine, q);
        QueueQuery query;
        try {
            query = parameters.query(actor.username());
        } catch (InvalidFieldException e) {
            model.addAttribute(
                    "problem",
                    "Not a usable " + e.field() + ": " + e.getMessage() + ". Showing the "
                            + "first page, oldest first.");
            parameters = new QueueParameters(null, null, null, null, null, null, null, null);
            query = parameters.query(actor.username());
        }
        QueuePage page = workflow.queue(query);
        Instant now = workflow.now();
        model.addAttribute(
                "rows",
                page.reviews().stream()
                        .map(review -> QueueRow.of(review, actor, now))
                        .toList());
        model.addAttribute("filters", parameters);
        model.addAttribute("order", query.order().name().toLowerCase(Locale.ROOT));
        model.addAttribute(
                "filtered",
                query.author() != null
                        || query.tag() != null
                        || query.needsSecondReviewer()
                        || query.decidedBy() != null
                        || query.titleContains() != null);
        model.addAttribute("nextUrl", pageUrl(parameters, QueueParameters.cursor(query.order(), page.next(), false)));
        model.addAttribute(
                "previousUrl", pageUrl(parameters, QueueParameters.cursor(query.order(), page.previous(), true)));
        model.addAttribute("paged", query.from() != null);
        return "queue";
    }

    /** The queue page at {@code cursor} with the same order and filters; null without a cursor. */
    private static String pageUrl(QueueParameters parameters, String cursor) {
        if (cursor == null) {
            return null;
        }
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/");
        BiConsumer<String, String> keep = (name, value) -> {
            if (value != null && !value.isBlank()) {
                url.queryParam(name, value.strip());
            }
        };
        keep.accept("sort", parameters.sort());
        keep.accept("q", parameters.q());
        keep.accept("author", parameters.author());
        keep.accept("tag", parameters.tag());
        keep.accept("needsSecondReviewer", parameters.needsSecondReviewer());
        keep.accept("mine", parameters.mine());
        keep.accept("limit", parameters.limit());
        keep.accept("cursor", cursor);
        return url.encode().build().toUriString();
    }

    @GetMapping("/reviews/{articleId}")
    String review(@PathVariable String articleId, Authentication authentication, Model model) {
        Actor actor = actor(authentication, model);
        ArticleHistory history =
                workflow.history(articleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("page", ReviewPage.of(history, actor, workflow.offersFor(history.review())));
        model.addAttribute("rendered", rendered(history.review().draft().bodyMarkdown()));
        model.addAttribute(
                "reopenedBy",
                history.review().isOpen()
                        ? workflow.reopenedBy(articleId).map(ReopenedView::of).orElse(null)
                        : null);
        Withdrawals withdrawals = workflow.withdrawals(articleId);
        model.addAttribute("withdrawals", withdrawals.lastApproved().isPresent() ? withdrawals : null);
        model.addAttribute("mayWithdraw", Withdrawals.mayWithdraw(actor));
        return "review";
    }

    /**
     * Retracts or takes the article down: the first post (with its reason) answers a page that says what it does and
     * asks again, {@code confirmed=yes} decides; then post/redirect/get back to the review with what was done.
     */
    @PostMapping("/reviews/{articleId}/withdrawal")
    String withdraw(
            @PathVariable String articleId,
            @RequestParam String kind,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String confirmed,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        Actor actor = actor(authentication, model);
        WithdrawalKind chosen = "UNPUBLISHED".equals(kind) ? WithdrawalKind.UNPUBLISHED : WithdrawalKind.RETRACTED;
        if (reason.length() > 4 * WithdrawalReason.MAX_LENGTH) {
            reason = reason.substring(0, 4 * WithdrawalReason.MAX_LENGTH);
        }
        if (!"yes".equals(confirmed) && WithdrawalReason.problem(reason).isEmpty()) {
            model.addAttribute("articleId", articleId);
            model.addAttribute("kind", chosen.name());
            model.addAttribute("reason", WithdrawalReason.normalForm(reason));
            return "withdraw-confirm";
        }
        Withdrawals.Outcome outcome;
        try {
            outcome = workflow.withdraw(articleId, actor, chosen, reason);
        } catch (UnknownArticleException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (outcome instanceof Withdrawals.Refused refused) {
            if (refused.reason() == Withdrawals.Reason.NOT_ALLOWED) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            new Message("Not withdrawn: " + refused.detail(), Kind.ERROR).flash(redirect);
        } else if (outcome instanceof Withdrawals.AlreadyDecided) {
            new Message("Already withdrawn so: nothing changed.", Kind.WARNING).flash(redirect);
        } else {
            new Message(
                            chosen == WithdrawalKind.RETRACTED
                                    ? "Retracted: the page shows the notice, and downstream sites are told."
                                    : "Taken down: the page is gone, and downstream sites are told.",
                            Kind.WARNING)
                    .flash(redirect);
        }
        return "redirect:/reviews/" + articleId + "#withdrawal";
    }

    /**
     * The body as readers will see it, made by the library rendering publishes with (link targets, tables and
     * footnotes as they will show); null when rendering would refuse it.
     */
    private static String rendered(String markdown) {
        try {
            return MARKDOWN.render(markdown) instanceof SafeMarkdown.Html html ? html.html() : null;
        } catch (StackOverflowError e) {
            return null;
        }
    }

    /** Without JavaScript: decide, then back to the page at the claim, its message in the claim's block. */
    @PostMapping("/reviews/{articleId}/claims/{claimId}")
    String decideClaim(
            @PathVariable String articleId,
            @PathVariable String claimId,
            @RequestParam String decision,
            @RequestParam int revision,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "") String reference,
            Authentication authentication,
            RedirectAttributes redirect) {
        Message message =
                decide(articleId, claimId, decision, revision, comment, reference, actor(authentication, null));
        message.flash(redirect);
        redirect.addFlashAttribute("messageFor", claimId);
        return "redirect:/reviews/" + articleId + "#claim-" + claimId;
    }

    /**
     * The same form sent by htmx: the claim's block (the page's own fragment) with its decision or why not, and,
     * out of band, the sign-off's state (open claims, whether approving is possible). A refusal is an answer like
     * any other, 200 with its message, because htmx swaps nothing on a 4xx. When the board holds another revision
     * than the page (the post names it), the block only says so and links to a reload: its form would otherwise
     * decide claims of a text the reviewer has not read.
     */
    @PostMapping(path = "/reviews/{articleId}/claims/{claimId}", headers = "HX-Request=true")
    String decideClaimInPlace(
            @PathVariable String articleId,
            @PathVariable String claimId,
            @RequestParam String decision,
            @RequestParam int revision,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "") String reference,
            Authentication authentication,
            Model model) {
        Actor actor = actor(authentication, model);
        Message message = decide(articleId, claimId, decision, revision, comment, reference, actor);
        return claimBlock(articleId, claimId, revision, actor, message, model);
    }

    /** "Accept from the library", without JavaScript: accept, then back to the claim with what happened. */
    @PostMapping("/reviews/{articleId}/claims/{claimId}/accept-library")
    String acceptFromLibrary(
            @PathVariable String articleId,
            @PathVariable String claimId,
            @RequestParam int revision,
            Authentication authentication,
            RedirectAttributes redirect) {
        Message message = accept(articleId, claimId, revision, actor(authentication, null));
        message.flash(redirect);
        redirect.addFlashAttribute("messageFor", claimId);
        return "redirect:/reviews/" + articleId + "#claim-" + claimId;
    }

    /** The same sent by htmx: the claim's block, as for any claim decision. */
    @PostMapping(path = "/reviews/{articleId}/claims/{claimId}/accept-library", headers = "HX-Request=true")
    String acceptFromLibraryInPlace(
            @PathVariable String articleId,
            @PathVariable String claimId,
            @RequestParam int revision,
            Authentication authentication,
            Model model) {
        Actor actor = actor(authentication, model);
        Message message = accept(articleId, claimId, revision, actor);
        return claimBlock(articleId, claimId, revision, actor, message, model);
    }

    private String claimBlock(
            String articleId, String claimId, int revision, Actor actor, Message message, Model model) {
        ArticleReview review =
                workflow.find(articleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ReviewPage page = ReviewPage.of(review, actor, workflow.offersFor(review));
        message.show(model);
        model.addAttribute("messageFor", claimId);
        model.addAttribute("claimId", claimId);
        model.addAttribute("articleId", articleId);
        Optional<ReviewPage.ClaimRow> row = page.claim(claimId);
        if (review.revision() != revision || row.isEmpty()) {
            if (!message.problem()) {
                model.addAttribute(
                        "notice",
                        message.text() + " Revision " + review.revision()
                                + " has arrived since: reload the page to review it.");
            }
            return "claim-decided :: stale";
        }
        model.addAttribute("page", page);
        model.addAttribute("row", row.get());
        model.addAttribute("oob", true);
        return "claim-decided :: decided";
    }

    /**
     * The sign-off. Rejecting the article is asked twice: the first post (with its comment) answers a page that says
     * what a rejection does and asks again, {@code confirmed=yes} rejects; no script needed. Without a comment the
     * rules refuse it at once ({@code SignOffRule.rejectingSaysWhy}), so there is nothing to confirm.
     */
    @PostMapping("/reviews/{articleId}/decision")
    String signOff(
            @PathVariable String articleId,
            @RequestParam String decision,
            @RequestParam String contentHash,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "") String confirmed,
            @RequestParam(defaultValue = "") String reviewBy,
            Authentication authentication,
            Model model,
            RedirectAttributes redirect) {
        SignOffDecision chosen = switch (decision) {
            case "APPROVE" -> SignOffDecision.APPROVE;
            case "REQUEST_CHANGES" -> SignOffDecision.REQUEST_CHANGES;
            default -> SignOffDecision.REJECT;
        };
        Actor actor = actor(authentication, model);
        if (chosen == SignOffDecision.REJECT && !comment.isBlank() && !"yes".equals(confirmed)) {
            ArticleReview review =
                    workflow.find(articleId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            model.addAttribute("review", review);
            model.addAttribute("contentHash", contentHash);
            model.addAttribute("comment", comment.strip());
            return "reject-confirm";
        }
        Optional<Instant> reviewByDate;
        try {
            reviewByDate = chosen != SignOffDecision.APPROVE
                    ? Optional.empty()
                    : workflow.reReviews()
                            .map(reReviews -> ReviewByField.read(reviewBy, reReviews.schedule(), workflow.now()))
                            .orElse(Optional.empty());
        } catch (InvalidFieldException e) {
            redirect.addFlashAttribute("problem", "Not approved: the review-by date " + e.getMessage() + ".");
            redirect.addFlashAttribute("signOffComment", comment);
            return "redirect:/reviews/" + articleId;
        }
        SignOffOutcome outcome = workflow.signOff(
                articleId, new SignOffRequest(actor, chosen, blankToNull(comment), contentHash), reviewByDate);
        if (outcome instanceof Blocked blocked) {
            redirect.addFlashAttribute("problem", "Not approved: " + String.join("; ", blocked.reasons()));
            redirect.addFlashAttribute("signOffComment", comment);
        } else if (outcome instanceof Refused refused) {
            redirect.addFlashAttribute(
                    "problem",
                    switch (refused.refusal()) {
                        case TEXT_NOT_NAMED, STALE_REVISION ->
                            "The text changed while the page was open (a new revision "
                                    + "arrived): reload the page and review the new text.";
                        case REJECTION_UNEXPLAINED ->
                            "Not rejected: say why in the comment; the writer and the editors " + "need the reason.";
                        default -> refused.reason();
                    });
            redirect.addFlashAttribute("signOffComment", comment);
        } else {
            Message message = switch (chosen) {
                case APPROVE ->
                    new Message(
                            "Approved: the article goes to rendering and publication." + expiry(outcome, reviewByDate),
                            Kind.SUCCESS);
                case REQUEST_CHANGES -> new Message("Changes requested: the writer sees your comments.", Kind.WARNING);
                case REJECT -> new Message("Rejected: the writer sees your comment.", Kind.WARNING);
            };
            message.flash(redirect);
        }
        return "redirect:/reviews/" + articleId;
    }

    /**
     * " Its review expires on 2027-12-07 (UTC).": the day the approval's re-review timer got, from the approval's
     * own time, so the reviewer sees what the date field (or the site's interval) made of it. Empty without timers.
     */
    private String expiry(SignOffOutcome outcome, Optional<Instant> reviewBy) {
        if (!(outcome instanceof SignOffOutcome.Approved approved)) {
            return "";
        }
        return workflow.reReviews()
                .map(reReviews -> " Its review expires on "
                        + reReviews
                                .schedule()
                                .timerFor(approved.event().approval().approvedAt(), reviewBy)
                                .reviewBy()
                                .atZone(ZoneOffset.UTC)
                                .toLocalDate()
                        + " (UTC).")
                .orElse("");
    }

    /** How a message reads: the page styles each kind apart, so a rejection never looks like an approval. */
    enum Kind {
        SUCCESS,
        WARNING,
        ERROR;

        String css() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the reviewer is told after deciding; an ERROR was not recorded. */
    private record Message(String text, Kind kind) {
        boolean problem() {
            return kind == Kind.ERROR;
        }

        void flash(RedirectAttributes redirect) {
            redirect.addFlashAttribute(problem() ? "problem" : "notice", text);
            redirect.addFlashAttribute("noticeKind", kind.css());
        }

        void show(Model model) {
            model.addAttribute(problem() ? "problem" : "notice", text);
            model.addAttribute("noticeKind", kind.css());
        }
    }

    private Message accept(String articleId, String claimId, int revision, Actor actor) {
        ClaimOutcome outcome;
        try {
            outcome = workflow.acceptFromLibrary(articleId, claimId, revision, actor);
        } catch (UnknownArticleException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (NoLibraryMatchException e) {
            return new Message(
                    "Not recorded: the library no longer offers this claim (retired or expired); decide "
                            + "it yourself.",
                    Kind.ERROR);
        } catch (PublishFailedException e) {
            return new Message(
                    "Not recorded: the decision could not be saved just now (nothing changed); try " + "again shortly.",
                    Kind.ERROR);
        }
        return answer(outcome, "Claim approved from the library.");
    }

    private Message decide(
            String articleId,
            String claimId,
            String decision,
            int revision,
            String comment,
            String reference,
            Actor actor) {
        ClaimVerdict verdict = "APPROVED".equals(decision) ? ClaimVerdict.APPROVED : ClaimVerdict.REJECTED;
        String checkedReference;
        try {
            checkedReference =
                    Reference.parseOptional(reference).map(Reference::value).orElse(null);
        } catch (Reference.Invalid e) {
            return new Message("Not recorded: the reference is not usable (" + e.getMessage() + ").", Kind.ERROR);
        }
        ClaimOutcome outcome;
        try {
            outcome = workflow.decideClaim(
                    articleId,
                    new ClaimDecisionRequest(
                            actor, claimId, verdict, blankToNull(comment), checkedReference, revision));
        } catch (UnknownArticleException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (PublishFailedException e) {
            return new Message(
                    "Not recorded: the decision could not be saved just now (nothing changed); try " + "again shortly.",
                    Kind.ERROR);
        }
        return answer(outcome, "Claim " + (verdict == ClaimVerdict.APPROVED ? "approved" : "rejected") + ".");
    }

    private static Message answer(ClaimOutcome outcome, String done) {
        if (outcome instanceof Refused refused) {
            return new Message(
                    switch (refused.refusal()) {
                        case STALE_REVISION ->
                            "Not recorded: the text changed while the page was open (a new revision "
                                    + "arrived): reload the page and review the new text.";
                        case REJECTION_UNEXPLAINED ->
                            "Not recorded: say in the comment why the claim is rejected; the "
                                    + "writer has to act on it.";
                        default -> "Not recorded: " + refused.reason() + ".";
                    },
                    Kind.ERROR);
        }
        ClaimOutcome.Decided decided = (ClaimOutcome.Decided) outcome;
        String fourEyes = FourEyesNotice.of(decided);
        if (fourEyes != null) {
            return new Message(done + " " + fourEyes, Kind.WARNING);
        }
        return new Message(done, decided.event().decision().isApproved() ? Kind.SUCCESS : Kind.WARNING);
    }

    /** The claims library: search it; a credentialed reviewer retires an entry that no longer stands. */
    @GetMapping("/claims")
    String library(@RequestParam(defaultValue = "") String query, Authentication authentication, Model model) {
        Actor actor = actor(authentication, model);
        String text = query.strip();
        model.addAttribute("query", text);
        model.addAttribute("now", workflow.now());
        model.addAttribute("mayRetire", actor.isCredentialedMedicalReviewer());
        if (text.isEmpty()) {
            model.addAttribute("entries", List.of());
        } else if (text.length() < ClaimLibrary.MIN_QUERY || text.length() > ClaimLibrary.MAX_QUERY) {
            model.addAttribute(
                    "problem",
                    "Search with " + ClaimLibrary.MIN_QUERY + " to " + ClaimLibrary.MAX_QUERY + " characters.");
            model.addAttribute("entries", List.of());
        } else {
            model.addAttribute("entries", workflow.searchLibrary(text));
        }
        return "claims";
    }

    @PostMapping("/claims/{key}/retire")
    String retire(
            @PathVariable String key,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String query,
            Authentication authentication,
            RedirectAttributes redirect) {
        Actor actor = actor(authentication, null);
        String why = reason.strip();
        if (!actor.isCredentialedMedicalReviewer()) {
            redirect.addFlashAttribute("problem", "Only a credentialed medical reviewer retires entries.");
        } else if (why.isEmpty() || why.length() > ClaimLibrary.MAX_RETIRE_REASON) {
            redirect.addFlashAttribute("problem", "Not retired: give a reason of at most 1,000 characters.");
        } else {
            try {
                workflow.retire(key, actor, why);
                redirect.addFlashAttribute(
                        "notice", "Retired: claims accepted from it are open again in articles " + "not yet approved.");
            } catch (UnknownLibraryEntryException e) {
                redirect.addFlashAttribute("problem", "There is no library entry " + key + ".");
            } catch (PublishFailedException e) {
                redirect.addFlashAttribute(
                        "problem",
                        "Not retired: it could not be saved just now (nothing " + "changed); try again shortly.");
            }
        }
        redirect.addAttribute("query", query);
        return "redirect:/claims";
    }

    private Actor actor(Authentication authentication, Model model) {
        Actor actor = signedIn.of(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        if (model != null) {
            model.addAttribute("actor", actor);
        }
        return actor;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Why an open article is back: its approval's review expired (dates as UTC days; the reason as review gave it). */
    record ReopenedView(String reviewBy, String lastReviewed, String reason) {
        private static final java.time.format.DateTimeFormatter DAY =
                java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneOffset.UTC);

        static ReopenedView of(org.vetted.review.domain.rereview.ReReviewNotice notice) {
            return new ReopenedView(DAY.format(notice.reviewBy()), DAY.format(notice.approvedAt()), notice.reason());
        }
    }
}
