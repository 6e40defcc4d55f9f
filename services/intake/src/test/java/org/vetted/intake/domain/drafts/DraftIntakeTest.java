package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.intake.app.InMemoryArticleRegistry;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.articles.RejectedArticles;
import org.vetted.intake.domain.claims.Claim;

class DraftIntakeTest {
    private final DraftIntake intake = Intakes.intake();
    private final InMemoryArticleRegistry registry = new InMemoryArticleRegistry();

    @Test
    void aDraftThatRenderingCouldNotPublishIsRefusedAtSubmission() {
        // Paragraphs within the paragraph limit, each a run of references to one footnote: about forty-fold in HTML.
        String footnotes = "# Notes\n\n" + ("[^1]".repeat(1_000) + "\n\n").repeat(24) + "[^1]: A note.\n";

        IntakeResult result = intake.evaluate(
                new Submission(DraftFormat.MARKDOWN, footnotes, Intakes.WANDA, null), registry, "a-big");

        assertThat(result).isInstanceOf(IntakeResult.Invalid.class);
        assertThat(((IntakeResult.Invalid) result).errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.reason()).contains("bytes of HTML").contains("at most");
        });
    }

    @Test
    void slugIsAsciiWithoutDiacriticsAndUniqueAmongKnownArticles() {
        Draft first = accept(
                submit("Café Crème: Is Coffee Bad for Your Heart?\nCoffee may raise blood pressure.\n", "a-1"), "a-1");
        record(first);
        Draft second = accept(submit("Café Crème: Is Coffee Bad for Your Heart?\nAnother take.\n", "a-2"), "a-2");

        assertThat(first.slug()).isEqualTo("cafe-creme-is-coffee-bad-for-your-heart");
        assertThat(second.slug()).isEqualTo("cafe-creme-is-coffee-bad-for-your-heart-2");
        assertThat(DraftIntake.uniqueSlug("x".repeat(120), registry)).hasSize(80);
    }

    @Test
    void aNewRevisionKeepsSlugAndAuthorsAndCountsUp() {
        Draft first = accept(submit("Sleep Basics\nSleep helps memory.\n", "a-9"), "a-9");
        record(first);
        Draft next = accept(intake.evaluate(
                new Submission(
                        DraftFormat.MARKDOWN,
                        "---\ntitle: Sleep Basics, Revised\nauthors: [walter, Dr. Lena Ortiz]\n---\nSleep helps memory.\n",
                        Intakes.EDDIE,
                        "a-9"),
                registry,
                "ignored"));

        assertThat(next.articleId()).isEqualTo("a-9");
        assertThat(next.revision()).isEqualTo(2);
        assertThat(next.slug()).isEqualTo("sleep-basics");
        assertThat(next.authors())
                .containsExactly(
                        new Author("wanda", "Wanda Writer"),
                        new Author("eddie", "Eddie Editor"),
                        new Author("walter", "Walter Webb"),
                        new Author("external:dr-lena-ortiz", "Dr. Lena Ortiz"));
        assertThat(next.claims())
                .extracting(Claim::id)
                .containsExactlyElementsOf(
                        first.claims().stream().map(Claim::id).toList());
    }

    @Test
    void onlyAnAuthorOrAnEditorMaySubmitARevision() {
        record(accept(submit("Sleep Basics\nSleep helps memory.\n", "a-3"), "a-3"));

        assertThat(intake.evaluate(
                        new Submission(DraftFormat.PLAIN_TEXT, "T\nB.\n", Intakes.WALTER, "a-3"), registry, "x"))
                .isEqualTo(new IntakeResult.NotAnAuthor("a-3", "walter"));
        assertThat(submit("T\nB.\n", "nope")).isEqualTo(new IntakeResult.UnknownArticle("nope"));
    }

    @Test
    void aRejectedArticleIsClosedWhenRejectionsAreFinalAndOpenWhenTheyAreRevisable() {
        Draft first = accept(submit("Sleep Basics\nSleep helps memory.\n", "a-5"), "a-5");
        record(first);
        registry.apply(new ArticleEvent.Returned(
                "ev-a-5-rejected", "a-5", 1, Instant.EPOCH, true, List.of(), "rita", "Dr. Rita Reyes", "Unsupported."));
        Submission revision =
                new Submission(DraftFormat.PLAIN_TEXT, "Sleep Basics\nSleep may help.\n", Intakes.WANDA, "a-5");
        DraftIntake closing = Intakes.intake(RejectedArticles.FINAL);

        assertThat(closing.evaluate(revision, registry, "x")).isEqualTo(new IntakeResult.RejectedForGood("a-5"));
        assertThat(closing.mayRevise(revision, registry)).contains(new IntakeResult.RejectedForGood("a-5"));
        assertThat(accept(intake.evaluate(revision, registry, "x"), "a-5").revision())
                .isEqualTo(2);
    }

    @Test
    void changesRequestedNeverCloseAnArticle() {
        record(accept(submit("Sleep Basics\nSleep helps memory.\n", "a-6"), "a-6"));
        registry.apply(new ArticleEvent.Returned(
                "ev-a-6-returned", "a-6", 1, Instant.EPOCH, false, List.of(), "rita", "Dr. Rita Reyes", "Cite."));

        assertThat(Intakes.intake(RejectedArticles.FINAL)
                        .mayRevise(new Submission(DraftFormat.PLAIN_TEXT, "T\nB.\n", Intakes.WANDA, "a-6"), registry))
                .isEmpty();
        assertThat(RejectedArticles.of(" Final ")).isEqualTo(RejectedArticles.FINAL);
    }

    @Test
    void contentHashBindsTitleSummaryAndBody() {
        Draft draft = accept(intake.evaluate(
                new Submission(DraftFormat.MARKDOWN, "---\ntitle: T\nsummary: S\n---\nBody.\n", Intakes.WANDA, null),
                registry,
                "a-4"));

        assertThat(draft.contentHash())
                .isEqualTo(org.vetted.contract.ContentHash.of(new org.vetted.contract.ContentHash.Reviewed(
                        draft.slug(),
                        "T",
                        "S",
                        "Body.\n",
                        List.of(),
                        List.of(new org.vetted.contract.ContentHash.Credit(
                                "wanda", draft.authors().get(0).displayName())))));
    }

    /** A plain-text draft by wanda: a new article with id {@code id}, or a revision when {@code id} is known. */
    private IntakeResult submit(String text, String id) {
        Submission submission = new Submission(
                DraftFormat.PLAIN_TEXT,
                text,
                Intakes.WANDA,
                registry.find(id).isPresent() || "nope".equals(id) ? id : null);
        return intake.evaluate(submission, registry, id);
    }

    private static Draft accept(IntakeResult result) {
        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        return ((IntakeResult.Accepted) result).draft();
    }

    private Draft accept(IntakeResult result, String expectedId) {
        Draft draft = accept(result);
        assertThat(draft.articleId()).isEqualTo(expectedId);
        return draft;
    }

    private void record(Draft draft) {
        registry.apply(new ArticleEvent.DraftRecorded(
                "ev-" + draft.articleId() + "-" + draft.revision(),
                draft.articleId(),
                draft.revision(),
                Instant.EPOCH,
                draft.slug(),
                draft.title(),
                draft.summary(),
                draft.tags(),
                draft.bodyMarkdown(),
                draft.claims(),
                draft.contentHash(),
                draft.authors(),
                "wanda",
                "test"));
    }

    @Test
    void eachAbsoluteClaimIsNamedInAWarningUpToALimit() {
        Reading one = intake.read(new Submission(
                DraftFormat.PLAIN_TEXT,
                "Title\nElderberry cures the flu.\nZinc may shorten a cold.\n",
                Intakes.WANDA,
                null));
        assertThat(((ReadDraft) one).warnings())
                .containsExactly("absolute claim (a cure, a guarantee, prevention, "
                        + "no side effects or a dose to take): \"Elderberry cures the flu.\"");

        StringBuilder many = new StringBuilder("Title\n");
        for (int i = 0; i < DraftIntake.ABSOLUTE_WARNINGS_MAX + 5; i++) {
            many.append("Remedy ").append(i).append(" cures the flu.\n");
        }
        Reading read = intake.read(new Submission(DraftFormat.PLAIN_TEXT, many.toString(), Intakes.WANDA, null));
        assertThat(((ReadDraft) read).warnings())
                .hasSize(DraftIntake.ABSOLUTE_WARNINGS_MAX + 1)
                .last()
                .isEqualTo("and 5 more absolute claims");
    }
}
