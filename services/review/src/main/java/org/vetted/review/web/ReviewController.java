package org.vetted.review.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.review.app.QueuePage;
import org.vetted.review.app.QueueQuery;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.app.UnknownArticleException;
import org.vetted.review.config.SignedInActors;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.gate.Blocked;
import org.vetted.review.domain.gate.ClaimDecisionRequest;
import org.vetted.review.domain.gate.ClaimOutcome;
import org.vetted.review.domain.gate.Refusal;
import org.vetted.review.domain.gate.Refused;
import org.vetted.review.domain.gate.SignOffDecision;
import org.vetted.review.domain.gate.SignOffOutcome;
import org.vetted.review.domain.gate.SignOffRequest;
import org.vetted.review.domain.library.Reference;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.web.DecisionBodies.AcceptLibraryBody;
import org.vetted.review.web.DecisionBodies.ClaimDecisionBody;
import org.vetted.review.web.DecisionBodies.SignOffBody;
import org.vetted.review.web.ReviewViews.ClaimAnswer;
import org.vetted.review.web.ReviewViews.QueueEntry;
import org.vetted.review.web.ReviewViews.QueuePageView;
import org.vetted.review.web.ReviewViews.ReviewView;
import org.vetted.review.web.ReviewViews.SignOffView;

/**
 * The medical reviewer's API: the queue, one revision (with what the claims library offers), claim decisions,
 * accepting a claim from the library, and the sign-off.
 */
@RestController
@RequestMapping("/api/reviews")
public class ReviewController {
    private final ReviewWorkflow workflow;
    private final SignedInActors signedIn;

    public ReviewController(ReviewWorkflow workflow, SignedInActors signedIn) {
        this.workflow = workflow;
        this.signedIn = signedIn;
    }

    /** One page of the queue ({@link QueueParameters}); {@code next} and {@code previous} are opaque cursors. */
    @GetMapping
    public QueuePageView queue(
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String author,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String needsSecondReviewer,
            @RequestParam(required = false) String mine,
            @RequestParam(required = false) String q,
            Authentication authentication) {
        QueueParameters parameters =
                new QueueParameters(limit, cursor, sort, author, tag, needsSecondReviewer, mine, q);
        QueueQuery query = parameters.query(actor(authentication).username());
        QueuePage page = workflow.queue(query);
        return new QueuePageView(
                page.reviews().stream().map(QueueEntry::of).toList(),
                QueueParameters.cursor(query.order(), page.next(), false),
                QueueParameters.cursor(query.order(), page.previous(), true),
                query.limit());
    }

    @GetMapping("/{articleId}")
    public ReviewView review(@PathVariable String articleId) {
        var review = workflow.find(articleId).orElseThrow(() -> new UnknownArticleException(articleId));
        return ReviewView.of(review, workflow.offersFor(review));
    }

    @PostMapping("/{articleId}/claims/{claimId}")
    @ApiResponse(
            responseCode = "200",
            description = "The decision, recorded",
            content = @Content(schema = @Schema(implementation = ClaimAnswer.class)))
    public ResponseEntity<?> decideClaim(
            @PathVariable String articleId,
            @PathVariable String claimId,
            @Valid @RequestBody ClaimDecisionBody body,
            Authentication authentication) {
        ClaimDecisionRequest request = new ClaimDecisionRequest(
                actor(authentication),
                claimId,
                ClaimVerdict.valueOf(body.decision()),
                DecisionBodies.optional(body.comment()),
                reference(body.reference()),
                body.revision());
        return claimAnswer(workflow.decideClaim(articleId, request));
    }

    /** One action: approve the claim as the library entry of its exact text did, with its reference. */
    @PostMapping("/{articleId}/claims/{claimId}/accept-library")
    @ApiResponse(
            responseCode = "200",
            description = "The decision, recorded",
            content = @Content(schema = @Schema(implementation = ClaimAnswer.class)))
    public ResponseEntity<?> acceptFromLibrary(
            @PathVariable String articleId,
            @PathVariable String claimId,
            @Valid @RequestBody AcceptLibraryBody body,
            Authentication authentication) {
        return claimAnswer(workflow.acceptFromLibrary(articleId, claimId, body.revision(), actor(authentication)));
    }

