package org.vetted.distribution.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vetted.distribution.domain.Articles;
import org.vetted.distribution.domain.Correction;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.WithdrawalKind;
import org.vetted.distribution.domain.WithdrawnArticle;

/** PageStore's rules, held against every store: {@link InMemoryPageStoreTest}, and the database's in store/. */
public abstract class PageStoreTest {
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");

    private final PageStore pages = newStore();

    /** An empty store. */
    protected abstract PageStore newStore();

    @Test
    void newerRevisionReplacesTheServedOneAndKeepsTheFirstPublicationDate() {
        pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));

        assertThat(pages.apply(Articles.published("a1", 2, "walking", "Walking, revised", TUESDAY)))
                .isEqualTo(PageStore.Outcome.STORED);

        assertThat(pages.findBySlug("walking")).hasValueSatisfying(page -> {
            assertThat(page.article().revision()).isEqualTo(2);
            assertThat(page.article().title()).isEqualTo("Walking, revised");
            assertThat(page.firstPublishedAt()).isEqualTo(MONDAY);
        });
    }

    @Test
    void aCorrectionReplacesThePageAndIsListedWithItsDateAndEarlierOnes() {
        pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
        assertThat(pages.apply(Articles.corrected("a1", 2, "walking", "Walking", TUESDAY, "Fixed the dose.")))
                .isEqualTo(PageStore.Outcome.STORED);
        pages.apply(Articles.corrected("a1", 3, "walking", "Walking", WEDNESDAY, "Added a reference."));
        // Read again: nothing listed twice.
        pages.apply(Articles.corrected("a1", 3, "walking", "Walking", WEDNESDAY, "Added a reference."));

        assertThat(pages.findBySlug("walking")).hasValueSatisfying(page -> {
            assertThat(page.article().revision()).isEqualTo(3);
            assertThat(page.article().correction()).isEqualTo("Added a reference.");
            assertThat(page.firstPublishedAt()).isEqualTo(MONDAY);
            assertThat(page.corrections())
                    .extracting(Correction::revision, Correction::note, Correction::correctedAt)
                    .containsExactly(tuple(2, "Fixed the dose.", TUESDAY), tuple(3, "Added a reference.", WEDNESDAY));
            assertThat(page.latestCorrection()).map(Correction::note).hasValue("Added a reference.");
        });
        assertThat(pages.newestFirst(10))
                .singleElement()
                .satisfies(page -> assertThat(page.corrections()).hasSize(2));
        assertThat(pages.findByArticle("a1"))
                .hasValueSatisfying(page -> assertThat(page.corrections()).hasSize(2));
    }

    @Test
    void aCorrectionOfAWithdrawnArticleIsNeitherServedNorListed() {
        pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
        pages.apply(Articles.withdrawn("a1", WithdrawalKind.RETRACTED, "walking", TUESDAY));

        assertThat(pages.apply(Articles.corrected("a1", 2, "walking", "Walking", WEDNESDAY, "Fixed.")))
                .isEqualTo(PageStore.Outcome.WITHDRAWN);
        assertThat(pages.findBySlug("walking")).hasValueSatisfying(page -> {
            assertThat(page.article().revision()).isEqualTo(1);
            assertThat(page.corrections()).isEmpty();
        });
    }

    @Test
    void lateOlderRevisionNeverReplacesANewerOne() {
        pages.apply(Articles.published("a1", 2, "walking", "Walking, revised", TUESDAY));

        assertThat(pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY)))
                .isEqualTo(PageStore.Outcome.SUPERSEDED);

        assertThat(pages.findBySlug("walking")).hasValueSatisfying(page -> {
            assertThat(page.article().revision()).isEqualTo(2);
            assertThat(page.firstPublishedAt()).isEqualTo(MONDAY);
        });
    }

    @Test
    void aRetractedArticleLeavesTheListsAndIsServedRetracted() {
        pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
        pages.apply(Articles.published("a2", 1, "sleep", "Sleep", TUESDAY));

        assertThat(pages.apply(Articles.withdrawn("a1", WithdrawalKind.RETRACTED, "walking", WEDNESDAY)))
                .isEqualTo(PageStore.Outcome.STORED);

        assertThat(pages.findBySlug("walking")).hasValueSatisfying(page -> {
            assertThat(page.retracted()).isTrue();
            assertThat(page.unpublished()).isFalse();
            assertThat(page.withdrawal().reason()).isEqualTo("The dose table was wrong");
            assertThat(page.article().title()).isEqualTo("Walking");
        });
        assertThat(pages.newestFirst(10))
                .extracting(page -> page.article().articleId())
                .containsExactly("a2");
        assertThat(pages.newestFirstWithRetracted(10))
                .extracting(page -> page.article().articleId())
                .containsExactly("a2", "a1");
    }

    @Test
    void aTakedownGoesFurtherThanARetractionAndNothingUndoesIt() {
        pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
        pages.apply(Articles.withdrawn("a1", WithdrawalKind.RETRACTED, "walking", TUESDAY));

        assertThat(pages.apply(Articles.withdrawn("a1", WithdrawalKind.UNPUBLISHED, "walking", WEDNESDAY)))
                .isEqualTo(PageStore.Outcome.STORED);
        assertThat(pages.apply(Articles.withdrawn("a1", WithdrawalKind.RETRACTED, "walking", WEDNESDAY.plusSeconds(1))))
                .isEqualTo(PageStore.Outcome.WITHDRAWN);

        assertThat(pages.findBySlug("walking"))
                .hasValueSatisfying(page -> assertThat(page.unpublished()).isTrue());
        assertThat(pages.newestFirstWithRetracted(10)).isEmpty();
        assertThat(pages.withdrawnNewestFirst(10)).singleElement().satisfies(withdrawn -> {
            assertThat(withdrawn.kind()).isEqualTo(WithdrawalKind.UNPUBLISHED);
            assertThat(withdrawn.title()).isNull();
        });
    }

    @Test
    void aPublicationReadAfterItsArticlesWithdrawalIsNotServed() {
        pages.apply(Articles.withdrawn("a1", WithdrawalKind.RETRACTED, "walking", MONDAY));

        assertThat(pages.apply(Articles.published("a1", 2, "walking", "Walking again", TUESDAY)))
                .isEqualTo(PageStore.Outcome.WITHDRAWN);
        assertThat(pages.findBySlug("walking")).isEmpty();
        assertThat(pages.newestFirst(10)).isEmpty();
    }

    @Test
    void withdrawalsAreListedLatestDecisionFirst() {
        pages.apply(Articles.withdrawn("a1", WithdrawalKind.RETRACTED, "walking", MONDAY));
        pages.apply(Articles.withdrawn("a2", WithdrawalKind.UNPUBLISHED, "sleep", WEDNESDAY));
        pages.apply(Articles.withdrawn("a3", WithdrawalKind.RETRACTED, "zinc", TUESDAY));

        assertThat(pages.withdrawnNewestFirst(2))
                .extracting(WithdrawnArticle::articleId)
                .containsExactly("a2", "a3");
    }

    @Test
    void replayedEventChangesNothing() {
        PublishedArticle first = Articles.published("a1", 1, "walking", "Walking", MONDAY);
        pages.apply(first);

        assertThat(pages.apply(first)).isEqualTo(PageStore.Outcome.DUPLICATE);
        assertThat(pages.newestFirst(10)).hasSize(1);
    }

    @Test
    void feedOrderIsNewestPublicationFirst() {
        pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
        pages.apply(Articles.published("a2", 1, "sleep", "Sleep", WEDNESDAY));
        pages.apply(Articles.published("a3", 1, "magnesium", "Magnesium", TUESDAY));
        pages.apply(Articles.published("a1", 2, "walking", "Walking, revised", WEDNESDAY.plusSeconds(60)));

        assertThat(pages.newestFirst(10))
                .extracting(page -> page.article().articleId())
                .containsExactly("a1", "a2", "a3");
        assertThat(pages.newestFirst(2)).hasSize(2);
    }

    @Test
    void keysetPagesWalkTheFeedOrderBothWaysThroughEqualTimes() {
        pages.apply(Articles.published("a1", 1, "one", "One", MONDAY));
        pages.apply(Articles.published("a2", 1, "two", "Two", TUESDAY));
        pages.apply(Articles.published("a3", 1, "three", "Three", TUESDAY));
        pages.apply(Articles.published("a4", 1, "four", "Four", WEDNESDAY));
        // Newest first: a4, a2, a3 (same time: by article id), a1.
        PageStore.Position atA2 = new PageStore.Position(TUESDAY, "a2");

        assertThat(pages.olderThan(atA2, 10))
                .extracting(page -> page.article().articleId())
                .containsExactly("a3", "a1");
        assertThat(pages.olderThan(atA2, 1))
                .extracting(page -> page.article().articleId())
                .containsExactly("a3");
        assertThat(pages.newerThan(new PageStore.Position(TUESDAY, "a3"), 10))
                .extracting(page -> page.article().articleId())
                .containsExactly("a4", "a2");
        assertThat(pages.newerThan(new PageStore.Position(MONDAY, "a1"), 2))
                .as("the nearest ones, newest first")
                .extracting(page -> page.article().articleId())
                .containsExactly("a2", "a3");
        assertThat(pages.olderThan(new PageStore.Position(MONDAY, "a1"), 10)).isEmpty();
        assertThat(pages.count()).isEqualTo(4);
        assertThat(pages.inArticleIdOrder(1, 2))
                .extracting(page -> page.article().articleId())
                .containsExactly("a2", "a3");
        assertThat(pages.deletedEntries(10)).isEmpty();
    }

    @Test
    void unknownSlugFindsNothing() {
        assertThat(pages.findBySlug("nothing-here")).isEmpty();
    }

    @Test
    void newSlugOfARevisionMovesThePage() {
        pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
        pages.apply(Articles.published("a1", 2, "walking-daily", "Walking daily", TUESDAY));

        assertThat(pages.findBySlug("walking")).isEmpty();
        assertThat(pages.findBySlug("walking-daily")).isPresent();
    }

    @Test
    void slugOfAnotherArticleNeverTakesOverItsPage() {
        pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));

        assertThat(pages.apply(Articles.published("a2", 1, "walking", "Impostor", TUESDAY)))
                .isEqualTo(PageStore.Outcome.SLUG_TAKEN);

        assertThat(pages.findBySlug("walking"))
                .hasValueSatisfying(
                        page -> assertThat(page.article().articleId()).isEqualTo("a1"));
        assertThat(pages.newestFirst(10))
                .extracting(page -> page.article().articleId())
                .containsExactly("a1");
    }

    @Test
    void revisionMovingOntoAnotherArticlesSlugKeepsBothPagesAsTheyWere() {
        pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
        pages.apply(Articles.published("a2", 1, "sleep", "Sleep", MONDAY));

        assertThat(pages.apply(Articles.published("a2", 2, "walking", "Sleep, revised", TUESDAY)))
                .isEqualTo(PageStore.Outcome.SLUG_TAKEN);

        assertThat(pages.findBySlug("walking"))
                .hasValueSatisfying(
                        page -> assertThat(page.article().articleId()).isEqualTo("a1"));
        assertThat(pages.findBySlug("sleep"))
                .hasValueSatisfying(
                        page -> assertThat(page.article().revision()).isEqualTo(1));
    }

    @Test
    void slugLeftByItsArticleMayBeTakenByAnother() {
        pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
        pages.apply(Articles.published("a1", 2, "walking-daily", "Walking daily", TUESDAY));

        assertThat(pages.apply(Articles.published("a2", 1, "walking", "Walking, another", WEDNESDAY)))
                .isEqualTo(PageStore.Outcome.STORED);
        assertThat(pages.findBySlug("walking"))
                .hasValueSatisfying(
                        page -> assertThat(page.article().articleId()).isEqualTo("a2"));
        assertThat(pages.findBySlug("walking-daily"))
                .hasValueSatisfying(
                        page -> assertThat(page.article().articleId()).isEqualTo("a1"));
    }
}
