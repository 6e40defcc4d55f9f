package org.vetted.review.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vetted.review.web.pages.WordDiff.Kind;
import org.vetted.review.web.pages.WordDiff.Segment;

class WordDiffTest {

    private static Segment same(String text) {
        return new Segment(Kind.UNCHANGED, text);
    }

    private static Segment added(String text) {
        return new Segment(Kind.ADDED, text);
    }

    private static Segment removed(String text) {
        return new Segment(Kind.REMOVED, text);
    }

    /** The unchanged and removed runs spell the old text, the unchanged and added runs the new one. */
    private static void assertSpells(WordDiff diff, String before, String after) {
        assertThat(spelled(diff, Kind.REMOVED)).isEqualTo(before);
        assertThat(spelled(diff, Kind.ADDED)).isEqualTo(after);
    }

    private static String spelled(WordDiff diff, Kind side) {
        return diff.segments().stream()
                .filter(segment -> segment.kind() == Kind.UNCHANGED || segment.kind() == side)
                .map(Segment::text)
                .collect(Collectors.joining());
    }

    @Test
    void theSameTextIsOneUnchangedRun() {
        WordDiff diff = WordDiff.between("Ginger may ease nausea.", "Ginger may ease nausea.");

        assertThat(diff.segments()).containsExactly(same("Ginger may ease nausea."));
        assertThat(diff.changed()).isFalse();
    }

    @Test
    void aWordAdded() {
        assertThat(WordDiff.between("Ginger may ease nausea.", "Ginger may slightly ease nausea.")
                        .segments())
                .containsExactly(same("Ginger may "), added("slightly "), same("ease nausea."));
    }

    @Test
    void aWordRemoved() {
        assertThat(WordDiff.between("Ginger may really ease nausea.", "Ginger may ease nausea.")
                        .segments())
                .containsExactly(same("Ginger may "), removed("really "), same("ease nausea."));
    }

    @Test
    void aWordReplacedKeepsThePunctuationAroundIt() {
        assertThat(WordDiff.between("It may reduce knee pain.", "It may reduce knee stiffness.")
                        .segments())
                .containsExactly(same("It may reduce knee "), removed("pain"), added("stiffness"), same("."));
    }

    @Test
    void punctuationAloneCanChange() {
        assertThat(WordDiff.between("Take 1 g a day.", "Take 1 g a day!").segments())
                .containsExactly(same("Take 1 g a day"), removed("."), added("!"));
    }

    @Test
    void curlyQuotesAreTheirOwnTokensAndApostrophesStayInTheWord() {
        WordDiff diff = WordDiff.between(
                "“Ginger helps,” she says. It doesn’t hurt.", "“Ginger often helps,” she says. It won’t hurt.");

        assertThat(diff.segments())
                .containsExactly(
                        same("“Ginger "),
                        added("often "),
                        same("helps,” she says. It "),
                        removed("doesn’t"),
                        added("won’t"),
                        same(" hurt."));
        assertThat(WordDiff.tokens("“don’t”")).containsExactly("“", "don’t", "”");
    }

    @Test
    void aRewrittenPhraseIsOneRemovalAndOneAddition() {
        assertThat(WordDiff.between("Trials used one gram daily.", "Trials used 1,000 mg a day.")
                        .segments())
                .containsExactly(same("Trials used "), removed("one gram daily"), added("1,000 mg a day"), same("."));
    }

    @Test
    void lineBreaksAndNonBreakingSpacesAreKept() {
        String before = "## How Much?\n\nTrials used 1\u00a0g a day.\n";
        String after = "## How Much?\n\nTrials used 2\u00a0g a day.\n\nWith food.\n";

        WordDiff diff = WordDiff.between(before, after);

        assertSpells(diff, before, after);
        assertThat(diff.segments()).contains(removed("1"), added("2"));
        assertThat(diff.segments())
                .as("the added paragraph is whole, its full stop included")
                .anySatisfy(segment -> assertThat(segment).isIn(added("\n\nWith food."), added("\nWith food.\n")));
    }

    @Test
    void nullIsTheEmptyText() {
        assertThat(WordDiff.between(null, "A summary.").segments()).containsExactly(added("A summary."));
        assertThat(WordDiff.between("A summary.", null).segments()).containsExactly(removed("A summary."));
        assertThat(WordDiff.between(null, null).changed()).isFalse();
    }

    @Test
    void unicodeBeyondTheBasicPlaneIsNotSplit() {
        WordDiff diff = WordDiff.between("Stay calm 😀 and 𝒳 rest.", "Stay calm 😀 and 𝒴 rest.");

        assertThat(diff.segments())
                .containsExactly(same("Stay calm 😀 and "), removed("𝒳"), added("𝒴"), same(" rest."));
    }

    @Test
    void aLongBodyWithManyChangesStillSpellsBothTexts() {
        String before = body(new Random(1), 100_000, null);
        String after = body(new Random(1), 100_000, new Random(2));

        WordDiff diff = WordDiff.between(before, after);

        assertThat(diff.tooDifferent()).isFalse();
        assertSpells(diff, before, after);
        assertThat(diff.segments())
                .filteredOn(segment -> segment.kind() == Kind.ADDED)
                .hasSizeGreaterThan(500);
    }

    @Test
    void textsTooDifferentEvenLineByLineFallBackWithoutRuns() {
        String before = "a\n".repeat(60_000);
        String after = "b\n".repeat(60_000);

        WordDiff diff = WordDiff.between(before, after);

        assertThat(diff.tooDifferent()).isTrue();
        assertThat(diff.changed()).isTrue();
        assertThat(diff.segments()).isEmpty();
    }

    @Test
    void aLongLineTooDifferentForTheBudgetIsShownRemovedAndAddedWhole() {
        String before = body(new Random(3), 100_000, null).replace('\n', ' ');
        String after = body(new Random(4), 100_000, null).replace('\n', ' ');

        WordDiff diff = WordDiff.between(before, after);

        assertThat(diff.tooDifferent()).isFalse();
        assertSpells(diff, before, after);
    }

    /**
     * About {@code size} characters of sentences in paragraphs of a few lines; with {@code edits}, about one word in
     * twenty is replaced, dropped or doubled.
     */
    static String body(Random words, int size, Random edits) {
        List<String> vocabulary = List.of(
                "ginger",
                "may",
                "ease",
                "nausea",
                "in",
                "early",
                "pregnancy",
                "trials",
                "used",
                "one",
                "gram",
                "a",
                "day",
                "split",
                "into",
                "doses",
                "“curcumin”",
                "doesn’t",
                "cure",
                "arthritis",
                "—",
                "but",
                "it",
                "might",
                "help",
                "1,000",
                "mg");
        StringBuilder body = new StringBuilder();
        int sentence = 0;
        while (body.length() < size) {
            String word = vocabulary.get(words.nextInt(vocabulary.size()));
            String separator = words.nextInt(12) == 0 ? ". " : " ";
            switch (edits == null ? 99 : edits.nextInt(60)) {
                case 0 -> body.append("changed").append(separator);
                case 1 -> {}
                case 2 -> body.append(word).append(' ').append(word).append(separator);
                default -> body.append(word).append(separator);
            }
            if (++sentence % 80 == 0) {
                body.append(sentence % 240 == 0 ? "\n\n" : "\n");
            }
        }
        return body.toString();
    }
}
