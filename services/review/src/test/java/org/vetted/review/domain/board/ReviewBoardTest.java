package org.vetted.review.domain.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.Drafts;
import org.vetted.review.domain.board.ReviewBoard.Applied;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.DraftArrived;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.board.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.Draft;

class ReviewBoardTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private final ReviewBoard board = new ReviewBoard();

    private static ClaimDecided decided(String eventId, Draft draft, Claim claim, ClaimVerdict verdict) {
        return new ClaimDecided(
                eventId,
                draft.articleId(),
                draft.revision(),
                draft.contentHash(),
                new ClaimDecision(claim.id(), draft.revision(), verdict, null, null, Actors.RITA.asReviewer(), AT));
    }

    private static RevisionApproved approved(String eventId, Draft draft) {
        return new RevisionApproved(
                eventId,
                draft.articleId(),
                new Approval(
                        draft.revision(),
                        draft.contentHash(),
                        Actors.RITA.asReviewer(),
                        List.of(Actors.RITA.asReviewer()),
                        AT),
                null);
    }

    private ArticleReview current() {
        return board.find(Drafts.ARTICLE).orElseThrow();
    }

    @Test
    void aSubmittedDraftOpensForReview() {
        assertThat(board.apply(new DraftArrived("d1", Drafts.revision(1)))).isEqualTo(Applied.APPLIED);

        assertThat(current().status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(board.awaitingDecision()).extracting(ArticleReview::revision).containsExactly(1);
    }

    @Test
    void aNewRevisionHasNoDecisionsOfItsOwnButCarriesOverTheApprovalOfAnUnchangedClaim() {
        Draft first = Drafts.revision(1);
        board.apply(new DraftArrived("d1", first));
        board.apply(decided("c1", first, Drafts.NAUSEA, ClaimVerdict.APPROVED));

        board.apply(new DraftArrived("d2", Drafts.revision(2)));

        assertThat(current().revision()).isEqualTo(2);
        assertThat(current().decisions()).isEmpty();
        assertThat(current()
                        .claimState(Drafts.NAUSEA.id())
                        .orElseThrow()
                        .carriedOver()
                        .fromRevision())
                .isEqualTo(1);
        assertThat(current().claimState(Drafts.DOSE.id()).orElseThrow().carriedOver())
                .isNull();
    }

    @Test
    void editAfterApprovalNeedsANewApproval() {
        Draft first = Drafts.revision(1);
        board.apply(new DraftArrived("d1", first));
        board.apply(approved("a1", first));
        assertThat(board.awaitingDecision()).isEmpty();

        board.apply(new DraftArrived("d2", Drafts.revision(2)));

        assertThat(current().status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(current().approval()).isNull();
        assertThat(board.awaitingDecision()).extracting(ArticleReview::revision).containsExactly(2);
    }

    @Test
    void replayingTheSameEventsChangesNothing() {
        Draft first = Drafts.revision(1);
        ReviewEvent rejected = decided("c1", first, Drafts.NAUSEA, ClaimVerdict.REJECTED);
        ReviewEvent approvedLater = decided("c2", first, Drafts.NAUSEA, ClaimVerdict.APPROVED);
        board.apply(new DraftArrived("d1", first));
        board.apply(rejected);
        board.apply(approvedLater);

        assertThat(board.apply(new DraftArrived("d1", first))).isEqualTo(Applied.DUPLICATE);
        assertThat(board.apply(rejected)).isEqualTo(Applied.DUPLICATE);

        assertThat(current().decisionFor(Drafts.NAUSEA.id()))
                .get()
                .extracting(ClaimDecision::verdict)
                .isEqualTo(ClaimVerdict.APPROVED);
    }

    @Test
    void aDraftOlderThanTheKnownRevisionIsKeptForCarryOverOnly() {
        board.apply(new DraftArrived("d2", Drafts.revision(2)));

        assertThat(board.apply(new DraftArrived("d1", Drafts.revision(1)))).isEqualTo(Applied.APPLIED);
        assertThat(board.apply(new DraftArrived("d1-resent", Drafts.revision(1))))
                .isEqualTo(Applied.IGNORED);
        assertThat(current().revision()).isEqualTo(2);
        assertThat(board.earlierRevisions(Drafts.ARTICLE))
                .extracting(EarlierRevision::revision)
                .containsExactly(1);
        assertThat(history().previous())
                .as("the diff still compares with the revision actually replaced")
                .isNull();
    }

    @Test
    void decisionsOnAnOlderRevisionWaitForItsDraftAndCountOnlyForCarryOver() {
        Draft first = Drafts.revision(1);
        board.apply(new DraftArrived("d2", Drafts.revision(2)));

        assertThat(board.apply(decided("c1", first, Drafts.NAUSEA, ClaimVerdict.APPROVED)))
                .isEqualTo(Applied.PENDING);
        assertThat(board.apply(approved("a1", first))).isEqualTo(Applied.PENDING);
        assertThat(board.apply(new DraftArrived("d1", first))).isEqualTo(Applied.APPLIED);

        assertThat(board.waitingCount()).isZero();
        assertThat(current().status())
                .as("the newer revision is neither approved nor closed")
                .isEqualTo(ReviewStatus.OPEN);
        assertThat(current().decisions()).isEmpty();
        assertThat(current()
                        .claimState(Drafts.NAUSEA.id())
                        .orElseThrow()
                        .carriedOver()
                        .decision()
                        .reviewer())
                .isEqualTo(Actors.RITA.asReviewer());
        assertThat(board.apply(new RevisionReturned(
                        "r1",
                        Drafts.ARTICLE,
                        1,
                        first.contentHash(),
                        ReviewOutcome.REJECTED,
                        null,
                        List.of(),
                        Actors.RITA.asReviewer(),
                        AT)))
                .as("a return of an earlier revision changes nothing")
                .isEqualTo(Applied.IGNORED);
    }

    @Test
    void aDecisionReadBeforeItsDraftWaitsForIt() {
        Draft first = Drafts.revision(1);

        assertThat(board.apply(decided("c1", first, Drafts.NAUSEA, ClaimVerdict.APPROVED)))
                .isEqualTo(Applied.PENDING);
        assertThat(board.apply(approved("a1", first))).isEqualTo(Applied.PENDING);
        board.apply(new DraftArrived("d1", first));

        assertThat(current().status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(current().decisionFor(Drafts.NAUSEA.id())).isPresent();
    }

    @Test
    void aWaitingApprovalOfAnOlderRevisionNeverApprovesTheNewerOne() {
        board.apply(approved("a1", Drafts.revision(1)));

        board.apply(new DraftArrived("d2", Drafts.revision(2)));
        board.apply(new DraftArrived("d1", Drafts.revision(1)));

        assertThat(current().revision()).isEqualTo(2);
        assertThat(current().status()).isEqualTo(ReviewStatus.OPEN);
    }

    @Test
    void aDecisionForOtherTextIsIgnored() {
        Draft first = Drafts.revision(1);
        board.apply(new DraftArrived("d1", first));
        ClaimDecided forOtherText = new ClaimDecided(
                "c1",
                first.articleId(),
                1,
                "sha256:other",
                new ClaimDecision(
                        Drafts.NAUSEA.id(), 1, ClaimVerdict.APPROVED, null, null, Actors.RITA.asReviewer(), AT));

        assertThat(board.apply(forOtherText)).isEqualTo(Applied.IGNORED);
    }

    @Test
    void aReturnedRevisionLeavesTheQueue() {
        Draft first = Drafts.revision(1);
        board.apply(new DraftArrived("d1", first));

        board.apply(new RevisionReturned(
                "r1",
                first.articleId(),
                1,
                first.contentHash(),
                ReviewOutcome.REJECTED,
                "unsafe advice",
                List.of(),
                Actors.RITA.asReviewer(),
                AT));

        assertThat(current().status()).isEqualTo(ReviewStatus.REJECTED);
        assertThat(board.awaitingDecision()).isEmpty();
    }

    @Test
    void aSecondCopyOfTheKnownRevisionWithTheSameTextIsHarmless() {
        board.apply(new DraftArrived("d1", Drafts.revision(1)));

        assertThat(board.apply(new DraftArrived("d1-resent", Drafts.revision(1))))
                .isEqualTo(Applied.IGNORED);
    }

    @Test
    void aDraftOfTheKnownRevisionWithOtherTextConflictsAndChangesNothing() {
        Draft first = Drafts.revision(1);
        board.apply(new DraftArrived("d1", first));
        board.apply(decided("c1", first, Drafts.NAUSEA, ClaimVerdict.APPROVED));
        Draft otherText = Drafts.revision(1, List.of(Drafts.WANDA), List.of(Drafts.NAUSEA), "Ginger cures all.\n");

        assertThat(board.apply(new DraftArrived("d1-other", otherText))).isEqualTo(Applied.CONFLICTING);
        assertThat(board.apply(new DraftArrived("d1-other", otherText)))
                .as("not remembered as seen: a redelivery gets the same answer")
                .isEqualTo(Applied.CONFLICTING);

        assertThat(current().draft()).isEqualTo(first);
        assertThat(current().decisionFor(Drafts.NAUSEA.id())).isPresent();
    }

    @Test
    void atMostMaxWaitingEventsWaitAndTheOldestIsDroppedFirst() {
        List<ReviewEvent> dropped = new ArrayList<>();
        ReviewBoard small = new ReviewBoard(2, dropped::add);
        Draft ginger = Drafts.revision(1);
        Draft other = withArticleId(ginger, "art-other");
        ReviewEvent oldest = decided("c1", ginger, Drafts.NAUSEA, ClaimVerdict.APPROVED);
        ReviewEvent forOther = decided("c2", other, Drafts.NAUSEA, ClaimVerdict.APPROVED);
        ReviewEvent newest = decided("c3", ginger, Drafts.DOSE, ClaimVerdict.REJECTED);

        small.apply(oldest);
        small.apply(forOther);
        assertThat(dropped).isEmpty();
        assertThat(small.apply(newest)).isEqualTo(Applied.PENDING);

        assertThat(dropped).containsExactly(oldest);
        assertThat(small.waitingCount()).isEqualTo(2);
        small.apply(new DraftArrived("d1", ginger));
        assertThat(small.find(Drafts.ARTICLE).orElseThrow().decisions())
                .extracting(ClaimDecision::claimId)
                .containsExactly(Drafts.DOSE.id());
        assertThat(small.waitingCount()).as("released events make room").isEqualTo(1);
    }

    private ArticleHistory history() {
        return board.history(Drafts.ARTICLE).orElseThrow();
    }

    @Test
    void aNewRevisionRemembersTheOneItReplaced() {
        board.apply(new DraftArrived("d1", Drafts.revision(1)));
        assertThat(history().previous())
                .as("the first revision replaced nothing")
                .isNull();

        board.apply(new DraftArrived("d2", Drafts.revision(2)));
        assertThat(history().previous()).isEqualTo(Drafts.revision(1));
        board.apply(new DraftArrived("d4", Drafts.revision(4)));

        assertThat(history().review().revision()).isEqualTo(4);
        assertThat(history().previous())
                .as("the one actually replaced, even with a number skipped")
                .isEqualTo(Drafts.revision(2));
        assertThat(history().lastApproved()).isNull();
    }

    @Test
    void anOlderADuplicateOrAConflictingDraftLeavesThePreviousAlone() {
        board.apply(new DraftArrived("d1", Drafts.revision(1)));
        board.apply(new DraftArrived("d3", Drafts.revision(3)));

        board.apply(new DraftArrived("d2", Drafts.revision(2)));
        board.apply(new DraftArrived("d3", Drafts.revision(3)));
        board.apply(new DraftArrived("d3-resent", Drafts.revision(3)));
        board.apply(new DraftArrived("d3-other", Drafts.revision(3, List.of(Drafts.WANDA), List.of(), "Other.\n")));

        assertThat(history().review().draft()).isEqualTo(Drafts.revision(3));
        assertThat(history().previous()).isEqualTo(Drafts.revision(1));
    }

    @Test
    void theLastApprovedRevisionIsRememberedThroughLaterOnes() {
        Draft first = Drafts.revision(1);
        board.apply(new DraftArrived("d1", first));
        board.apply(approved("a1", first));
        board.apply(new DraftArrived("d2", Drafts.revision(2)));
        assertThat(history().lastApproved()).isEqualTo(first);
        assertThat(history().previous()).isEqualTo(first);

        board.apply(new RevisionReturned(
                "r2",
                Drafts.ARTICLE,
                2,
                Drafts.revision(2).contentHash(),
                ReviewOutcome.CHANGES_REQUESTED,
                "cite it",
                List.of(),
                Actors.RITA.asReviewer(),
                AT));
        board.apply(new DraftArrived("d3", Drafts.revision(3)));

        assertThat(history().previous()).isEqualTo(Drafts.revision(2));
        assertThat(history().lastApproved())
                .as("a returned revision is not approved")
                .isEqualTo(first);
        assertThat(history().review().approval()).isNull();
    }

    @Test
    void anApprovalReadAfterTheNextDraftStillMarksTheReplacedRevisionApproved() {
        Draft first = Drafts.revision(1);
        board.apply(new DraftArrived("d1", first));
        board.apply(new DraftArrived("d2", Drafts.revision(2)));

        ReviewEvent forOtherText = new RevisionApproved(
                "a1-other",
                first.articleId(),
                new Approval(1, "sha256:other", Actors.RITA.asReviewer(), List.of(Actors.RITA.asReviewer()), AT),
                null);
        assertThat(board.apply(forOtherText)).isEqualTo(Applied.IGNORED);
        assertThat(board.apply(approved("a1", first))).isEqualTo(Applied.APPLIED);

        assertThat(history().lastApproved()).isEqualTo(first);
        assertThat(current().revision()).isEqualTo(2);
        assertThat(current().status())
                .as("the revision under review is untouched")
                .isEqualTo(ReviewStatus.OPEN);
    }

    @Test
    void anApprovalReadAfterTwoNewerDraftsCountsForCarryOverButItsTextIsNoLongerKeptForTheDiff() {
        Draft first = Drafts.revision(1);
        board.apply(new DraftArrived("d1", first));
        board.apply(new DraftArrived("d2", Drafts.revision(2)));
        board.apply(new DraftArrived("d3", Drafts.revision(3)));

        assertThat(board.apply(approved("a1", first))).isEqualTo(Applied.APPLIED);
        assertThat(history().lastApproved()).isNull();
        assertThat(board.earlierRevisions(Drafts.ARTICLE))
                .filteredOn(EarlierRevision::approved)
                .extracting(EarlierRevision::revision)
                .containsExactly(1);
    }

    private static Draft withArticleId(Draft draft, String articleId) {
        return new Draft(
                articleId,
                draft.revision(),
                draft.slug(),
                draft.title(),
                draft.summary(),
                draft.authors(),
                draft.tags(),
                draft.bodyMarkdown(),
                draft.contentHash(),
                draft.claims(),
                draft.experts(),
                draft.warnings(),
                draft.submittedAt());
    }
}
