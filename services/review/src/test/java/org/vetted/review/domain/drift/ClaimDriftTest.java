package org.vetted.review.domain.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetted.review.domain.Drafts;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.EarlierReviews;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.draft.ClaimText;
import org.vetted.review.domain.drift.ClaimDrift.Drift;
import org.vetted.review.domain.drift.ClaimDrift.Kind;

/** Golden pairs: an earlier claim, the claim now, and what the reviewer is told. */
class ClaimDriftTest {
    private static final String SECTION = "Does It Help?";

    static Stream<Arguments> changes() {
        return Stream.of(
                // Hedges removed: the modals and the phrases intake marks as hedging.
                pair(
                        "Curcumin may reduce knee pain.",
                        "Curcumin reduces knee pain.",
                        Kind.HEDGE_REMOVED,
                        "Hedge removed: ‘may reduce’ → ‘reduces’"),
                pair(
                        "Ginger may help with nausea.",
                        "Ginger helps with nausea.",
                        Kind.HEDGE_REMOVED,
                        "Hedge removed: ‘may help’ → ‘helps’"),
                pair(
                        "Zinc is thought to interfere with how cold viruses multiply.",
                        "Zinc interferes with how cold viruses multiply.",
                        Kind.HEDGE_REMOVED,
                        "Hedge removed: ‘is thought to interfere’ → ‘interferes’"),
                pair(
                        "Magnesium potentially improves sleep quality.",
                        "Magnesium improves sleep quality.",
                        Kind.HEDGE_REMOVED,
                        "Hedge removed: ‘potentially’ removed"),
                pair(
                        "Studies suggest that zinc shortens colds.",
                        "Studies show that zinc shortens colds.",
                        Kind.HEDGE_REMOVED,
                        "Hedge removed: ‘suggest’ → ‘show’"),
                pair(
                        "Melatonin could ease jet lag.",
                        "Melatonin eases jet lag.",
                        Kind.HEDGE_REMOVED,
                        "Hedge removed: ‘could ease’ → ‘eases’"),
                pair(
                        "CURCUMIN MAY REDUCE KNEE PAIN.",
                        "Curcumin reduces knee pain.",
                        Kind.HEDGE_REMOVED,
                        "Hedge removed: ‘may reduce’ → ‘reduces’"),
                pair(
                        "Café au lait may raise blood pressure.",
                        "Café au lait raises blood pressure.",
                        Kind.HEDGE_REMOVED,
                        "Hedge removed: ‘may raise’ → ‘raises’"),
                pair(
                        "Doses above 40 mg a day can cause nausea.",
                        "Doses above 50 mg a day cause nausea.",
                        Kind.HEDGE_REMOVED,
                        "Hedge removed: ‘can’ removed; number changed: ‘40 mg’ → ‘50 mg’"),
                // Strength raised: an association made a cause, a stronger verb, a wider quantifier.
                pair(
                        "Ginger tea is linked to better digestion.",
                        "Ginger tea causes better digestion.",
                        Kind.STRENGTH_RAISED,
                        "Strength raised: ‘is linked to’ → ‘causes’"),
                pair(
                        "Ginger is associated with less nausea.",
                        "Ginger prevents nausea.",
                        Kind.STRENGTH_RAISED,
                        "Strength raised: ‘is associated with less’ → ‘prevents’"),
                pair(
                        "Ginger helps nausea.",
                        "Ginger cures nausea.",
                        Kind.STRENGTH_RAISED,
                        "Strength raised: ‘helps’ → ‘cures’"),
                pair(
                        "Some people sleep better after taking magnesium.",
                        "Everyone sleeps better after taking magnesium.",
                        Kind.STRENGTH_RAISED,
                        "Strength raised: ‘some people sleep’ → ‘everyone sleeps’"),
                pair(
                        "Many adults see results within a week.",
                        "All adults see results within a week.",
                        Kind.STRENGTH_RAISED,
                        "Strength raised: ‘many’ → ‘all’"),
                pair(
                        "Zinc lozenges rarely cause side effects.",
                        "Zinc lozenges never cause side effects.",
                        Kind.STRENGTH_RAISED,
                        "Strength raised: ‘rarely’ → ‘never’"),
                pair(
                        "Some trials found a benefit.",
                        "Trials found a benefit.",
                        Kind.STRENGTH_RAISED,
                        "Strength raised: ‘some’ removed"),
                // Numbers: a dose, a unit, a percentage, a count in words.
                pair(
                        "Take 200 mg of magnesium a day.",
                        "Take 400 mg of magnesium a day.",
                        Kind.NUMBER_CHANGED,
                        "Number changed: ‘200 mg’ → ‘400 mg’"),
                pair(
                        "Take 200 mg of magnesium a day.",
                        "Take 200 mcg of magnesium a day.",
                        Kind.NUMBER_CHANGED,
                        "Number changed: ‘200 mg’ → ‘200 mcg’"),
                pair(
                        "About 30% of adults are deficient.",
                        "About 50% of adults are deficient.", Kind.NUMBER_CHANGED, "Number changed: ‘30%’ → ‘50%’"),
                pair(
                        "Take two tablets a day.",
                        "Take three tablets a day.",
                        Kind.NUMBER_CHANGED,
                        "Number changed: ‘two tablets’ → ‘three tablets’"),
                pair(
                        "Take 2 tablets a day.",
                        "Take 2 tablets twice a day.",
                        Kind.NUMBER_CHANGED,
                        "Number changed: ‘twice’ added"),
                // Reworded: nothing of the above, or only punctuation and typography.
                pair(
                        "Trials used 1,000 mg a day.",
                        "Trials used 1000 milligrams a day.",
                        Kind.REWORDED,
                        "Reworded since revision 1"),
                pair(
                        "Ginger may ease nausea.",
                        "Ginger may ease nausea!",
                        Kind.REWORDED,
                        "Reworded: only punctuation or typography changed"),
                pair(
                        "The ﬁrst dose may help.",
                        "The first dose may help.",
                        Kind.REWORDED,
                        "Reworded: only punctuation or typography changed"),
                pair(
                        "Take ２００ mg a day.",
                        "Take 200 mg a day.",
                        Kind.REWORDED,
                        "Reworded: only punctuation or typography changed"),
                pair(
                        "Ginger may help nausea.",
                        "Ginger might help nausea.",
                        Kind.REWORDED,
                        "Reworded since revision 1"),
                pair("Ginger helps nausea.", "Ginger may help nausea.", Kind.REWORDED, "Reworded since revision 1"),
                pair(
                        "Ginger is linked to less nausea.",
                        "Ginger is associated with less nausea.",
                        Kind.REWORDED,
                        "Reworded since revision 1"),
                pair(
                        "In May, pollen counts rise and allergies worsen.",
                        "In June, pollen counts rise and allergies worsen.",
                        Kind.REWORDED,
                        "Reworded since revision 1"),
                pair(
                        "Nothing helps at all, some say.",
                        "Nothing helps, some say.",
                        Kind.REWORDED,
                        "Reworded since revision 1"));
    }

