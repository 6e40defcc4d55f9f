package org.vetted.review.domain.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.Drafts;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.DraftArrived;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.board.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.draft.Author;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.draft.ClaimText;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.drift.ClaimDrift;
import org.vetted.review.domain.gate.Blocked;
import org.vetted.review.domain.gate.ReviewDesk;
import org.vetted.review.domain.gate.ReviewGate;
import org.vetted.review.domain.gate.SignOffDecision;
import org.vetted.review.domain.gate.SignOffOutcome;
import org.vetted.review.domain.gate.SignOffRequest;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Reviewer;

/**
 * Materiality: a new revision keeps the approvals of each claim whose whole text and section path are those of the
 * latest look at that text, unless that look rejected it; everything else is open, and the board comes to the same
 * answer whatever order the topics are read in. Ids never decide: two texts may share one.
 */
class CarryOverTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final String HOW = "How It Works";
    private static final String DOSES = "How Much?";

    private static final Claim CALM = claim("Magnesium may calm the nervous system.", HOW);
    private static final Claim SLEEP = claim("Magnesium is linked to better sleep.", HOW);
    private static final Claim SLEEP_STRONGER = claim("Magnesium causes better sleep.", HOW);
    private static final Claim SLEEP_AGAIN = claim("Magnesium is linked to deeper sleep.", HOW);
    private static final Claim DOSE = claim("Trials used 200 mg a day.", DOSES);
    private static final Claim CRAMPS = claim("Magnesium may ease leg cramps.", HOW);
    private static final Claim CALM_ELSEWHERE = claim("Magnesium may calm the nervous system.", "Side Effects");

    private ReviewBoard board = new ReviewBoard();

    private static Claim claim(String text, String section) {
        return new Claim(
                "c-" + Integer.toHexString(ClaimText.canonical(text).hashCode()),
                text,
                ClaimKind.EFFECT,
                false,
                section);
    }

    private static Draft revision(int revision, Claim... claims) {
        return Drafts.revision(revision, List.of(Drafts.WANDA), List.of(claims), "Revision " + revision + ".\n");
    }

    private static ClaimDecided decided(
            String eventId, Draft draft, Claim claim, Actor by, ClaimVerdict verdict, String reference) {
        return new ClaimDecided(
                eventId,
                draft.articleId(),
                draft.revision(),
                draft.contentHash(),
                new ClaimDecision(
                        claim.id(),
                        draft.revision(),
                        verdict,
                        "checked",
                        reference,
                        by.asReviewer(),
                        AT.plusSeconds(draft.revision() * 100L + eventId.hashCode() % 50)));
    }

    private static ClaimDecided approve(String eventId, Draft draft, Claim claim, Actor by) {
        return decided(eventId, draft, claim, by, ClaimVerdict.APPROVED, "doi:10.1000/" + eventId);
    }

    private static RevisionApproved approval(String eventId, Draft draft) {
        return new RevisionApproved(
                eventId,
                draft.articleId(),
                new Approval(
                        draft.revision(),
                        draft.contentHash(),
                        Actors.PAUL.asReviewer(),
                        List.of(Actors.RITA.asReviewer()),
                        AT),
                null);
    }

    private ArticleReview current() {
        return board.find(Drafts.ARTICLE).orElseThrow();
    }

    private ClaimState state(Claim claim) {
        return current().claimState(claim.id()).orElseThrow();
    }

    @Test
    void anUnchangedClaimCarriesTheOriginalDecisionAndAChangedOrNewOneIsOpen() {
        Draft first = revision(1, CALM, SLEEP);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approve("a-sleep", first, SLEEP, Actors.RITA));
        board.apply(approval("ok1", first));

        board.apply(new DraftArrived("d2", revision(2, CALM, SLEEP_STRONGER, CRAMPS)));

        ClaimState calm = state(CALM);
        assertThat(calm.isOpen()).isFalse();
        assertThat(calm.carriedOver().fromRevision()).isEqualTo(1);
        assertThat(calm.carriedOver().decision())
                .isEqualTo(new ClaimDecision(
                        CALM.id(),
                        1,
                        ClaimVerdict.APPROVED,
                        "checked",
                        "doi:10.1000/a-calm",
                        Actors.RITA.asReviewer(),
                        approve("a-calm", first, CALM, Actors.RITA).decision().at()));
        assertThat(state(SLEEP_STRONGER).isOpen()).isTrue();
        assertThat(state(SLEEP_STRONGER).carriedOver()).isNull();
        assertThat(state(CRAMPS).isOpen()).isTrue();
        assertThat(current().openCount()).isEqualTo(2);
        assertThat(ClaimDrift.of(current()))
                .containsOnlyKeys(SLEEP_STRONGER.id())
                .extractingByKey(SLEEP_STRONGER.id())
                .extracting(ClaimDrift.Drift::kind)
                .isEqualTo(ClaimDrift.Kind.STRENGTH_RAISED);
    }

    @Test
    void theSameSentenceUnderAnotherHeadingIsOpenAndShownAsMoved() {
        Draft first = revision(1, CALM);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approval("ok1", first));

        board.apply(new DraftArrived("d2", revision(2, CALM_ELSEWHERE)));

        assertThat(state(CALM_ELSEWHERE).isOpen()).isTrue();
        assertThat(ClaimDrift.of(current()).get(CALM.id()))
                .extracting(ClaimDrift.Drift::kind, ClaimDrift.Drift::explanation)
                .containsExactly(ClaimDrift.Kind.MOVED, "Moved from section ‘How It Works’ to section ‘Side Effects’");
    }

    @Test
    void aRejectionNeverCarriesAndALaterRejectionStopsAnOlderApprovalFromCarrying() {
        Draft first = revision(1, CALM, SLEEP);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approve("a-sleep", first, SLEEP, Actors.RITA));
        board.apply(approval("ok1", first));
        Draft second = revision(2, CALM, SLEEP);
        board.apply(new DraftArrived("d2", second));
        board.apply(decided("r-sleep", second, SLEEP, Actors.PAUL, ClaimVerdict.REJECTED, null));
        board.apply(new RevisionReturned(
                "ret2",
                Drafts.ARTICLE,
                2,
                second.contentHash(),
                ReviewOutcome.CHANGES_REQUESTED,
                "source?",
                List.of(SLEEP.id()),
                Actors.PAUL.asReviewer(),
                AT));

        board.apply(new DraftArrived("d3", revision(3, CALM, SLEEP)));

        assertThat(state(CALM).carriedOver().fromRevision())
                .as("untouched in revision 2: from 1")
                .isEqualTo(1);
        assertThat(state(SLEEP).carriedOver())
                .as("rejected in revision 2, the latest look at it")
                .isNull();
        assertThat(state(SLEEP).isOpen()).isTrue();
    }

    @Test
    void theLatestLookAtEachTextCountsWithWhatHadBeenCarriedIntoIt() {
        Draft first = revision(1, CALM);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approval("ok1", first));
        Draft second = revision(2, CALM, CRAMPS);
        board.apply(new DraftArrived("d2", second));
        board.apply(approve("a-calm-2", second, CALM, Actors.PAUL));
        board.apply(approve("a-cramps", second, CRAMPS, Actors.PAUL));

        board.apply(new DraftArrived("d3", revision(3, CALM, CRAMPS)));

        assertThat(state(CALM).carriedOver().approvals())
                .as("revision 2 looked last: Rita's carried in, Paul's made there")
                .extracting(decision -> decision.reviewer().username())
                .containsExactly("rita", "paul");
        assertThat(state(CRAMPS).carriedOver().fromRevision())
                .as("new in revision 2, the last reviewed")
                .isEqualTo(2);
        assertThat(current().everyClaimApproved()).isTrue();
    }

    @Test
    void anApprovalNeverMovesToAnotherSentenceThatSharesItsId() {
        Claim benign =
                new Claim("c-000000000001", "Vitamin C may shorten colds a little.", ClaimKind.EFFECT, true, HOW);
        Claim harmful = new Claim(
                "c-000000000001",
                "Vitamin C cures cancer, so most people can safely skip chemotherapy.",
                ClaimKind.EFFECT,
                false,
                HOW);
        Draft first = revision(1, benign);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-benign", first, benign, Actors.RITA));
        board.apply(approval("ok1", first));

        board.apply(new DraftArrived("d2", revision(2, harmful)));

        assertThat(state(harmful).carriedOver()).as("same id, other text").isNull();
        assertThat(state(harmful).isOpen()).isTrue();
        assertThat(current().everyClaimApproved()).isFalse();
    }

    @Test
    void aRejectionStandsWhenTheClaimIsDroppedAndBroughtBack() {
        Draft first = revision(1, CALM, SLEEP);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approve("a-sleep", first, SLEEP, Actors.RITA));
        board.apply(approval("ok1", first));
        Draft second = revision(2, CALM, SLEEP);
        board.apply(new DraftArrived("d2", second));
        board.apply(decided("r-calm", second, CALM, Actors.PAUL, ClaimVerdict.REJECTED, null));
        board.apply(new RevisionReturned(
                "ret2",
                Drafts.ARTICLE,
                2,
                second.contentHash(),
                ReviewOutcome.CHANGES_REQUESTED,
                "source?",
                List.of(CALM.id()),
                Actors.PAUL.asReviewer(),
                AT));
        Draft third = revision(3, SLEEP, CRAMPS);
        board.apply(new DraftArrived("d3", third));
        board.apply(approve("a-cramps", third, CRAMPS, Actors.RITA));

        board.apply(new DraftArrived("d4", revision(4, CALM, SLEEP, CRAMPS)));

        assertThat(state(CALM).carriedOver())
                .as("Paul's rejection in revision 2 is the latest look at it")
                .isNull();
        assertThat(state(CALM).isOpen()).isTrue();
        assertThat(state(SLEEP).carriedOver().fromRevision()).isEqualTo(1);
        assertThat(state(CRAMPS).carriedOver().fromRevision()).isEqualTo(3);
    }

    @Test
    void aRejectionHeldByARevisionLetGoOfIsNotForgottenInFavourOfAnOlderApproval() {
        Draft first = revision(1, CALM, CRAMPS);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approve("a-cramps", first, CRAMPS, Actors.RITA));
        board.apply(approval("ok1", first));
        Draft second = revision(2, CALM, CRAMPS);
        board.apply(new DraftArrived("d2", second));
        board.apply(decided("r-calm", second, CALM, Actors.PAUL, ClaimVerdict.REJECTED, null));
        Draft third = revision(3, CRAMPS, SLEEP);
        board.apply(new DraftArrived("d3", third));
        board.apply(approve("a-sleep", third, SLEEP, Actors.RITA));
        int last = ReviewBoard.MAX_EARLIER_REVISIONS + 6;
        for (int n = 4; n <= last; n++) {
            Draft next = revision(n, CRAMPS, SLEEP);
            board.apply(new DraftArrived("d" + n, next));
            board.apply(approve("a-cramps-" + n, next, CRAMPS, Actors.PAUL));
        }
        board.apply(new DraftArrived("d-last", revision(last + 1, CALM, CRAMPS, SLEEP)));

        assertThat(board.earlierRevisions(Drafts.ARTICLE))
                .extracting(EarlierRevision::revision)
                .contains(1)
                .doesNotContain(2, 3);
        assertThat(state(CALM).carriedOver())
                .as("revision 2 rejected it, and is gone: revision 1 does not count")
                .isNull();
        assertThat(state(SLEEP).carriedOver())
                .as("its look was let go of too: the safe side")
                .isNull();
        assertThat(state(CRAMPS).carriedOver().fromRevision())
                .as("looked at after the floor")
                .isEqualTo(last);
    }

    @Test
    void aReviewerMayStillRejectACarriedOverClaimAndThatDecisionWins() {
        Draft first = revision(1, CALM);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approval("ok1", first));
        Draft second = revision(2, CALM);
        board.apply(new DraftArrived("d2", second));

        board.apply(decided("r-calm", second, CALM, Actors.PAUL, ClaimVerdict.REJECTED, null));

        assertThat(state(CALM).isRejected()).isTrue();
        assertThat(state(CALM).carriedOver()).isNull();
        assertThat(current().rejectedClaimIds()).containsExactly(CALM.id());
        assertThat(ReviewGate.withDefaultRules().check(current())).isInstanceOf(Blocked.class);
    }

    @Test
    void theSignOffNeedsOnlyTheOpenClaimsDecidedAndItsApprovalNamesTheCarriedReviewersAndBindsTheWholeText() {
        Draft first = revision(1, CALM, SLEEP);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approve("a-sleep", first, SLEEP, Actors.RITA));
        board.apply(approval("ok1", first));
        Draft second = revision(2, CALM, SLEEP_STRONGER);
        board.apply(new DraftArrived("d2", second));
        ReviewDesk desk = ReviewDesk.withDefaultRules();
        SignOffRequest approve = new SignOffRequest(Actors.PAUL, SignOffDecision.APPROVE, null, second.contentHash());
        assertThat(desk.signOff(current(), approve, "s1", AT))
                .isEqualTo(new Blocked(List.of("claim " + SLEEP_STRONGER.id() + " is not decided yet")));

        board.apply(approve("a-stronger", second, SLEEP_STRONGER, Actors.PAUL));

        assertThat(desk.signOff(current(), approve, "s2", AT))
                .isInstanceOfSatisfying(SignOffOutcome.Approved.class, approved -> {
                    assertThat(approved.event().approval().contentHash()).isEqualTo(second.contentHash());
                    assertThat(approved.event().approval().revision()).isEqualTo(2);
                    assertThat(approved.event().approval().claimReviewers())
                            .extracting(Reviewer::username)
                            .containsExactly("rita", "paul");
                });
    }

    @Test
    void theApprovalsProvenanceCreditsACarriedClaimToTheEarlierDecisionWithItsReference() {
        Draft first = revision(1, CALM, SLEEP);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approve("a-sleep", first, SLEEP, Actors.RITA));
        board.apply(approval("ok1", first));
        Draft second = revision(2, CALM, SLEEP_STRONGER);
        board.apply(new DraftArrived("d2", second));
        board.apply(approve("a-stronger", second, SLEEP_STRONGER, Actors.PAUL));
        SignOffRequest approve = new SignOffRequest(Actors.PAUL, SignOffDecision.APPROVE, null, second.contentHash());

        SignOffOutcome outcome = ReviewDesk.withDefaultRules().signOff(current(), approve, "s2", AT.plusSeconds(9_000));

        assertThat(outcome).isInstanceOfSatisfying(SignOffOutcome.Approved.class, approved -> {
            List<ClaimProvenance> provenance = approved.event().provenance();
            assertThat(provenance)
                    .extracting(ClaimProvenance::claimId, ClaimProvenance::sentence)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(CALM.id(), CALM.text()),
                            org.assertj.core.groups.Tuple.tuple(SLEEP_STRONGER.id(), SLEEP_STRONGER.text()));
            ClaimDecision carried = provenance.get(0).approvals().get(0);
            assertThat(carried.revision()).as("made on the earlier revision").isEqualTo(1);
            assertThat(carried.reviewer().username()).isEqualTo("rita");
            assertThat(carried.reference()).isEqualTo("doi:10.1000/a-calm");
            assertThat(carried.at()).isBefore(AT.plusSeconds(200));
            ClaimDecision here = provenance.get(1).approvals().get(0);
            assertThat(here.revision()).isEqualTo(2);
            assertThat(here.reviewer().username()).isEqualTo("paul");
        });
    }

    @Test
    void approvalsCarryThroughARevisionThatDidNotTouchThem() {
        Draft first = revision(1, CALM);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approval("ok1", first));
        Draft second = revision(2, CALM, CRAMPS);
        board.apply(new DraftArrived("d2", second));
        board.apply(approve("a-cramps", second, CRAMPS, Actors.PAUL));
        board.apply(approval("ok2", second));

        board.apply(new DraftArrived("d3", revision(3, CALM, CRAMPS)));

        assertThat(state(CALM).carriedOver().fromRevision())
                .as("the revision Rita approved it on")
                .isEqualTo(1);
        assertThat(state(CRAMPS).carriedOver().fromRevision()).isEqualTo(2);
    }

    @Test
    void aHighRiskClaimCarriesBothApprovalsAndASecondOneHereCompletesAHalfApprovedOne() {
        Draft first = revision(1, DOSE, CALM);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-dose-rita", first, DOSE, Actors.RITA));
        board.apply(approve("a-dose-paul", first, DOSE, Actors.PAUL));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approval("ok1", first));

        Draft second = revision(2, DOSE, CALM);
        board.apply(new DraftArrived("d2", second));

        assertThat(state(DOSE).approvalsNeeded()).isEqualTo(2);
        assertThat(state(DOSE).carriedOver().approvals()).hasSize(2);
        assertThat(state(DOSE).isOpen()).isFalse();

        board = new ReviewBoard();
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-dose-rita", first, DOSE, Actors.RITA));
        board.apply(new RevisionReturned(
                "ret1",
                Drafts.ARTICLE,
                1,
                first.contentHash(),
                ReviewOutcome.CHANGES_REQUESTED,
                null,
                List.of(),
                Actors.RITA.asReviewer(),
                AT));
        board.apply(new DraftArrived("d2", second));
        assertThat(state(DOSE).isOpen())
                .as("1 of 2 carried from the last reviewed revision")
                .isTrue();
        assertThat(state(DOSE).approvals()).isEqualTo(1);

        board.apply(approve("a-dose-paul-2", second, DOSE, Actors.PAUL));

        assertThat(state(DOSE).isOpen()).isFalse();
        assertThat(state(DOSE).decisions()).extracting(ClaimDecision::revision).containsExactly(1, 2);
    }

    @Test
    void anApprovalBySomeoneNowCreditedOnTheArticleDoesNotCarry() {
        Draft first = revision(1, CALM);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.DANA));
        board.apply(approval("ok1", first));

        board.apply(new DraftArrived(
                "d2",
                Drafts.revision(
                        2,
                        List.of(Drafts.WANDA, new Author("x", "Dr. Dana Díaz, RD")),
                        List.of(CALM),
                        "Revision 2.\n")));

        assertThat(state(CALM).carriedOver()).isNull();
        assertThat(state(CALM).isOpen()).isTrue();
    }

    /**
     * The events of three revisions (decisions, approvals, a return), applied in many orders, come to the same
     * claims for the revision under review: carry-over is a pure function of the events seen, not computed once
     * when a draft arrives.
     */
    @Test
    void theSameEventsInAnyOrderGiveTheSameClaims() {
        Draft first = revision(1, CALM, SLEEP, DOSE);
        Draft second = revision(2, CALM, SLEEP_STRONGER, DOSE, CRAMPS);
        Draft third = revision(3, CALM, SLEEP_AGAIN, DOSE, CRAMPS);
        List<ReviewEvent> events = List.of(
                new DraftArrived("d1", first),
                approve("a1-calm", first, CALM, Actors.RITA),
                approve("a1-sleep", first, SLEEP, Actors.RITA),
                approve("a1-dose-rita", first, DOSE, Actors.RITA),
                approve("a1-dose-paul", first, DOSE, Actors.PAUL),
                approval("ok1", first),
                new DraftArrived("d2", second),
                approve("a2-cramps", second, CRAMPS, Actors.RITA),
                decided("r2-stronger", second, SLEEP_STRONGER, Actors.PAUL, ClaimVerdict.REJECTED, null),
                new RevisionReturned(
                        "ret2",
                        Drafts.ARTICLE,
                        2,
                        second.contentHash(),
                        ReviewOutcome.CHANGES_REQUESTED,
                        "too strong",
                        List.of(SLEEP_STRONGER.id()),
                        Actors.PAUL.asReviewer(),
                        AT),
                new DraftArrived("d3", third),
                approve("a3-again", third, SLEEP_AGAIN, Actors.PAUL));

        Outcome inOrder = replay(events);
        assertThat(inOrder.revision()).isEqualTo(3);
        assertThat(inOrder.states())
                .extracting(state ->
                        state.carriedOver() == null ? 0 : state.carriedOver().fromRevision())
                .containsExactly(1, 0, 1, 2);
        assertThat(inOrder.states()).extracting(ClaimState::isOpen).containsExactly(false, false, false, false);
        assertThat(inOrder.drifts()).containsOnlyKeys(SLEEP_AGAIN.id());
        assertThat(inOrder.drifts().get(SLEEP_AGAIN.id()))
                .as("the closest earlier claim, of either baseline")
                .extracting(ClaimDrift.Drift::fromRevision, ClaimDrift.Drift::previousText)
                .containsExactly(1, SLEEP.text());

        List<List<ReviewEvent>> orders = new ArrayList<>();
        List<ReviewEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        orders.add(reversed);
        List<ReviewEvent> draftsLast = new ArrayList<>(
                events.stream().filter(e -> !(e instanceof DraftArrived)).toList());
        draftsLast.addAll(List.of(events.get(10), events.get(0), events.get(6)));
        orders.add(draftsLast);
        Random random = new Random(20260302L);
        for (int i = 0; i < 2_000; i++) {
            List<ReviewEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            orders.add(shuffled);
        }
        for (List<ReviewEvent> order : orders) {
            assertThat(replay(order))
                    .as("order %s", order.stream().map(ReviewEvent::eventId).toList())
                    .isEqualTo(inOrder);
        }
    }

    /** The forgotten-rejection sequence, in any order: the rejection of revision 2 is the latest look at CALM. */
    @Test
    void aRejectionDroppedAndBroughtBackStandsInAnyOrder() {
        Draft first = revision(1, CALM, SLEEP);
        Draft second = revision(2, CALM, SLEEP);
        Draft third = revision(3, SLEEP, CRAMPS);
        Draft fourth = revision(4, CALM, SLEEP, CRAMPS);
        List<ReviewEvent> events = List.of(
                new DraftArrived("d1", first),
                approve("a1-calm", first, CALM, Actors.RITA),
                approve("a1-sleep", first, SLEEP, Actors.RITA),
                approval("ok1", first),
                new DraftArrived("d2", second),
                decided("r2-calm", second, CALM, Actors.PAUL, ClaimVerdict.REJECTED, null),
                new RevisionReturned(
                        "ret2",
                        Drafts.ARTICLE,
                        2,
                        second.contentHash(),
                        ReviewOutcome.CHANGES_REQUESTED,
                        "source?",
                        List.of(CALM.id()),
                        Actors.PAUL.asReviewer(),
                        AT),
                new DraftArrived("d3", third),
                approve("a3-cramps", third, CRAMPS, Actors.RITA),
                new DraftArrived("d4", fourth));

        Outcome inOrder = replay(events);
        assertThat(inOrder.revision()).isEqualTo(4);
        assertThat(inOrder.states())
                .extracting(state ->
                        state.carriedOver() == null ? 0 : state.carriedOver().fromRevision())
                .containsExactly(0, 1, 3);
        assertThat(inOrder.states().get(0).isOpen()).isTrue();
        Random random = new Random(20261207L);
        for (int i = 0; i < 1_000; i++) {
            List<ReviewEvent> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, random);
            assertThat(replay(shuffled))
                    .as("order %s", shuffled.stream().map(ReviewEvent::eventId).toList())
                    .isEqualTo(inOrder);
        }
    }

    private record Outcome(
            int revision,
            ReviewStatus status,
            List<ClaimState> states,
            Map<String, ClaimDrift.Drift> drifts,
            int waiting) {}

    private static Outcome replay(List<ReviewEvent> events) {
        ReviewBoard replayed = new ReviewBoard();
        events.forEach(replayed::apply);
        ArticleReview review = replayed.find(Drafts.ARTICLE).orElseThrow();
        return new Outcome(
                review.revision(),
                review.status(),
                review.claimStates(),
                ClaimDrift.of(review),
                replayed.waitingCount());
    }

    @Test
    void atMostMaxEarlierRevisionsAreKeptButNeverTheLastApproved() {
        Draft first = revision(1, CALM);
        board.apply(new DraftArrived("d1", first));
        board.apply(approve("a-calm", first, CALM, Actors.RITA));
        board.apply(approval("ok1", first));
        int last = ReviewBoard.MAX_EARLIER_REVISIONS + 5;
        for (int n = 2; n <= last; n++) {
            board.apply(new DraftArrived("d" + n, revision(n, CALM)));
        }

        assertThat(board.earlierRevisions(Drafts.ARTICLE))
                .hasSize(ReviewBoard.MAX_EARLIER_REVISIONS)
                .first()
                .extracting(EarlierRevision::revision)
                .isEqualTo(1);
        assertThat(state(CALM).carriedOver().fromRevision()).isEqualTo(1);
        Draft forgotten = revision(2, CALM);
        assertThat(board.apply(approve("late", forgotten, CALM, Actors.PAUL))).isEqualTo(ReviewBoard.Applied.IGNORED);
        assertThat(Set.copyOf(board.earlierRevisions(Drafts.ARTICLE).stream()
                        .map(EarlierRevision::revision)
                        .toList()))
                .doesNotContain(2, 3, 4, 5);
    }
}
