package org.vetted.intake.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.articles.ArticleListing;
import org.vetted.intake.domain.articles.ArticleStatus;
import org.vetted.intake.domain.articles.ArticleView;
import org.vetted.intake.domain.articles.KnownArticle;
import org.vetted.intake.domain.claims.Claim;
import org.vetted.intake.domain.claims.ClaimKind;

/**
 * ArticleRegistry's rules, held against every registry: {@link InMemoryArticleRegistryTest}, and the database's in
 * store/.
 */
public abstract class ArticleRegistryTest {
    protected static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    protected static final Author WANDA = new Author("wanda", "Wanda Writer");
    protected static final Author WALTER = new Author("walter", "Walter Webb");

    private final ArticleRegistry registry = newRegistry();

    /** An empty registry. */
    protected abstract ArticleRegistry newRegistry();

    /** The record an event arrives in, for registries that keep records. */
    protected byte[] record(ArticleEvent event) {
        return new byte[0];
    }

    private boolean apply(ArticleEvent event) {
        return registry.apply(event, record(event));
    }

    public static ArticleEvent.DraftRecorded draft(
            String eventId, String articleId, int revision, Instant at, String slug) {
        return draft(eventId, articleId, revision, at, slug, List.of(WANDA));
    }

    /** A draft crediting {@code authors}, submitted by the first of them. */
    public static ArticleEvent.DraftRecorded draft(
            String eventId, String articleId, int revision, Instant at, String slug, List<Author> authors) {
        return new ArticleEvent.DraftRecorded(
                eventId,
                articleId,
                revision,
                at,
                slug,
                "Title of " + articleId,
                "Summary " + revision,
                List.of("sleep", "tea"),
                "Body of revision " + revision + ".\n",
                List.of(
                        new Claim("c-1", "Chamomile may help sleep.", ClaimKind.EFFECT, true, false, "Sleep"),
                        new Claim("c-2", "It cures insomnia.", ClaimKind.EFFECT, false, true, null)),
                "sha256:" + revision,
                authors,
                authors.get(0).username(),
                "2 claims, 0 experts, 0 warnings");
    }

    public static ArticleEvent.ClaimDecided decided(
            String eventId,
            String articleId,
            int revision,
            Instant at,
            String claimId,
            boolean approved,
            String comment) {
        return new ArticleEvent.ClaimDecided(
                eventId,
                articleId,
                revision,
                at,
                claimId,
                approved,
                "rita",
                "Rita Reyes",
                comment,
                approved ? null : "PMID 1");
    }

    static ArticleEvent.Returned returned(String eventId, String articleId, int revision, Instant at) {
        return new ArticleEvent.Returned(
                eventId, articleId, revision, at, false, List.of("c-2"), "rita", "Rita Reyes", "cite a source");
    }

    static ArticleEvent.StatusChanged approved(String eventId, String articleId, int revision, Instant at) {
        return new ArticleEvent.StatusChanged(
                eventId,
                articleId,
                revision,
                at,
                "ArticleApproved",
                ArticleStatus.APPROVED,
                "rita",
                "approved by Rita Reyes, MD");
    }

    @Test
    void statusFollowsTheLatestRevisionWhileOlderRevisionsOnlyAddHistory() {
        apply(draft("e1", "a", 1, T0, "a-slug"));
        apply(decided("e2", "a", 1, T0.plusSeconds(60), "c-1", true, null));
        assertThat(registry.view("a").orElseThrow().status()).isEqualTo(ArticleStatus.IN_REVIEW);
        apply(returned("e3", "a", 1, T0.plusSeconds(120)));
        assertThat(registry.view("a").orElseThrow().status()).isEqualTo(ArticleStatus.CHANGES_REQUESTED);

        apply(draft("e4", "a", 2, T0.plusSeconds(300), "a-slug"));
        apply(approved("e5", "a", 1, T0.plusSeconds(400)));

        ArticleView view = registry.view("a").orElseThrow();
        assertThat(view.revision()).isEqualTo(2);
        assertThat(view.status()).isEqualTo(ArticleStatus.SUBMITTED);
        assertThat(view.history())
                .extracting(ArticleView.HistoryEntry::event)
                .containsExactly(
                        "DraftSubmitted", "ClaimReviewed", "ReviewReturned", "DraftSubmitted", "ArticleApproved");
        assertThat(view.bodyMarkdown()).isEqualTo("Body of revision 2.\n");
        assertThat(view.revisions())
                .extracting(ArticleView.RevisionView::revision)
                .containsExactly(2, 1);
    }