    /** A reference is one URL, DOI or PMID, checked for form and written in its one form; blank is none. */
    static String reference(String text) {
        try {
            return Reference.parseOptional(text).map(Reference::value).orElse(null);
        } catch (Reference.Invalid e) {
            throw new InvalidFieldException("reference", e.getMessage());
        }
    }

    private static ResponseEntity<?> claimAnswer(ClaimOutcome outcome) {
        if (outcome instanceof ClaimOutcome.Decided decided) {
            return ResponseEntity.ok(ClaimAnswer.of(decided));
        }
        return refusal((Refused) outcome);
    }

    @PostMapping("/{articleId}/decision")
    @ApiResponse(
            responseCode = "200",
            description = "Approved, or returned to the writer",
            content = @Content(schema = @Schema(implementation = SignOffView.class)))
    public ResponseEntity<?> signOff(
            @PathVariable String articleId, @Valid @RequestBody SignOffBody body, Authentication authentication) {
        SignOffRequest request = new SignOffRequest(
                actor(authentication),
                SignOffDecision.valueOf(body.decision()),
                DecisionBodies.optional(body.comment()),
                DecisionBodies.optional(body.contentHash()));
        Optional<Instant> reviewBy = workflow.reReviews()
                .map(reReviews -> ReviewByField.read(body.reviewBy(), reReviews.schedule(), workflow.now()))
                .orElse(Optional.empty());
        SignOffOutcome outcome = workflow.signOff(articleId, request, reviewBy);
        if (outcome instanceof SignOffOutcome.Approved approved) {
            return ResponseEntity.ok(new SignOffView(
                    articleId,
                    approved.draft().revision(),
                    "APPROVED",
                    approved.draft().contentHash()));
        }
        if (outcome instanceof SignOffOutcome.Returned returned) {
            return ResponseEntity.ok(new SignOffView(
                    articleId,
                    returned.event().revision(),
                    returned.event().outcome().status().name(),
                    returned.event().contentHash()));
        }
        if (outcome instanceof Blocked blocked) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.CONFLICT,
                    "The review gate blocks this approval: " + String.join("; ", blocked.reasons()));
            problem.setTitle("Approval blocked");
            problem.setProperty("reasons", blocked.reasons());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        return refusal((Refused) outcome);
    }

    private Actor actor(Authentication authentication) {
        return signedIn.of(authentication)
                .orElseThrow(() -> new AccessDeniedException("not a configured member of staff"));
    }

    private static ResponseEntity<ProblemDetail> refusal(Refused refused) {
        if (refused.refusal() == Refusal.TEXT_NOT_NAMED
                || refused.refusal() == Refusal.NO_CLAIMS_UNEXPLAINED
                || refused.refusal() == Refusal.REJECTION_UNEXPLAINED) {
            String field = refused.refusal() == Refusal.TEXT_NOT_NAMED ? "contentHash" : "comment";
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "The request body is invalid: [" + field + " " + refused.reason() + "]");
            problem.setTitle("Invalid decision");
            problem.setProperty("errors", List.of(Map.of("field", field, "reason", refused.reason())));
            return ResponseEntity.badRequest().body(problem);
        }
        HttpStatus status = switch (refused.refusal()) {
            case NOT_A_CREDENTIALED_REVIEWER, OWN_ARTICLE -> HttpStatus.FORBIDDEN;
            case UNKNOWN_CLAIM -> HttpStatus.NOT_FOUND;
            case REVISION_CLOSED, STALE_REVISION -> HttpStatus.CONFLICT;
            case TEXT_NOT_NAMED, NO_CLAIMS_UNEXPLAINED, REJECTION_UNEXPLAINED -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.reason());
        problem.setTitle(
                switch (refused.refusal()) {
                    case NOT_A_CREDENTIALED_REVIEWER -> "Not a credentialed medical reviewer";
                    case OWN_ARTICLE -> "Own article";
                    case UNKNOWN_CLAIM -> "Unknown claim";
                    case REVISION_CLOSED -> "Revision not open";
                    case STALE_REVISION -> "Stale revision";
                    case TEXT_NOT_NAMED, NO_CLAIMS_UNEXPLAINED, REJECTION_UNEXPLAINED -> "Invalid decision";
                });
        problem.setProperty("reasons", List.of(refused.reason()));
        return ResponseEntity.status(status).body(problem);
    }
}
