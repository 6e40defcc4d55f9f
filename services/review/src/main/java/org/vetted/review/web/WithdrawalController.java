package org.vetted.review.web;

import java.time.Instant;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.app.UnknownArticleException;
import org.vetted.review.config.SignedInActors;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.withdrawal.Withdrawal;
import org.vetted.review.domain.withdrawal.WithdrawalKind;
import org.vetted.review.domain.withdrawal.WithdrawalReason;
import org.vetted.review.domain.withdrawal.Withdrawals;

/**
 * Retraction and takedown of an approved article: {@code POST /api/reviews/{articleId}/retraction} and
 * {@code .../takedown} with {@code {"reason": "..."}}. A new decision answers 201; repeating the decision in force
 * answers it as it stands with 200 (idempotent: nothing is published again); a retraction after a takedown 409.
 * {@code GET /api/reviews/{articleId}/withdrawals} lists every decision, for the audit.
 */
@RestController
@RequestMapping("/api/reviews")
public class WithdrawalController {
    private final ReviewWorkflow workflow;
    private final SignedInActors signedIn;

    public WithdrawalController(ReviewWorkflow workflow, SignedInActors signedIn) {
        this.workflow = workflow;
        this.signedIn = signedIn;
    }

    /** The request body; the reason is judged in normal form ({@link WithdrawalReason}). */
    record WithdrawalBody(String reason) {}

    record DeciderView(String username, String displayName, String credential) {}

    record WithdrawalView(
            String eventId,
            String articleId,
            String kind,
            String reason,
            DeciderView decidedBy,
            Instant decidedAt,
            int revision,
            String contentHash) {
        static WithdrawalView of(Withdrawal withdrawal) {
            return new WithdrawalView(
                    withdrawal.eventId(),
                    withdrawal.articleId(),
                    withdrawal.kind().name(),
                    withdrawal.reason(),
                    new DeciderView(
                            withdrawal.decidedBy().username(),
                            withdrawal.decidedBy().displayName(),
                            withdrawal.decidedBy().credential()),
                    withdrawal.decidedAt(),
                    withdrawal.revision(),
                    withdrawal.contentHash());
        }
    }

    record WithdrawalsView(String articleId, String state, List<WithdrawalView> decisions) {}

    @PostMapping("/{articleId}/retraction")
    public ResponseEntity<?> retract(
            @PathVariable String articleId, @RequestBody WithdrawalBody body, Authentication authentication) {
        return withdraw(articleId, WithdrawalKind.RETRACTED, body, authentication);
    }

    @PostMapping("/{articleId}/takedown")
    public ResponseEntity<?> takeDown(
            @PathVariable String articleId, @RequestBody WithdrawalBody body, Authentication authentication) {
        return withdraw(articleId, WithdrawalKind.UNPUBLISHED, body, authentication);
    }

    @GetMapping("/{articleId}/withdrawals")
    public WithdrawalsView withdrawals(@PathVariable String articleId) {
        if (workflow.find(articleId).isEmpty()) {
            throw new UnknownArticleException(articleId);
        }
        Withdrawals withdrawals = workflow.withdrawals(articleId);
        return new WithdrawalsView(
                articleId,
                withdrawals.current().map(w -> w.kind().name()).orElse("NONE"),
                withdrawals.decisions().stream().map(WithdrawalView::of).toList());
    }

    private ResponseEntity<?> withdraw(
            String articleId, WithdrawalKind kind, WithdrawalBody body, Authentication authentication) {
        Actor actor = signedIn.of(authentication)
                .orElseThrow(() -> new AccessDeniedException("not a configured member of staff"));
        String reason = body == null ? null : body.reason();
        // A bound before the normal form is computed: the body limit already caps it, this keeps the work small.
        if (reason != null && reason.length() > 4 * WithdrawalReason.MAX_LENGTH) {
            throw new InvalidFieldException(
                    "reason", "at most " + WithdrawalReason.MAX_LENGTH + " characters", "Invalid withdrawal");
        }
        Withdrawals.Outcome outcome = workflow.withdraw(articleId, actor, kind, reason);
        if (outcome instanceof Withdrawals.Decided decided) {
            return ResponseEntity.status(HttpStatus.CREATED).body(WithdrawalView.of(decided.withdrawal()));
        }
        if (outcome instanceof Withdrawals.AlreadyDecided already) {
            return ResponseEntity.ok(WithdrawalView.of(already.withdrawal()));
        }
        Withdrawals.Refused refused = (Withdrawals.Refused) outcome;
        return switch (refused.reason()) {
            case INVALID_REASON -> throw new InvalidFieldException("reason", refused.detail(), "Invalid withdrawal");
            case NOT_ALLOWED -> throw new AccessDeniedException(refused.detail());
            case NOT_APPROVED -> problem(HttpStatus.CONFLICT, "Not approved", refused.detail());
            case ALREADY_FURTHER -> problem(HttpStatus.CONFLICT, "Already withdrawn further", refused.detail());
        };
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setProperty("reasons", List.of(detail));
        return ResponseEntity.status(status).body(problem);
    }
}
