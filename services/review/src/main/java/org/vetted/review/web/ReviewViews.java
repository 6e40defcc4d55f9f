package org.vetted.review.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.vetted.review.app.ArticleQueueFacts;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.CarriedOver;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ClaimState;
import org.vetted.review.domain.draft.Author;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.draft.Expert;
import org.vetted.review.domain.drift.ClaimDrift;
import org.vetted.review.domain.gate.ClaimOutcome;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.staff.Reviewer;

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

    /** {@code revision}: the revision the decision was made on (an earlier one for a carried-over approval). */
    record DecisionView(
            String decision, String comment, String reference, ReviewerView reviewer, Instant at, int revision) {
        static DecisionView of(ClaimDecision decision) {
            return decision == null
                    ? null
                    : new DecisionView(
                            decision.verdict().name(),
                            decision.comment(),
                            decision.reference(),
                            ReviewerView.of(decision.reviewer()),
                            decision.at(),
                            decision.revision());
        }
    }

    /** The latest approval carried over, and the revision it was made on. */
    record CarriedOverView(int fromRevision, DecisionView decision) {
        static CarriedOverView of(CarriedOver carried) {
            return carried == null
                    ? null
                    : new CarriedOverView(carried.fromRevision(), DecisionView.of(carried.decision()));
        }
    }

    /** Why the claim is open after an earlier revision: what it was there, and what changed. */
    record DriftView(String kind, int fromRevision, String previousText, String previousSection, String explanation) {
        static DriftView of(ClaimDrift.Drift drift) {
            return drift == null
                    ? null
                    : new DriftView(
                            drift.kind().name(),
                            drift.fromRevision(),
                            drift.previousText(),
                            drift.previousSection(),
                            drift.explanation());
        }
    }

    /** The library entry matching an open claim's exact text: accept it in one action. */
    record LibraryMatchView(
            String key, List<String> references, ReviewerView reviewer, Instant approvedAt, Instant expiresAt) {
        static LibraryMatchView of(LibraryEntry entry) {
            return entry == null
                    ? null
                    : new LibraryMatchView(
                            entry.key(),
                            entry.references(),
                            ReviewerView.of(entry.reviewer()),
                            entry.approvedAt(),
                            entry.expiresAt());
        }
    }

    /** A close library entry, for the reviewer to read: never applied. */
    record SuggestionView(String key, String claimText, double similarity) {
        static SuggestionView of(ClaimLibrary.Suggestion suggestion) {
            return new SuggestionView(
                    suggestion.entry().key(),
                    suggestion.entry().claimText(),
                    Math.round(suggestion.similarity() * 100) / 100.0);
        }
    }

    record RetirementView(ReviewerView by, Instant at, String reason) {}

    /** A library entry as search and retire answer it. */
    record LibraryEntryView(
            String key,
            String claimText,
            String kind,
            List<String> references,
            ReviewerView reviewer,
            Instant approvedAt,
            Instant expiresAt,
            String articleId,
            int revision,
            String claimId,
            boolean expired,
            boolean retired,
            RetirementView retirement) {
        static LibraryEntryView of(LibraryEntry entry, Instant now) {
            LibraryEntry.Retirement retired = entry.retired();
            return new LibraryEntryView(
                    entry.key(),
                    entry.claimText(),
                    entry.kind().name(),
                    entry.references(),
                    ReviewerView.of(entry.reviewer()),
                    entry.approvedAt(),
                    entry.expiresAt(),
                    entry.articleId(),
                    entry.revision(),
                    entry.claimId(),
                    entry.isExpiredAt(now),
                    entry.isRetired(),
                    retired == null
                            ? null
                            : new RetirementView(ReviewerView.of(retired.by()), retired.at(), retired.reason()));
        }
    }

    /**
     * One claim and where it stands. {@code decision}: the latest decision that counts (compatible with earlier
     * clients), {@code decisions}: every decision that counts, one per reviewer, carried over ones first;
     * {@code approvals}: distinct credentialed reviewers who approved it, of {@code approvalsNeeded} (2 for a claim of
     * a four-eyes {@code riskClasses}); {@code open}: it still needs a decision. For an open claim nobody decided
     * yet: {@code library}, the library entry of its exact text (or null), and {@code suggestions}, close entries.
     */
    record ClaimView(
            String id,
            String text,
            String kind,
            boolean hedged,
            boolean absolute,
            String section,
            DecisionView decision,
            List<DecisionView> decisions,
            List<String> riskClasses,
            int approvalsNeeded,
            int approvals,
            CarriedOverView carriedOver,
            boolean open,
            DriftView drift,
            LibraryMatchView library,
            List<SuggestionView> suggestions) {
        static ClaimView of(ClaimState state, ClaimDrift.Drift drift, ClaimLibrary.Offer offer) {
            Claim claim = state.claim();
            return new ClaimView(
                    claim.id(),
                    claim.text(),
                    claim.kind().name(),
                    claim.hedged(),
                    claim.absolute(),
                    claim.section(),
                    DecisionView.of(state.latest().orElse(null)),
                    state.decisions().stream().map(DecisionView::of).toList(),
                    state.riskClasses(),
                    state.approvalsNeeded(),
                    state.approvals(),
                    CarriedOverView.of(state.carriedOver()),
                    state.isOpen(),
                    DriftView.of(drift),
                    offer == null ? null : LibraryMatchView.of(offer.match()),
                    offer == null
                            ? List.of()
                            : offer.suggestions().stream()
                                    .map(SuggestionView::of)
                                    .toList());
        }

        /** Every claim of the revision, with the drift of those that carry nothing over and the library's offers. */
        static List<ClaimView> all(ArticleReview review, Map<String, ClaimLibrary.Offer> offers) {
            Map<String, ClaimDrift.Drift> drifts = ClaimDrift.of(review);
            return review.claimStates().stream()
                    .map(state -> of(
                            state,
                            drifts.get(state.claim().id()),
                            offers.get(state.claim().id())))
                    .toList();
        }

        /** One claim of the revision just decided, as {@link #all} shows it (a decided claim has no offers). */
        static ClaimView one(ArticleReview review, String claimId) {
            ClaimState state = review.claimState(claimId).orElseThrow();
            return of(state, ClaimDrift.of(review).get(claimId), null);
        }
    }

    /**
     * The answer to a claim decision: the claim as {@link ClaimView} shows it, and {@code notice}, null or what the
     * reviewer must know about it: that it still needs another reviewer's approval, and that a second approval of
     * one's own does not count ({@code approvedAgain}).
     */
    record ClaimAnswer(
            @JsonUnwrapped ClaimView claim, boolean awaitsAnotherReviewer, boolean approvedAgain, String notice) {
        static ClaimAnswer of(ClaimOutcome.Decided decided) {
            ClaimView claim = ClaimView.one(decided.review(), decided.claim().id());
            return new ClaimAnswer(
                    claim, decided.awaitsAnotherReviewer(), decided.approvedAgain(), FourEyesNotice.of(decided));
        }
    }

    /**
     * One line of the queue: {@code claims} claims, {@code decided} of them no longer open (approved by as many
     * reviewers as they need, here or carried over, or rejected); {@code waitsForSecondReviewer}: a high-risk claim
     * is approved once and waits for another reviewer; {@code highRiskOpen}: open claims that need two reviewers.
     */
    record QueueEntry(
            String articleId,
            int revision,
            String slug,
            String title,
            List<AuthorView> authors,
            List<String> tags,
            Instant submittedAt,
            int claims,
            int decided,
            boolean waitsForSecondReviewer,
            int highRiskOpen,
            String contentHash) {
        static QueueEntry of(ArticleReview review) {
            Draft draft = review.draft();
            ArticleQueueFacts facts = ArticleQueueFacts.of(review);
            return new QueueEntry(
                    draft.articleId(),
                    draft.revision(),
                    draft.slug(),
                    draft.title(),
                    draft.authors().stream().map(AuthorView::of).toList(),
                    draft.tags(),
                    draft.submittedAt(),
                    draft.claims().size(),
                    review.decidedCount(),
                    facts.waitsForSecondReviewer(),
                    facts.highRiskOpen(),
                    draft.contentHash());
        }
    }

    /**
     * A page of the queue: {@code next} the cursor of the page after (null on the last), {@code previous} of the
     * page before (null on the first), {@code limit} the page size applied.
     */
    record QueuePageView(List<QueueEntry> items, String next, String previous, int limit) {}

    /** Everything the content hash covers is shown: what the reviewer approves is what goes live. */
    record ReviewView(
            String articleId,
            int revision,
            String slug,
            String title,
            String summary,
            String bodyMarkdown,
            List<String> tags,
            String contentHash,
            List<AuthorView> authors,
            List<ExpertView> experts,
            List<String> warnings,
            String status,
            List<ClaimView> claims) {
        static ReviewView of(ArticleReview review, Map<String, ClaimLibrary.Offer> offers) {
            Draft draft = review.draft();
            return new ReviewView(
                    draft.articleId(),
                    draft.revision(),
                    draft.slug(),
                    draft.title(),
                    draft.summary(),
                    draft.bodyMarkdown(),
                    draft.tags(),
                    draft.contentHash(),
                    draft.authors().stream().map(AuthorView::of).toList(),
                    draft.experts().stream().map(ExpertView::of).toList(),
                    draft.warnings(),
                    review.status().name(),
                    ClaimView.all(review, offers));
        }
    }

    record SignOffView(String articleId, int revision, String status, String contentHash) {}

    private ReviewViews() {}
}
