package org.vetted.intake.domain.articles;

import java.time.Instant;
import java.util.List;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.claims.Claim;

/** A fact about an article, as the status projection needs it. {@code eventId} makes applying it idempotent. */
public sealed interface ArticleEvent {
    String eventId();

    String articleId();

    int revision();

    Instant at();

    String event();

    ArticleStatus status();

    String actor();

    String detail();

    /**
     * A revision was submitted (by intake itself, or read back from article.draft-submitted), with what the writer's
     * pages show of it: the text as intake read it (Markdown) and its claims.
     */
    record DraftRecorded(
            String eventId,
            String articleId,
            int revision,
            Instant at,
            String slug,
            String title,
            String summary,
            List<String> tags,
            String bodyMarkdown,
            List<Claim> claims,
            String contentHash,
            List<Author> authors,
            String actor,
            String detail)
            implements ArticleEvent {
        public DraftRecorded {
            tags = List.copyOf(tags);
            claims = List.copyOf(claims);
            authors = List.copyOf(authors);
        }

        /** The detail a draft's line in the history shows, the same whichever way the event arrived. */
        public static String detailOf(int claims, int experts, int warnings) {
            return claims + " claims, " + experts + " experts, " + warnings + " warnings";
        }

        @Override
        public String event() {
            return "DraftSubmitted";
        }

        @Override
        public ArticleStatus status() {
            return ArticleStatus.SUBMITTED;
        }
    }

    /** A medical reviewer approved or rejected one claim of a revision. */
    record ClaimDecided(
            String eventId,
            String articleId,
            int revision,
            Instant at,
            String claimId,
            boolean approved,
            String actor,
            String reviewerName,
            String comment,
            String reference)
            implements ArticleEvent {
        @Override
        public String event() {
            return "ClaimReviewed";
        }

        @Override
        public ArticleStatus status() {
            return ArticleStatus.IN_REVIEW;
        }

        @Override
        public String detail() {
            return "claim " + claimId + (approved ? " APPROVED" : " REJECTED") + withComment(comment);
        }
    }

    /** The reviewer sent a revision back: changes requested (a new revision may follow) or rejected. */
    record Returned(
            String eventId,
            String articleId,
            int revision,
            Instant at,
            boolean rejected,
            List<String> rejectedClaimIds,
            String actor,
            String reviewerName,
            String comment)
            implements ArticleEvent {
        public Returned {
            rejectedClaimIds = List.copyOf(rejectedClaimIds);
        }

        @Override
        public String event() {
            return "ReviewReturned";
        }

        @Override
        public ArticleStatus status() {
            return rejected ? ArticleStatus.REJECTED : ArticleStatus.CHANGES_REQUESTED;
        }

        @Override
        public String detail() {
            String claims =
                    rejectedClaimIds.isEmpty() ? "" : "; rejected claims " + String.join(", ", rejectedClaimIds);
            return (rejected ? "rejected" : "changes requested") + claims + withComment(comment);
        }
    }

    /** Review, rendering or distribution moved a revision on. */
    record StatusChanged(
            String eventId,
            String articleId,
            int revision,
            Instant at,
            String event,
            ArticleStatus status,
            String actor,
            String detail)
            implements ArticleEvent {}

    private static String withComment(String comment) {
        return comment == null || comment.isBlank() ? "" : ": " + comment;
    }
}
