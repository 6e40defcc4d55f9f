package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vetted.contract.ContentHash;
import org.vetted.intake.app.InMemoryArticleRegistry;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.articles.ArticleStatus;

/** The correction note and the embargo: read from front matter or the form, judged, hashed, refused where wrong. */
class CorrectionAndEmbargoTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private final DraftIntake intake = Intakes.intake().withClock(Clock.fixed(NOW, ZoneOffset.UTC));
    private final InMemoryArticleRegistry registry = new InMemoryArticleRegistry();

    @Test
    void aCorrectionOfAPublishedArticleIsReadHashedAndKept() {
        published("a-1");
        Draft draft = accepted(revise("a-1", "---\ncorrection: \"The dose is 200 mg, not 2000 mg.\"\n---\n"));

        assertThat(draft.correction()).isEqualTo("The dose is 200 mg, not 2000 mg.");
        assertThat(draft.publishAt()).isNull();
        assertThat(draft.contentHash())
                .isEqualTo(ContentHash.of(new ContentHash.Reviewed(
                        draft.slug(),
                        draft.title(),
                        draft.summary(),
                        draft.bodyMarkdown(),
                        draft.tags(),
                        draft.authors().stream()
                                .map(a -> new ContentHash.Credit(a.username(), a.displayName()))
                                .toList(),
                        "The dose is 200 mg, not 2000 mg.",
                        null)))
                .isNotEqualTo(accepted(revise("a-1", "")).contentHash());
    }

    @Test
    void theFormsFieldCountsAsFrontMatterAndTheTwoMustAgree() {
        published("a-2");
        Draft fromForm = accepted(intake.evaluate(
                new Submission(
                        DraftFormat.PLAIN_TEXT, "Sleep\nSleep helps.\n", Intakes.WANDA, "a-2", "  Fixed a typo. ", ""),
                registry,
                "x"));
        assertThat(fromForm.correction()).isEqualTo("Fixed a typo.");

        assertThat(errors(intake.evaluate(
                        new Submission(
                                DraftFormat.MARKDOWN,
                                "---\ncorrection: One thing\n---\n# Sleep\nSleep helps.\n",
                                Intakes.WANDA,
                                "a-2",
                                "Another thing",
                                null),
                        registry,
                        "x")))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("correction"));
    }

    @Test
    void aCorrectionOfAnArticleNeverPublishedIsRefused() {
        record("a-3", 1);
        registry.apply(status("a-3", 1, ArticleStatus.APPROVED));

        assertThat(errors(revise("a-3", "---\ncorrection: Fixed the dose.\n---\n")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("correction");
                    assertThat(e.reason()).contains("never published");
                });
        assertThat(errors(intake.evaluate(
                        new Submission(
                                DraftFormat.MARKDOWN,
                                "---\ncorrection: Fixed.\n---\n# New\nText.\n",
                                Intakes.WANDA,
                                null),
                        registry,
                        "new")))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("correction"));
    }

    @Test
    void aRevisionAfterThePublishedOneMayStillCorrectIt() {
        published("a-4");
        record("a-4", 2); // a later revision in review: the article was published all the same

        assertThat(accepted(revise("a-4", "---\ncorrection: Clarified the dose.\n---\n"))
                        .correction())
                .isEqualTo("Clarified the dose.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"\\u200B\\u200C\\u2060\"", // zero-width spaces and a word joiner, as YAML escapes
                "\"\\u00AD \\uFEFF\"", // a soft hyphen and a BOM
                "\"\\u3000\\u00A0\"", // ideographic and no-break spaces
                "\"\\u180E\\u034F\"", // Mongolian vowel separator, combining grapheme joiner
                "\"\\u202E\\u202C\"", // bidi override and pop
            })
    void aNoteOfInvisibleCharactersOnlyIsBlank(String yamlValue) {
        published("a-5");
        assertThat(errors(revise("a-5", "---\ncorrection: " + yamlValue + "\n---\n")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.field()).isEqualTo("correction");
                    assertThat(e.reason()).contains("must not be blank");
                });
    }

    @Test
    void aNoteIsJudgedInTheNormalFormEveryTextIsIn() {
        published("a-6");
        // Cyrillic letters passing as Latin ones are refused, naming the field: mixed in a word, or a whole look-alike.
        for (String lookalike : List.of("Fixed the d\\u043Ese", "Fixed the \\u0441\\u043E\\u0441\\u043E\\u0430 dose")) {
            assertThat(errors(revise("a-6", "---\ncorrection: \"" + lookalike + "\"\n---\n")))
                    .singleElement()
                    .satisfies(e -> assertThat(e.field()).isEqualTo("correction"));
        }
        // Invisible characters inside are removed, full-width letters folded: the hash sees the plain text.
        Draft hidden = accepted(revise("a-6", "---\ncorrection: \"Fixed\\u200B the \\uFF44ose.\"\n---\n"));
        assertThat(hidden.correction()).isEqualTo("Fixed the dose.");
        assertThat(errors(revise(
                        "a-6", "---\ncorrection: \"" + "x".repeat(LifecycleFields.CORRECTION_MAX + 1) + "\"\n---\n")))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("at most"));
        assertThat(errors(revise("a-6", "---\ncorrection: [a, b]\n---\n")))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("correction"));
    }

    @Test
    void anEmbargoIsAnInstantWithAnOffsetInTheNearFuture() {
        Draft draft = accepted(intake.evaluate(
                new Submission(
                        DraftFormat.MARKDOWN,
                        "---\npublishAt: 2026-12-08T09:00:00.123456+01:00\n---\n# Sleep\nSleep helps.\n",
                        Intakes.WANDA,
                        null),
                registry,
                "e-1"));
        assertThat(draft.publishAt()).isEqualTo(Instant.parse("2026-12-08T08:00:00.123Z"));
        assertThat(draft.contentHash())
                .isNotEqualTo(accepted(intake.evaluate(
                                new Submission(DraftFormat.MARKDOWN, "# Sleep\nSleep helps.\n", Intakes.WANDA, null),
                                registry,
                                "e-2"))
                        .contentHash());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-12-08T09:00:00", // no offset
                "2026-12-08", // a date alone
                "tomorrow",
                "2026-12-08T09:00:00+01:00[Europe/Paris]x",
                "２０２６-12-08T09:00:00Z", // full-width digits
                "2026-12-07T09:59:59Z", // the past
                "2026-12-07T10:00:00Z", // now is not later
                "2028-01-01T00:00:00Z", // absurdly far ahead
            })
    void aBadEmbargoIsRefusedNamingTheField(String publishAt) {
        assertThat(errors(intake.evaluate(
                        new Submission(
                                DraftFormat.PLAIN_TEXT, "Sleep\nSleep helps.\n", Intakes.WANDA, null, null, publishAt),
                        registry,
                        "e-3")))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("publishAt"));
    }

    private IntakeResult revise(String articleId, String frontMatter) {
        return intake.evaluate(
                new Submission(
                        DraftFormat.MARKDOWN, frontMatter + "# Sleep\nSleep helps memory.\n", Intakes.WANDA, articleId),
                registry,
                "ignored");
    }

    private void published(String articleId) {
        record(articleId, 1);
        registry.apply(status(articleId, 1, ArticleStatus.PUBLISHED));
    }

    private void record(String articleId, int revision) {
        registry.apply(new ArticleEvent.DraftRecorded(
                "ev-" + articleId + "-" + revision,
                articleId,
                revision,
                Instant.EPOCH,
                "sleep",
                "Sleep",
                null,
                List.of(),
                "Sleep helps memory.\n",
                List.of(),
                "sha256v2:x",
                List.of(Intakes.WANDA.asAuthor()),
                "wanda",
                ""));
    }

    private static ArticleEvent.StatusChanged status(String articleId, int revision, ArticleStatus status) {
        return new ArticleEvent.StatusChanged(
                "st-" + articleId + "-" + revision + status,
                articleId,
                revision,
                Instant.EPOCH,
                status.name(),
                status,
                "distribution",
                "");
    }

    private static Draft accepted(IntakeResult result) {
        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        return ((IntakeResult.Accepted) result).draft();
    }

    private static List<FieldError> errors(IntakeResult result) {
        assertThat(result).isInstanceOf(IntakeResult.Invalid.class);
        return ((IntakeResult.Invalid) result).errors();
    }
}
