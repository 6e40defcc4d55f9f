package org.vetted.review.domain.board;

import java.time.Instant;
import java.util.List;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.rereview.ReReviewNotice;
import org.vetted.review.domain.staff.Reviewer;
import org.vetted.review.domain.withdrawal.Withdrawal;

/**
 * The facts the review board is built from: drafts from intake and this service's own decisions. Each carries
 * the id of the event it came from, so that applying it twice (once when published, once when replayed) is harmless.
 */
public sealed interface ReviewEvent {
    String eventId();

    String articleId();

    /** The revision the fact is about. */
    int revision();

    /** A writer submitted a revision. */
    record DraftArrived(String eventId, Draft draft) implements ReviewEvent {
        @Override
        public String articleId() {
            return draft.articleId();
        }

        @Override
        public int revision() {
            return draft.revision();
        }
    }

    /** A reviewer decided one claim of a revision whose text hashes to {@code contentHash}. */
    record ClaimDecided(String eventId, String articleId, int revision, String contentHash, ClaimDecision decision)
            implements ReviewEvent {
        public ClaimDecided {
            if (decision.revision() != revision) {
                throw new IllegalArgumentException("a decision on revision " + decision.revision()
                        + " cannot be a fact about revision " + revision);
            }
        }
    }

    /**
     * A revision passed the review gate. {@code provenance}: how each of its claims was reviewed, as the sign-off
     * found it (empty when read back from the topic: the board does not need it).
     */
    record RevisionApproved(
            String eventId, String articleId, Approval approval, String comment, List<ClaimProvenance> provenance)
            implements ReviewEvent {
        public RevisionApproved {
            provenance = List.copyOf(provenance);
        }

        public RevisionApproved(String eventId, String articleId, Approval approval, String comment) {
            this(eventId, articleId, approval, comment, List.of());
        }

        @Override
        public int revision() {
            return approval.revision();
        }
    }

    /** A revision was signed off without approval. */
    record RevisionReturned(
            String eventId,
            String articleId,
            int revision,
            String contentHash,
            ReviewOutcome outcome,
            String comment,
            List<String> rejectedClaimIds,
            Reviewer reviewer,
            Instant decidedAt)
            implements ReviewEvent {
        public RevisionReturned {
            rejectedClaimIds = List.copyOf(rejectedClaimIds);
        }
    }

    /** An approved article was withdrawn (retracted or taken down); about its last approved revision. */
    record ArticleWithdrawn(Withdrawal withdrawal) implements ReviewEvent {
        @Override
        public String eventId() {
            return withdrawal.eventId();
        }

        @Override
        public String articleId() {
            return withdrawal.articleId();
        }

        @Override
        public int revision() {
            return withdrawal.revision();
        }
    }

    /**
     * A re-review timer of an approval fired: its review is due, or expired (the approval no longer stands and the
     * revision is open again until it is signed off anew).
     */
    record ReviewStatusChanged(ReReviewNotice notice) implements ReviewEvent {
        @Override
        public String eventId() {
            return notice.eventId();
        }

        @Override
        public String articleId() {
            return notice.articleId();
        }

        @Override
        public int revision() {
            return notice.revision();
        }
    }
}