    @Test
    void aStatusOfTheLatestRevisionNeverMovesBack() {
        apply(draft("e1", "a", 1, T0, "a-slug"));
        apply(new ArticleEvent.StatusChanged(
                "e2",
                "a",
                1,
                T0.plusSeconds(9),
                "ArticlePublished",
                ArticleStatus.PUBLISHED,
                "distribution",
                "published"));
        apply(approved("e3", "a", 1, T0.plusSeconds(5)));

        assertThat(registry.view("a").orElseThrow().status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void theSameEventAppliedTwiceCountsOnce() {
        assertThat(apply(draft("e1", "a", 1, T0, "a-slug"))).isTrue();
        assertThat(apply(draft("e1", "a", 1, T0, "a-slug"))).isFalse();

        assertThat(registry.view("a").orElseThrow().history()).hasSize(1);
    }

    @Test
    void aReviewBeforeItsDraftShowsTheArticleWithoutTitleUntilTheDraftArrives() {
        apply(decided("e1", "a", 1, T0.plusSeconds(60), "c-1", true, null));
        ArticleView early = registry.view("a").orElseThrow();
        assertThat(early.slug()).isNull();
        assertThat(early.title()).isNull();
        assertThat(registry.find("a")).as("no draft: nothing to revise").isEmpty();

        apply(draft("e2", "a", 1, T0, "a-slug"));

        ArticleView view = registry.view("a").orElseThrow();
        assertThat(view.status()).isEqualTo(ArticleStatus.IN_REVIEW);
        assertThat(view.title()).isEqualTo("Title of a");
        assertThat(view.history())
                .extracting(ArticleView.HistoryEntry::event)
                .containsExactly("DraftSubmitted", "ClaimReviewed");
    }

    @Test
    void everythingTheWritersPageShowsOfARevisionIsKept() {
        apply(draft("e1", "a", 1, T0, "a-slug"));
        apply(decided("e2", "a", 1, T0.plusSeconds(60), "c-2", false, "Which trial?"));
        apply(returned("e3", "a", 1, T0.plusSeconds(120)));

        ArticleView view = registry.view("a").orElseThrow();
        assertThat(view.authors()).containsExactly(WANDA);
        assertThat(view.contentHash()).isEqualTo("sha256:1");
        assertThat(view.history().get(0))
                .isEqualTo(new ArticleView.HistoryEntry(
                        T0,
                        1,
                        "DraftSubmitted",
                        ArticleStatus.SUBMITTED,
                        "wanda",
                        "2 claims, 0 experts, 0 warnings",
                        "Wanda Writer submitted the first draft"));
        ArticleView.RevisionView revision = view.latest().orElseThrow();
        assertThat(revision.submittedAt()).isEqualTo(T0);
        assertThat(revision.summary()).isEqualTo("Summary 1");
        assertThat(revision.tags()).containsExactly("sleep", "tea");
        assertThat(revision.claims())
                .extracting(ArticleView.ClaimView::claim)
                .containsExactly(
                        new Claim("c-1", "Chamomile may help sleep.", ClaimKind.EFFECT, true, false, "Sleep"),
                        new Claim("c-2", "It cures insomnia.", ClaimKind.EFFECT, false, true, null));
        assertThat(revision.claims().get(0).decision()).isNull();
        assertThat(revision.claims().get(1).decision())
                .isEqualTo(new ArticleView.Decision(
                        false, "rita", "Rita Reyes", "Which trial?", "PMID 1", T0.plusSeconds(60)));
        assertThat(revision.returned())
                .isEqualTo(new ArticleView.Returned(
                        false, "rita", "Rita Reyes", "cite a source", List.of("c-2"), T0.plusSeconds(120)));
        assertThat(revision.openClaims()).isEqualTo(1);
    }

    @Test
    void theLatestDecisionOnAClaimStandsAndALaterRevisionShowsTheEarlierOne() {
        apply(draft("e1", "a", 1, T0, "a-slug"));
        apply(decided("e3", "a", 1, T0.plusSeconds(120), "c-1", false, "changed my mind"));
        apply(decided("e2", "a", 1, T0.plusSeconds(60), "c-1", true, null));
        apply(draft("e4", "a", 2, T0.plusSeconds(300), "a-slug"));

        ArticleView view = registry.view("a").orElseThrow();
        ArticleView.ClaimView again = view.latest().orElseThrow().claims().get(0);
        assertThat(again.decision()).isNull();
        assertThat(again.earlier().revision()).isEqualTo(1);
        assertThat(again.earlier().decision().comment()).isEqualTo("changed my mind");
        assertThat(view.revisions().get(1).claims().get(0).decision().approved())
                .isFalse();
    }

    @Test
    void findKnowsTheLatestRevisionAuthorsAndTheSlugOfTheFirstDraft() {
        apply(draft("e1", "a", 1, T0, "first-slug"));
        ArticleEvent.DraftRecorded second = draft("e2", "a", 2, T0.plusSeconds(60), "other-slug");
        apply(new ArticleEvent.DraftRecorded(
                second.eventId(),
                "a",
                2,
                second.at(),
                second.slug(),
                second.title(),
                second.summary(),
                second.tags(),
                second.bodyMarkdown(),
                second.claims(),
                second.contentHash(),
                List.of(WANDA, WALTER),
                "walter",
                second.detail()));
        apply(approved("e3", "a", 3, T0.plusSeconds(120)));

        assertThat(registry.find("a"))
                .contains(new KnownArticle("a", "first-slug", 3, List.of(WANDA, WALTER), ArticleStatus.APPROVED));
        assertThat(registry.find("nope")).isEmpty();
        assertThat(registry.view("nope")).isEmpty();
    }

    @Test
    void allListsEveryArticleInTheOrderItWasFirstSeen() {
        apply(draft("e1", "b", 1, T0, "b-slug"));
        apply(draft("e2", "a", 1, T0, "a-slug"));
        apply(decided("e3", "c", 1, T0, "c-1", true, null));
        apply(draft("e4", "b", 2, T0.plusSeconds(60), "b-slug"));

        assertThat(registry.all()).extracting(ArticleView::articleId).containsExactly("b", "a", "c");
        assertThat(registry.all().get(0).revision()).isEqualTo(2);
    }

    @Test
    void aPageHoldsTheArticlesTheReaderMayReadTheMostRecentlyActiveFirstAndItsCursorLeadsOn() {
        apply(draft("e1", "b", 1, T0, "b-slug"));
        apply(draft("e2", "a", 1, T0, "a-slug"));
        apply(draft("e3", "c", 1, T0.plusSeconds(10), "c-slug"));
        apply(decided("e4", "b", 1, T0.plusSeconds(30), "c-1", true, null));
        apply(decided("e5", "z", 1, T0.plusSeconds(40), "c-1", true, null));
        apply(draft("e6", "w", 1, T0.plusSeconds(50), "w-slug", List.of(WALTER)));
        Account wanda = new Account("wanda", "Wanda Writer", Set.of(Role.WRITER), null);
        Account eddie = new Account("eddie", "Eddie Editor", Set.of(Role.EDITOR), null);

        ArticleListing.Page first = registry.page(wanda, 2, null);
        ArticleListing.Page second = registry.page(
                wanda, 2, ArticleListing.Cursor.decode(first.next()).orElseThrow());

        assertThat(first.articles()).extracting(ArticleView::articleId).containsExactly("b", "c");
        assertThat(second.articles()).extracting(ArticleView::articleId).containsExactly("a");
        assertThat(second.next()).isNull();
        assertThat(first.articles().get(0).lastActivity()).isEqualTo(T0.plusSeconds(30));
        // An editor reads every article, one without a draft yet too; a writer reads only those credited to them.
        assertThat(registry.page(eddie, 10, null).articles())
                .extracting(ArticleView::articleId)
                .containsExactly("w", "z", "b", "c", "a");
        assertThat(registry.page(eddie, 10, null).articles())
                .isEqualTo(ArticleListing.page(registry.all(), 10, null).articles());
        assertThat(registry.page(new Account("walter", "Walter Webb", Set.of(Role.WRITER), null), 10, null)
                        .articles())
                .extracting(ArticleView::articleId)
                .containsExactly("w");
    }

    @Test
    void aWritersArticlesFollowTheAuthorsOfTheLatestDraft() {
        apply(draft("e1", "a", 1, T0, "a-slug"));
        apply(draft("e2", "a", 2, T0.plusSeconds(60), "a-slug", List.of(WALTER)));
        // An older revision's draft arriving late credits nobody anew.
        apply(draft("e3", "a", 1, T0, "a-slug"));

        assertThat(registry.page(new Account("walter", "Walter Webb", Set.of(Role.WRITER), null), 10, null)
                        .articles())
                .extracting(ArticleView::articleId)
                .containsExactly("a");
        assertThat(registry.page(new Account("wanda", "Wanda Writer", Set.of(Role.WRITER), null), 10, null)
                        .articles())
                .isEmpty();
    }

    @Test
    void aSlugIsReservedOnceUntilReleasedAndTakenForGoodByTheArticlesDraft() {
        assertThat(registry.slugTaken("tea")).isFalse();
        assertThat(registry.reserveSlug("tea")).isTrue();
        assertThat(registry.slugTaken("tea")).isTrue();
        assertThat(registry.reserveSlug("tea"))
                .as("reserved by another submission")
                .isFalse();

        registry.releaseSlug("tea");
        assertThat(registry.slugTaken("tea")).isFalse();
        assertThat(registry.reserveSlug("tea")).isTrue();

        apply(draft("e1", "a", 1, T0, "tea"));
        registry.releaseSlug("tea");
        assertThat(registry.slugTaken("tea")).as("the article has it now").isTrue();
        assertThat(registry.reserveSlug("tea")).isFalse();
    }

    @Test
    void aHeldSlugStaysTakenUntilItsArticleTakesIt() {
        assertThat(registry.reserveSlug("tea")).isTrue();
        registry.holdSlug("tea");
        assertThat(registry.slugTaken("tea")).isTrue();
        assertThat(registry.reserveSlug("tea")).isFalse();

        apply(draft("e1", "a", 1, T0, "tea"));
        assertThat(registry.slugTaken("tea")).as("the article has it now").isTrue();
        assertThat(registry.reserveSlug("tea")).isFalse();
    }

    @Test
    void aSlugReadFromAnotherInstancesDraftIsTakenWithoutReservation() {
        apply(draft("e1", "a", 1, T0, "coffee"));

        assertThat(registry.slugTaken("coffee")).isTrue();
        assertThat(registry.reserveSlug("coffee")).isFalse();
    }

    @Test
    void aRevisionNumberIsClaimedOnceAndCountsForTheNextNumber() {
        apply(draft("e1", "a", 1, T0, "a-slug"));

        assertThat(registry.claimRevision("a", 2)).isTrue();
        assertThat(registry.claimRevision("a", 2)).isFalse();
        assertThat(registry.find("a").orElseThrow().latestRevision())
                .as("claimed, not yet applied")
                .isEqualTo(2);

        registry.releaseRevision("a", 2);
        assertThat(registry.find("a").orElseThrow().latestRevision()).isEqualTo(1);
        assertThat(registry.claimRevision("a", 2)).isTrue();
        apply(draft("e2", "a", 2, T0.plusSeconds(60), "a-slug"));
        assertThat(registry.find("a").orElseThrow().latestRevision()).isEqualTo(2);
    }

    @Test
    void aClaimAloneDoesNotMakeAnArticleKnown() {
        assertThat(registry.claimRevision("fresh", 1)).isTrue();

        assertThat(registry.find("fresh")).isEmpty();
        assertThat(registry.all()).isEmpty();
    }

    @Test
    void exclusivelyRunsTheWorkAndHandsBackItsResult() {
        assertThat(registry.exclusively("a", () -> "done")).isEqualTo("done");
        assertThat(registry.exclusively("a", () -> registry.claimRevision("a", 1)))
                .isTrue();
    }
}
