package org.vetted.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClaimExtractorTest {
    private final ClaimExtractor extractor = Intakes.CLAIMS;

    @Test
    void aThoughtToClaimIsHedgedAndAResultsInClaimIsNot() {
        List<Claim> claims = extractor.extract("Title", """
                ## It May Calm the Stress Response

                Valerian is thought to help modulate this system, potentially reducing excessive cortisol release, she adds. “Deeper sleep, in turn, results in less anxiety the following day,” Dr. Hale says.
                """);

        assertThat(claims).extracting(Claim::text, Claim::hedged, Claim::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("It May Calm the Stress Response", true, ClaimKind.EFFECT),
                org.assertj.core.groups.Tuple.tuple("Valerian is thought to help modulate this system, potentially reducing "
                        + "excessive cortisol release, she adds.", true, ClaimKind.MECHANISM),
                org.assertj.core.groups.Tuple.tuple("“Deeper sleep, in turn, results in less anxiety the following day,” "
                        + "Dr. Hale says.", false, ClaimKind.EFFECT));
        assertThat(claims).allMatch(c -> "It May Calm the Stress Response".equals(c.section()));
    }

    @Test
    void dosesAndRisksAreClassified() {
        List<Claim> claims = extractor.extract(null,
                "Adults can take 300 mg daily. High doses of zinc can interact with antibiotics.\n");

        assertThat(claims).extracting(Claim::kind).containsExactly(ClaimKind.DOSE, ClaimKind.DOSE);
        assertThat(extractor.extract(null, "Too much zinc is toxic to the liver.\n"))
                .extracting(Claim::kind).containsExactly(ClaimKind.RISK);
    }

    @Test
    void questionsAttributionsAndPlainStatementsAreNotClaims() {
        assertThat(extractor.extract("Does Sleep Help Anxiety?", """
                Can magnesium reduce stress? She adds. “Anxiety, sleep and mood are intertwined,” says Ana Ruiz, RD, a dietitian who helps clients lower stress.
                We spoke to three experts in May.
                """)).isEmpty();
    }

    @Test
    void aHeadingIsAClaimOnlyWhenItAssertsSomethingNotWhenItNamesADoseTopic() {
        List<Claim> claims = extractor.extract("Getting the Dose Right", """
                ## It May Support Your Immune System

                Winter is long.

                ## Getting the Dose Right

                For most adults, 600 to 800 IU daily is the usual recommendation.

                ## Dosage and Safety

                ## Take 200 mg of Magnesium Daily
                """);

        assertThat(claims).extracting(Claim::text, Claim::kind, Claim::section).containsExactly(
                org.assertj.core.groups.Tuple.tuple("It May Support Your Immune System", ClaimKind.EFFECT,
                        "It May Support Your Immune System"),
                org.assertj.core.groups.Tuple.tuple("For most adults, 600 to 800 IU daily is the usual recommendation.",
                        ClaimKind.DOSE, "Getting the Dose Right"),
                org.assertj.core.groups.Tuple.tuple("Take 200 mg of Magnesium Daily", ClaimKind.DOSE,
                        "Take 200 mg of Magnesium Daily"));
    }

    @Test
    void theMonthMayIsNotAHedge() {
        assertThat(extractor.extract(null, "In May the trial showed that zinc reduces cold symptoms.\n"))
                .singleElement().satisfies(claim -> assertThat(claim.hedged()).isFalse());
    }

    @Test
    void anUnchangedSentenceKeepsItsIdWhateverItsQuotesAndSpacing() {
        String id = ClaimExtractor.idOf("Magnesium “may” help   sleep.");

        assertThat(id).matches("c-[0-9a-f]{12}")
                .isEqualTo(ClaimExtractor.idOf("magnesium \"may\" help sleep."))
                .isNotEqualTo(ClaimExtractor.idOf("Magnesium may help sleep a lot."));
    }

    @Test
    void doctorAbbreviationsDoNotSplitSentences() {
        List<Claim> claims = extractor.extract(null,
                "Supplements, e.g. fish oil, may lower blood pressure, Dr. Hale says. Rest reduces stress.\n");

        assertThat(claims).extracting(Claim::text).containsExactly(
                "Supplements, e.g. fish oil, may lower blood pressure, Dr. Hale says.", "Rest reduces stress.");
    }
}
