package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vetted.intake.app.InMemoryArticleRegistry;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.claims.SummaryWriter;

/** The revision form's starting text submits the same content again: the same hash, so nothing changes unasked. */
class RevisionTextTest {
    private final DraftIntake intake = Intakes.intake();
    private final InMemoryArticleRegistry registry = new InMemoryArticleRegistry();
    private final RevisionText revisionText = new RevisionText(new SummaryWriter());

    @Test
    void aPlainTextPasteWithDebrisAndCurlyQuotesComesBackAsTheSameContent() {
        Draft first = accept(new Submission(DraftFormat.PLAIN_TEXT, """
                Does Zinc Shorten a Cold?
                Zinc lozenges may shorten a cold by a day or two, \u201cif taken early,\u201d says Dr. Ana Ruiz, MD.
                How to Take It
                Adults usually take 75 mg a day \u2014 not more.
                Leave a Reply
                """, Intakes.WANDA, null), "a-1");

        assertThat(resubmitted(first).contentHash()).isEqualTo(first.contentHash());
    }

    @Test
    void frontMatterThatYamlMustQuoteAndAWritersSummaryAndTagsSurvive() {
        Draft first = accept(new Submission(DraftFormat.MARKDOWN, """
                ---
                title: "Sleep: what helps? #1 \u2018myths\u2019"
                summary: "Short: not the first paragraph - and it says so."
                tags: [sleep, "yes", "- dash"]
                ---
                Sleep helps memory.

                ## Naps
                A nap may help.
                """, Intakes.WANDA, null), "a-2");
        Draft again = resubmitted(first);

        assertThat(again.title()).isEqualTo("Sleep: what helps? #1 \u2018myths\u2019");
        assertThat(again.summary()).isEqualTo("Short: not the first paragraph - and it says so.");
        assertThat(again.tags()).isEqualTo(first.tags());
        assertThat(again.contentHash()).isEqualTo(first.contentHash());
    }

    @Test
    void aDerivedSummaryIsLeftOutSoItFollowsTheEditedFirstParagraph() {
        Draft first =
                accept(new Submission(DraftFormat.MARKDOWN, "# Naps\n\nA nap may help.\n", Intakes.WANDA, null), "a-3");

        String text = revisionText.of(first.title(), first.summary(), first.tags(), first.bodyMarkdown());

        assertThat(text).startsWith("---\ntitle: Naps\n---\n\n").doesNotContain("summary:");
    }

    private Draft resubmitted(Draft first) {
        String text = revisionText.of(first.title(), first.summary(), first.tags(), first.bodyMarkdown());
        return accept(new Submission(DraftFormat.MARKDOWN, text, Intakes.WANDA, first.articleId()), "ignored");
    }

    private Draft accept(Submission submission, String id) {
        IntakeResult result = intake.evaluate(submission, registry, id);
        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        Draft draft = ((IntakeResult.Accepted) result).draft();
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
        return draft;
    }
}
