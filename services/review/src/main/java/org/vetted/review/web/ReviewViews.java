package org.vetted.review.web;

import java.time.Instant;
import java.util.List;

import org.vetted.review.domain.ArticleReview;
import org.vetted.review.domain.Author;
import org.vetted.review.domain.Claim;
import org.vetted.review.domain.ClaimDecision;
import org.vetted.review.domain.Draft;
import org.vetted.review.domain.Expert;
import org.vetted.review.domain.Reviewer;

/** JSON shapes of the review API, mapped from the domain. */
final class ReviewViews {

    record AuthorView(String username, String displayName) {
        static AuthorView of(Author author) {
            return new AuthorView(author.username(), author.displayName());
        }
    }

    record ReviewerView(String username, String displayName, String credential) {
        static ReviewerView of(Reviewer reviewer) {
            return new ReviewerView(reviewer.username(), reviewer.displayName(), reviewer.credential());
        }
    }

    record ExpertView(String name, String credential) {
        static ExpertView of(Expert expert) {
            return new ExpertView(expert.name(), expert.credential());
        }
    }

    record DecisionView(String decision, String comment, String reference, ReviewerView reviewer, Instant at) {
        static DecisionView of(ClaimDecision decision) {
            return decision == null ? null : new DecisionView(decision.verdict().name(), decision.comment(),
                    decision.reference(), ReviewerView.of(decision.reviewer()), decision.at());
        }
    }

    record ClaimView(String id, String text, String kind, boolean hedged, String section, DecisionView decision) {
        static ClaimView of(Claim claim, ArticleReview review) {
            return of(claim, review.decisions().get(claim.id()));
        }

        /** {@code decision} may be null. */
        static ClaimView of(Claim claim, ClaimDecision decision) {
            return new ClaimView(claim.id(), claim.text(), claim.kind().name(), claim.hedged(), claim.section(),
                    DecisionView.of(decision));
        }
    }

    /** One line of the queue: {@code claims} claims, {@code decided} of them decided. */
    record QueueEntry(String articleId, int revision, String slug, String title, List<AuthorView> authors,
            Instant submittedAt, int claims, int decided, String contentHash) {
        static QueueEntry of(ArticleReview review) {
            Draft draft = review.draft();
            return new QueueEntry(draft.articleId(), draft.revision(), draft.slug(), draft.title(),
                    draft.authors().stream().map(AuthorView::of).toList(), draft.submittedAt(), draft.claims().size(),
                    review.decidedCount(), draft.contentHash());
        }
    }

    /** Everything the content hash covers is shown: what the reviewer approves is what goes live. */
    record ReviewView(String articleId, int revision, String slug, String title, String summary, String bodyMarkdown,
            List<String> tags, String contentHash, List<AuthorView> authors, List<ExpertView> experts,
            List<String> warnings, String status, List<ClaimView> claims) {
        static ReviewView of(ArticleReview review) {
            Draft draft = review.draft();
            return new ReviewView(draft.articleId(), draft.revision(), draft.slug(), draft.title(), draft.summary(),
                    draft.bodyMarkdown(), draft.tags(), draft.contentHash(), draft.authors().stream().map(AuthorView::of).toList(),
                    draft.experts().stream().map(ExpertView::of).toList(), draft.warnings(), review.status().name(),
                    draft.claims().stream().map(claim -> ClaimView.of(claim, review)).toList());
        }
    }

    record SignOffView(String articleId, int revision, String status, String contentHash) {
    }

    private ReviewViews() {
    }
}
