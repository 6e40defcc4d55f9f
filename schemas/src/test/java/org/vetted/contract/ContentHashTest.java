package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetted.contract.ContentHash.Credit;
import org.vetted.contract.ContentHash.Reviewed;

class ContentHashTest {
    private static final Reviewed APPROVED = new Reviewed(
            "magnesium-and-sleep",
            "Magnesium and sleep",
            "Short",
            "Magnesium may help sleep.\n",
            List.of("sleep", "supplements"),
            List.of(new Credit("wanda", "Wanda Writer"), new Credit("external:noah-kass", "Noah Kass")));

    @Test
    void isStableAcrossLineEndingsAndUnicodeNormalisation() {
        Reviewed decomposed = with(c -> new Reviewed(
                c.slug(), c.title(), c.summary(), "Cafe\u0301 culture\r\nand sleep", c.tags(), c.authors()));
        Reviewed composed = with(c ->
                new Reviewed(c.slug(), c.title(), c.summary(), "Caf\u00e9 culture\nand sleep", c.tags(), c.authors()));
        assertThat(ContentHash.of(decomposed)).isEqualTo(ContentHash.of(composed));
    }

    static Stream<Arguments> everyFieldThatGoesLive() {
        return Stream.of(
                Arguments.of("slug", (UnaryOperator<Reviewed>) c -> new Reviewed(
                        "magnesium-cures-anxiety", c.title(), c.summary(), c.bodyMarkdown(), c.tags(), c.authors())),
                Arguments.of("title", (UnaryOperator<Reviewed>) c -> new Reviewed(
                        c.slug(), "Magnesium and Sleep", c.summary(), c.bodyMarkdown(), c.tags(), c.authors())),
                Arguments.of("summary", (UnaryOperator<Reviewed>)
                        c -> new Reviewed(c.slug(), c.title(), "Shorter", c.bodyMarkdown(), c.tags(), c.authors())),
                Arguments.of("body", (UnaryOperator<Reviewed>) c -> new Reviewed(
                        c.slug(), c.title(), c.summary(), "Magnesium will help sleep.\n", c.tags(), c.authors())),
                Arguments.of("a tag", (UnaryOperator<Reviewed>) c -> new Reviewed(
                        c.slug(), c.title(), c.summary(), c.bodyMarkdown(), List.of("sleep", "cure"), c.authors())),
                Arguments.of("tag order", (UnaryOperator<Reviewed>) c -> new Reviewed(
                        c.slug(),
                        c.title(),
                        c.summary(),
                        c.bodyMarkdown(),
                        List.of("supplements", "sleep"),
                        c.authors())),
                Arguments.of("an author's display name", (UnaryOperator<Reviewed>) c -> new Reviewed(
                        c.slug(),
                        c.title(),
                        c.summary(),
                        c.bodyMarkdown(),
                        c.tags(),
                        List.of(
                                new Credit("wanda", "Wanda Writer"),
                                new Credit("external:noah-kass", "Dr. Noah Kass")))),
                Arguments.of("an author's login", (UnaryOperator<Reviewed>) c -> new Reviewed(
                        c.slug(),
                        c.title(),
                        c.summary(),
                        c.bodyMarkdown(),
                        c.tags(),
                        List.of(
                                new Credit("walter", "Wanda Writer"),
                                c.authors().get(1)))),
                Arguments.of("an author more", (UnaryOperator<Reviewed>) c -> new Reviewed(
                        c.slug(),
                        c.title(),
                        c.summary(),
                        c.bodyMarkdown(),
                        c.tags(),
                        List.of(c.authors().get(0)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFieldThatGoesLive")
    void changesWhenAnyFieldThatGoesLiveChanges(String field, UnaryOperator<Reviewed> change) {
        assertThat(ContentHash.of(change.apply(APPROVED))).isNotEqualTo(ContentHash.of(APPROVED));
    }

    @Test
    void textCannotMoveBetweenFieldsWithoutChangingTheHash() {
        Reviewed one = new Reviewed("s", "Title A", null, "B", List.of("x"), List.of());
        Reviewed other = new Reviewed("s", "Title", null, "A\nB", List.of("x"), List.of());
        assertThat(ContentHash.of(one)).isNotEqualTo(ContentHash.of(other));
        assertThat(ContentHash.of(new Reviewed("s", "T", "", "B", List.of("a", "b"), List.of())))
                .isNotEqualTo(ContentHash.of(new Reviewed("s", "T", "", "B", List.of("a\n2:b"), List.of())));
        assertThat(ContentHash.of(new Reviewed("s", "T", "", "B", null, null)))
                .isEqualTo(ContentHash.of(new Reviewed("s", "T", null, "B", List.of(), List.of())));
    }

    @Test
    void matchesOnlyTheExactContent() {
        String hash = ContentHash.of(APPROVED);
        assertThat(ContentHash.matches(hash, APPROVED)).isTrue();
        assertThat(ContentHash.matches(
                        hash,
                        with(c -> new Reviewed(
                                c.slug(), c.title(), c.summary(), c.bodyMarkdown() + " ", c.tags(), c.authors()))))
                .isFalse();
        assertThat(ContentHash.matches(null, APPROVED)).isFalse();
        assertThat(hash).startsWith("sha256v2:").hasSize(9 + 64);
    }

    /** Computed by the release before corrections and embargoes existed: a revision with neither hashes the same. */
    @Test
    void withoutCorrectionOrEmbargoTheHashIsTheOneMadeBefore() {
        String before = "sha256v2:76c950701574383099af2af66f5da52cb2ff2962defb4079f985aca6690af3f2";
        assertThat(ContentHash.of(APPROVED)).isEqualTo(before);
        assertThat(ContentHash.of(new Reviewed(
                        APPROVED.slug(),
                        APPROVED.title(),
                        APPROVED.summary(),
                        APPROVED.bodyMarkdown(),
                        APPROVED.tags(),
                        APPROVED.authors(),
                        null,
                        null)))
                .isEqualTo(before);
    }

    @Test
    void aCorrectionNoteOrAnEmbargoTimeIsPartOfWhatIsApproved() {
        Instant at = Instant.parse("2026-12-08T09:00:00Z");
        String plain = ContentHash.of(APPROVED);
        String corrected = ContentHash.of(withExtras("Dose corrected to 200 mg.", null));
        String embargoed = ContentHash.of(withExtras(null, at));
        String both = ContentHash.of(withExtras("Dose corrected to 200 mg.", at));
        assertThat(List.of(plain, corrected, embargoed, both)).doesNotHaveDuplicates();
        assertThat(ContentHash.of(withExtras("Dose corrected to 250 mg.", null)))
                .isNotEqualTo(corrected);
        assertThat(ContentHash.of(withExtras(null, at.plusMillis(1)))).isNotEqualTo(embargoed);
        assertThat(ContentHash.of(withExtras("", null))).isNotEqualTo(plain);
        assertThat(ContentHash.matches(corrected, withExtras("Dose corrected to 200 mg.", null)))
                .isTrue();
    }

    @Test
    void noTextMovesBetweenTheAuthorsTheNoteAndTheEmbargo() {
        // The last author's name swallowing the note's tag and text would hash the same without tags and lengths.
        Reviewed noted =
                new Reviewed("s", "T", "", "B", List.of(), List.of(new Credit("a", "Ann")), "correction", null);
        Reviewed inName =
                new Reviewed("s", "T", "", "B", List.of(), List.of(new Credit("a", "Ann\n10:correction")), null, null);
        assertThat(ContentHash.of(noted)).isNotEqualTo(ContentHash.of(inName));
        // A note that reads like the embargo's tag and value is not an embargo.
        Instant at = Instant.ofEpochMilli(1_800_000_000_000L);
        Reviewed embargoed = new Reviewed("s", "T", "", "B", List.of(), List.of(), null, at);
        Reviewed noteLikeEmbargo = new Reviewed("s", "T", "", "B", List.of(), List.of(), "publishAt", null);
        Reviewed noteWithEmbargoText =
                new Reviewed("s", "T", "", "B", List.of(), List.of(), "x\n9:publishAt\n13:1800000000000", null);
        assertThat(List.of(
                        ContentHash.of(embargoed),
                        ContentHash.of(noteLikeEmbargo),
                        ContentHash.of(noteWithEmbargoText),
                        ContentHash.of(new Reviewed("s", "T", "", "B", List.of(), List.of(), "x", at))))
                .doesNotHaveDuplicates();
        // Body text that looks like a note does not make one.
        assertThat(ContentHash.of(new Reviewed("s", "T", "", "B\n10:correction\n4:note", List.of(), List.of())))
                .isNotEqualTo(ContentHash.of(new Reviewed("s", "T", "", "B", List.of(), List.of(), "note", null)));
    }

    private static Reviewed withExtras(String correction, Instant publishAt) {
        return new Reviewed(
                APPROVED.slug(),
                APPROVED.title(),
                APPROVED.summary(),
                APPROVED.bodyMarkdown(),
                APPROVED.tags(),
                APPROVED.authors(),
                correction,
                publishAt);
    }

    private static Reviewed with(UnaryOperator<Reviewed> change) {
        return change.apply(APPROVED);
    }
}
