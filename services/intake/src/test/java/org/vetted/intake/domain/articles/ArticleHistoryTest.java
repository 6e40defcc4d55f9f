package org.vetted.intake.domain.articles;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.claims.Claim;
import org.vetted.intake.domain.claims.ClaimKind;

/** One status from one place: what the writer's page counts and says comes from the same fold. */
class ArticleHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final Claim GINGER =
            new Claim("c-1", "Ginger may ease nausea.", ClaimKind.EFFECT, true, false, null);
    private static final Claim MINT = new Claim("c-2", "Mint cures colic.", ClaimKind.EFFECT, false, true, null);
    private static final Claim FENNEL = new Claim("c-3", "Fennel may help wind.", ClaimKind.EFFECT, true, false, null);

    @Test
    void anApprovalCarriedOverShowsAsApprovedByWhomAndInWhichRevision() {
        ArticleHistory history = ArticleHistory.of(
                "a",
                List.of(
                        draft("e1", 1, T0, GINGER, MINT),
                        decided("e2", 1, T0.plusSeconds(60), "c-1", true),
                        decided("e3", 1, T0.plusSeconds(61), "c-2", false),
                        returned("e4", 1, T0.plusSeconds(120)),
                        draft("e5", 2, T0.plusSeconds(300), GINGER, FENNEL)));

        ArticleView.RevisionView second = history.view().latest().orElseThrow();
        ArticleView.ClaimView ginger = second.claims().get(0);
        assertThat(ginger.standing()).isEqualTo(ArticleView.Standing.CARRIED);
        assertThat(ginger.earlier().revision()).isEqualTo(1);
        assertThat(ginger.standingDecision().by()).isEqualTo("Rita Reyes");
        assertThat(second.claims().get(1).standing()).isEqualTo(ArticleView.Standing.OPEN);
        assertThat(second.approvedClaims()).isEqualTo(1);
        assertThat(second.carriedClaims()).isEqualTo(1);
        assertThat(second.openClaims()).isEqualTo(1);
        assertThat(second.status()).isEqualTo(ArticleStatus.SUBMITTED);
    }

    @Test
    void aPublishedRevisionHasNoUndecidedClaimAndItsStatusIsTheArticles() {
        ArticleHistory history = ArticleHistory.of(
                "a",
                List.of(
                        draft("e1", 1, T0, GINGER, MINT),
                        decided("e2", 1, T0.plusSeconds(60), "c-1", true),
                        returned("e3", 1, T0.plusSeconds(120)),
                        draft("e4", 2, T0.plusSeconds(300), GINGER, FENNEL),
                        decided("e5", 2, T0.plusSeconds(360), "c-3", true),
                        status("e6", 2, T0.plusSeconds(400), ArticleStatus.APPROVED),
                        status("e7", 2, T0.plusSeconds(500), ArticleStatus.PUBLISHED),
                        // An event of the older revision arriving late leaves the latest revision's status alone.
                        status("e8", 1, T0.plusSeconds(600), ArticleStatus.REJECTED)));

        ArticleView view = history.view();
        ArticleView.RevisionView second = view.latest().orElseThrow();
        assertThat(view.status()).isEqualTo(ArticleStatus.PUBLISHED).isEqualTo(second.status());
        assertThat(second.openClaims()).isZero();
        assertThat(second.approvedClaims()).isEqualTo(2);
        assertThat(view.revisions().get(1).status()).isEqualTo(ArticleStatus.REJECTED);
    }

    @Test
    void aRevisionSignedOffApprovesTheClaimsWithoutTheirOwnEvents() {
        ArticleHistory history = ArticleHistory.of(
                "a",
                List.of(draft("e1", 1, T0, GINGER, MINT), status("e2", 1, T0.plusSeconds(60), ArticleStatus.APPROVED)));

        ArticleView.RevisionView first = history.view().latest().orElseThrow();
        assertThat(first.claims())
                .extracting(ArticleView.ClaimView::standing)
                .containsOnly(ArticleView.Standing.SIGNED_OFF);
        assertThat(first.openClaims()).isZero();
    }

    @Test
    void theClaimsReviewSentBackAreNamedBySentence() {
        ArticleHistory history = ArticleHistory.of(
                "a",
                List.of(
                        draft("e1", 1, T0, GINGER, MINT),
                        decided("e2", 1, T0.plusSeconds(60), "c-2", false),
                        returned("e3", 1, T0.plusSeconds(120))));

        assertThat(history.view().latest().orElseThrow().returnedClaims())
                .extracting(claim -> claim.claim().text())
                .containsExactly("Mint cures colic.", "c-404");
    }

    @Test
    void theHistoryReadsAsSentences() {
        ArticleHistory history = ArticleHistory.of(
                "a",
                List.of(
                        draft("e1", 1, T0, GINGER, MINT),
                        decided("e2", 1, T0.plusSeconds(60), "c-1", true),
                        returned("e3", 1, T0.plusSeconds(120)),
                        draft("e4", 2, T0.plusSeconds(300), GINGER)));

        assertThat(history.view().history())
                .extracting(ArticleView.HistoryEntry::sentence)
                .containsExactly(
                        "Wanda Writer submitted the first draft",
                        "Rita Reyes approved ‘Ginger may ease nausea.’",
                        "Rita Reyes asked for changes to revision 1: “Cite a source.”",
                        "Wanda Writer submitted revision 2");
    }

    @Test
    void onlyWebAddressesAreLinks() {
        assertThat(ArticleView.isWebLink("https://doi.org/10.1000/xyz")).isTrue();
        assertThat(ArticleView.isWebLink("HTTP://example.org/a")).isTrue();
        assertThat(ArticleView.isWebLink("javascript:alert(1)")).isFalse();
        assertThat(ArticleView.isWebLink("PMID 123")).isFalse();
        assertThat(ArticleView.isWebLink("https://")).isFalse();
        assertThat(ArticleView.isWebLink(null)).isFalse();
    }

    private static ArticleEvent.DraftRecorded draft(String eventId, int revision, Instant at, Claim... claims) {
        return new ArticleEvent.DraftRecorded(
                eventId,
                "a",
                revision,
                at,
                "a-slug",
                "Ginger",
                "Summary",
                List.of(),
                "Body.\n",
                List.of(claims),
                "sha256:" + revision,
                List.of(new Author("wanda", "Wanda Writer")),
                "wanda",
                "");
    }

    private static ArticleEvent.ClaimDecided decided(
            String eventId, int revision, Instant at, String claimId, boolean approved) {
        return new ArticleEvent.ClaimDecided(
                eventId, "a", revision, at, claimId, approved, "rita", "Rita Reyes", null, null);
    }

    private static ArticleEvent.Returned returned(String eventId, int revision, Instant at) {
        return new ArticleEvent.Returned(
                eventId, "a", revision, at, false, List.of("c-2", "c-404"), "rita", "Rita Reyes", "Cite a source.");
    }

    private static ArticleEvent.StatusChanged status(String eventId, int revision, Instant at, ArticleStatus status) {
        return new ArticleEvent.StatusChanged(eventId, "a", revision, at, status.name(), status, "rita", "");
    }
}