    private static Arguments pair(String earlier, String current, Kind kind, String explanation) {
        return Arguments.of(earlier, current, kind, explanation);
    }

    @ParameterizedTest(name = "{0} → {1}: {3}")
    @MethodSource("changes")
    void eachChangeIsNamedByItsWeightiestKindAndExplained(
            String earlier, String current, Kind kind, String explanation) {
        Optional<Drift> drift = ClaimDrift.between(claim(earlier, SECTION), claim(current, SECTION), 1);

        assertThat(drift).get().satisfies(found -> {
            assertThat(found.explanation()).isEqualTo(explanation);
            assertThat(found.kind()).isEqualTo(kind);
            assertThat(found.previousText()).isEqualTo(earlier);
            assertThat(found.fromRevision()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("sameSentence")
    void whatIntakeNormalisesAwayIsNoChangeAtAll(String earlier, String current) {
        assertThat(ClaimText.canonical(earlier)).isEqualTo(ClaimText.canonical(current));
        assertThat(ClaimDrift.between(claim(earlier, SECTION), claim(current, "does it help?"), 1))
                .isEmpty();
    }

    static Stream<Arguments> sameSentence() {
        return Stream.of(
                Arguments.of("Ginger may ease nausea.", "ginger may ease nausea."),
                Arguments.of("The “ginger” remedy may ease nausea.", "The \"ginger\" remedy may ease nausea."),
                Arguments.of("It’s thought to help.", "It's thought to help."),
                Arguments.of("Ginger may  ease\u00a0nausea.", "Ginger may ease nausea."),
                Arguments.of("Ginger\r\nmay ease nausea.", "Ginger may ease nausea."),
                Arguments.of("ÉPICES may ease nausea.", "épices may ease nausea."));
    }

    @Test
    void theSameSentenceUnderAnotherHeadingIsMoved() {
        assertThat(ClaimDrift.between(
                        claim("Ginger may ease nausea.", "Does It Help?"),
                        claim("Ginger may ease nausea.", "Side Effects"),
                        2))
                .get()
                .isEqualTo(new Drift(
                        Kind.MOVED,
                        2,
                        "Ginger may ease nausea.",
                        "Does It Help?",
                        "Moved from section ‘Does It Help?’ to section ‘Side Effects’"));
        assertThat(ClaimDrift.between(
                        claim("Ginger may ease nausea.", null), claim("Ginger eases nausea.", "Risks"), 1))
                .get()
                .extracting(Drift::kind, Drift::explanation)
                .containsExactly(
                        Kind.HEDGE_REMOVED,
                        "Hedge removed: ‘may ease’ → ‘eases’; moved from no section to section ‘Risks’");
    }

    @Test
    void anOpenClaimIsPairedWithTheMostSimilarEarlierClaimAndANewOneWithNone() {
        Claim pain = new Claim("c-pain", "Curcumin may reduce knee pain.", ClaimKind.EFFECT, true, SECTION);
        Claim dose = new Claim("c-dose", "Trials used 1,000 mg a day.", ClaimKind.DOSE, false, "How Much?");
        Claim painNow = new Claim("c-pain-2", "Curcumin reduces knee pain.", ClaimKind.EFFECT, false, SECTION);
        Claim unrelated = new Claim("c-new", "Turmeric stains everything yellow.", ClaimKind.OTHER, false, SECTION);
        ArticleReview review = ArticleReview.opened(
                        Drafts.revision(2, List.of(Drafts.WANDA), List.of(painNow, dose, unrelated), "Body.\n"))
                .withEarlier(
                        new EarlierReviews(Map.of(), List.of(new EarlierReviews.Baseline(1, List.of(pain, dose)))));

        Map<String, Drift> drifts = ClaimDrift.of(review);

        assertThat(drifts).containsOnlyKeys("c-pain-2");
        assertThat(drifts.get("c-pain-2").kind()).isEqualTo(Kind.HEDGE_REMOVED);
        assertThat(drifts.get("c-pain-2").previousText()).isEqualTo(pain.text());
    }

    @Test
    void pairingIsBoundedOnHugeClaims() {
        // Bounded by what is read, not by a clock: speed is measured in benchmarks, never asserted here.
        String longSentence = "word ".repeat(50_000) + "may help.";

        Optional<Drift> drift = ClaimDrift.between(
                claim(longSentence, SECTION), claim(longSentence.replace("may help", "helps"), SECTION), 1);

        assertThat(drift)
                .get()
                .extracting(Drift::kind)
                .as("only the first words are read")
                .isEqualTo(Kind.REWORDED);
        String dots = "Take 1" + ".1".repeat(100_000) + " mg";
        assertThat(ClaimDrift.between(claim(dots, SECTION), claim(dots.replace("Take", "Use"), SECTION), 1))
                .isPresent();
    }

    @Test
    void stemsPairInflections() {
        assertThat(List.of("reduce", "reduces", "reduced", "reducing").stream()
                        .map(ClaimDrift::stem)
                        .distinct())
                .containsExactly("reduc");
        assertThat(List.of("study", "studies").stream().map(ClaimDrift::stem).distinct())
                .containsExactly("study");
        assertThat(ClaimDrift.stem("1,000")).isEqualTo(ClaimDrift.stem("1000"));
    }

    private static Claim claim(String text, String section) {
        return new Claim(ClaimText.canonical(text), text, ClaimKind.EFFECT, false, section);
    }
}
