package org.vetted.intake.domain.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vetted.intake.domain.drafts.Intakes;

class ClaimExtractorTest {
    private final ClaimExtractor extractor = Intakes.CLAIMS;

    /** Every hedge of the contract's list (the one review's drift check reads) marks a claim hedged here too. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.FieldSource("org.vetted.contract.Hedges#PHRASES")
    void everyHedgeOfTheSharedListMarksAClaimHedged(String hedge) {
        String phrase = hedge.replace("*", "s");
        assertThat(extractor.extract("Magnesium", "Magnesium eases leg cramps in most adults.\n"))
                .singleElement()
                .extracting(Claim::hedged)
                .isEqualTo(false);

        assertThat(extractor.extract("Magnesium", "Magnesium eases leg cramps in most adults, " + phrase + ".\n"))
                .as(phrase)
                .singleElement()
                .extracting(Claim::hedged)
                .isEqualTo(true);
    }

    @Test
    void aClaimsSectionIsItsWholeHeadingPath() {
        List<Claim> claims = extractor.extract("Arnica and Bruises", """
                ## During pregnancy

                ### Everyday use

                Arnica cream is safe to use on bruises every day.

                ## For children

                Arnica cream is safe to use on bruises every day.
                """);

        assertThat(claims)
                .filteredOn(claim -> claim.text().startsWith("Arnica cream"))
                .extracting(Claim::section)
                .as("the same sentence under another heading is a claim of its own, each with its path")
                .containsExactly("During pregnancy › Everyday use", "For children");
        assertThat(claims).extracting(Claim::id).doesNotHaveDuplicates();
    }

    @Test
    void twoClaimsSharingAShortIdGetTheirFullIds() {
        Claim one = new Claim("c-000000000001", "Zinc may shorten colds.", ClaimKind.EFFECT, true, false, null);
        Claim other = new Claim("c-000000000001", "Zinc cures colds.", ClaimKind.EFFECT, false, true, null);
        Claim third = new Claim("c-000000000002", "Zinc can cause nausea.", ClaimKind.RISK, false, false, null);

        List<Claim> distinct = ClaimExtractor.withDistinctIds(List.of(one, other, third));

        assertThat(distinct)
                .extracting(Claim::id)
                .doesNotHaveDuplicates()
                .containsExactly(
                        ClaimExtractor.fullIdOf(one.text(), null),
                        ClaimExtractor.fullIdOf(other.text(), null),
                        "c-000000000002");
        assertThat(distinct.get(0).id()).hasSize(66);
    }

    @Test
    void aThoughtToClaimIsHedgedAndAResultsInClaimIsNot() {
        List<Claim> claims = extractor.extract("Title", """
                ## It May Calm the Stress Response

                Valerian is thought to help modulate this system, potentially reducing excessive cortisol release, she adds. “Deeper sleep, in turn, results in less anxiety the following day,” Dr. Hale says.
                """);

        assertThat(claims)
                .extracting(Claim::text, Claim::hedged, Claim::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("It May Calm the Stress Response", true, ClaimKind.EFFECT),
                        org.assertj.core.groups.Tuple.tuple(
                                "Valerian is thought to help modulate this system, potentially reducing "
                                        + "excessive cortisol release, she adds.",
                                true,
                                ClaimKind.MECHANISM),
                        org.assertj.core.groups.Tuple.tuple(
                                "“Deeper sleep, in turn, results in less anxiety the following day,” "
                                        + "Dr. Hale says.",
                                false,
                                ClaimKind.EFFECT));
        assertThat(claims).allMatch(c -> "It May Calm the Stress Response".equals(c.section()));
    }

    @Test
    void aSentenceRunTogetherAfterASingleCapitalIsSplitButInitialsAreNot() {
        assertThat(extractor.sentencesOf("Retinol is a form of vitamin A. Once on the skin, it is converted."))
                .containsExactly("Retinol is a form of vitamin A.", "Once on the skin, it is converted.");
        assertThat(extractor.sentencesOf("The study by Jane A. Smith found less pain."))
                .containsExactly("The study by Jane A. Smith found less pain.");
    }

    @Test
    void theSentencesOfAParagraphWithAClaimShareItsTopic() {
        // "Never stop suddenly." names no health word; its paragraph's claim says what it is about.
        assertThat(extractor.extract(null, "Never stop suddenly. Stopping abruptly can cause dizziness.\n"))
                .extracting(Claim::text)
                .containsExactly("Never stop suddenly.", "Stopping abruptly can cause dizziness.");
        // Alone, with no claim beside it, the same words are not about health.
        assertThat(extractor.extract(null, "Shoes matter less than most people think.\n"))
                .isEmpty();
        // Advice to see someone does not take the topic of the claim beside it.
        assertThat(extractor.extract(null, "Zinc can cause nausea. Check with a pharmacist before buying it.\n"))
                .extracting(Claim::text)
                .containsExactly("Zinc can cause nausea.");
    }

    @Test
    void aStatementAboutTheBodyIsAClaimWithoutAnEffectWord() {
        // A definition or how the body works: no effect, risk or assertion word, but a reviewer checks it.
        assertThat(extractor.extract(null, "The knee is built for running. The thyroid sets the pace of metabolism.\n"))
                .extracting(Claim::text)
                .containsExactly("The knee is built for running.", "The thyroid sets the pace of metabolism.");
        // Not a bare answer, nor a statement about nothing the body does.
        assertThat(extractor.extract(null, "Slightly.\n\nJanuary is a quiet month.\n"))
                .isEmpty();
    }

    @Test
    void aHeadingIsAClaimWhenItIsAClauseAboutHealthOrLongAdvice() {
        // The title's nouns are the article's topic: "heel" is about health here.
        assertThat(extractor.extract("Heel Pain", """
                ## Symptoms Follow the Dose

                ## Diet Plays a Smaller Part Than People Think

                ## Wear cushioned shoes with a small heel in the evening

                ## The Keto Diet: What Happens in the First Month

                ## Doses Used in Trials

                ## Run Smarter
                """))
                .extracting(Claim::text)
                .containsExactly(
                        "Symptoms Follow the Dose",
                        "Diet Plays a Smaller Part Than People Think",
                        "Wear cushioned shoes with a small heel in the evening");
    }

    @Test
    void theItemsOfAListShareTheTopicOfTheirClaimsAndAnItemThatIsOnlyALinkIsNavigation() {
        assertThat(extractor.extract(null, """
                - Shower and change your clothes after time outdoors.
                - Rinse your eyes with cool water to ease the itching.
                - [Our guide to calcium-rich foods](/calcium)
                """))
                .extracting(Claim::text)
                .containsExactly(
                        "Shower and change your clothes after time outdoors.",
                        "Rinse your eyes with cool water to ease the itching.");
        // With no claim among them, the same advice is not about health.
        assertThat(extractor.extract(null, "- Shower and change your clothes after time outdoors.\n"))
                .isEmpty();
    }

    @Test
    void adviceInProseIsAboutHealth() {
        assertThat(extractor.extract(null, "Don't give both at the same time.\n"))
                .extracting(Claim::text)
                .containsExactly("Don't give both at the same time.");
        assertThat(extractor.extract(null, "Talk to your doctor before you start.\n"))
                .isEmpty();
    }

    @Test
    void dosesAndRisksAreClassified() {
        List<Claim> claims = extractor.extract(
                null, "Adults can take 300 mg daily. High doses of zinc can interact with antibiotics.\n");

        assertThat(claims).extracting(Claim::kind).containsExactly(ClaimKind.DOSE, ClaimKind.DOSE);
        assertThat(extractor.extract(null, "Too much zinc is toxic to the liver.\n"))
                .extracting(Claim::kind)
                .containsExactly(ClaimKind.RISK);
    }

    @Test
    void questionsAttributionsAndPlainStatementsAreNotClaims() {
        assertThat(extractor.extract("Does Sleep Help Anxiety?", """
                Can magnesium reduce stress? She adds.
                We spoke to three experts in May.
                """)).isEmpty();
        // A statement about health, though vague, is a reviewer's to judge: a declarative sentence that names the
        // body or a condition is flagged whatever its verb.
        assertThat(extractor.extract(null, "“Anxiety, sleep and mood are intertwined,” says Ana Ruiz, RD.\n"))
                .hasSize(1);
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

        assertThat(claims)
                .extracting(Claim::text, Claim::kind, Claim::section)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "It May Support Your Immune System",
                                ClaimKind.EFFECT,
                                "It May Support Your Immune System"),
                        org.assertj.core.groups.Tuple.tuple(
                                "For most adults, 600 to 800 IU daily is the usual recommendation.",
                                ClaimKind.DOSE,
                                "Getting the Dose Right"),
                        org.assertj.core.groups.Tuple.tuple(
                                "Take 200 mg of Magnesium Daily", ClaimKind.DOSE, "Take 200 mg of Magnesium Daily"));
    }

    @Test
    void aHeadingThatNamesATopicIsNotAClaimAndOneThatAssertsIs() {
        assertThat(extractor.extract("Magnesium", """
                ## Magnesium and Sleep

                ## What the research says

                ## Zinc or Vitamin C

                ## Magnesium Calms Anxiety

                ## Treatment Works

                ## Magnesium Benefits for Anxiety
                """))
                .extracting(Claim::text)
                .containsExactly("Magnesium Calms Anxiety", "Treatment Works");
    }

    @Test
    void aTitleIsAClaimOnlyWhenItAsserts() {
        String body = "Magnesium is found in nuts and leafy greens.\n";

        assertThat(extractor.extract("What Are the Potential Benefits of Magnesium for Anxiety?", body))
                .extracting(Claim::text)
                .containsExactly("Magnesium is found in nuts and leafy greens.");
        assertThat(extractor.extract("Magnesium for Anxiety", body))
                .extracting(Claim::text)
                .containsExactly("Magnesium is found in nuts and leafy greens.");
        assertThat(extractor.extract("Magnesium Calms Anxiety", body))
                .extracting(Claim::text)
                .containsExactly("Magnesium Calms Anxiety", "Magnesium is found in nuts and leafy greens.");
    }

    @Test
    void fillerAndSceneSettingAreNotClaimsButHedgedClaimsBesideThemAre() {
        List<Claim> claims = extractor.extract("Magnesium and Sleep", """
                Many people are curious about magnesium. Let's take a closer look.

                In this article we explore how magnesium affects sleep and anxiety. Here's what you need to know.

                It's 3 a.m. and your mind is racing about tomorrow's meeting.

                With that in mind, let's look at what magnesium does in the body.

                Magnesium may help some people fall asleep faster. It is thought to calm the nervous system.

                Here's what you need to know: magnesium can cause diarrhoea at high doses.
                """);

        assertThat(claims)
                .extracting(Claim::text, Claim::hedged)
                .containsExactly(
                        tuple("Magnesium may help some people fall asleep faster.", true),
                        tuple("It is thought to calm the nervous system.", true),
                        tuple("Here's what you need to know: magnesium can cause diarrhoea at high doses.", true));
    }

    @Test
    void theMonthMayIsNotAHedge() {
        assertThat(extractor.extract(null, "In May the trial showed that zinc reduces cold symptoms.\n"))
                .singleElement()
                .satisfies(claim -> assertThat(claim.hedged()).isFalse());
    }

    @Test
    void anUnchangedSentenceKeepsItsIdWhateverItsQuotesAndSpacing() {
        String id = ClaimExtractor.idOf("Magnesium “may” help   sleep.");

        assertThat(id)
                .matches("c-[0-9a-f]{12}")
                .isEqualTo(ClaimExtractor.idOf("magnesium \"may\" help sleep."))
                .isNotEqualTo(ClaimExtractor.idOf("Magnesium may help sleep a lot."));
    }

    @Test
    void doctorAbbreviationsDoNotSplitSentences() {
        List<Claim> claims = extractor.extract(
                null, "Supplements, e.g. fish oil, may lower blood pressure, Dr. Hale says. Rest reduces stress.\n");

        assertThat(claims)
                .extracting(Claim::text)
                .containsExactly(
                        "Supplements, e.g. fish oil, may lower blood pressure, Dr. Hale says.", "Rest reduces stress.");
    }

    // The slips named in "Claims in depth": each once let a claim through unflagged.

    @Test
    void anAttributionInTheMiddleOfASentenceDoesNotHideTheClaimAroundIt() {
        assertThat(extractor.extract(null, "Vitamin D, according to experts, prevents depression and cancer.\n"))
                .extracting(Claim::text, Claim::absolute)
                .containsExactly(tuple("Vitamin D, according to experts, prevents depression and cancer.", true));
        assertThat(extractor.extract(null, "Zinc, researchers found, can shorten a cold by a day.\n"))
                .extracting(Claim::text)
                .containsExactly("Zinc, researchers found, can shorten a cold by a day.");
    }

    @Test
    void aTrailingQuestionInBracketsDoesNotMakeAStatementAQuestion() {
        assertThat(extractor.extract(null, "Vitamin C cures cancer and heart disease (who knew?)\n"))
                .extracting(Claim::text, Claim::absolute)
                .containsExactly(tuple("Vitamin C cures cancer and heart disease (who knew?)", true));
        assertThat(extractor.extract(null, "Does vitamin C cure cancer (or heart disease)?\n"))
                .isEmpty();
    }

    @Test
    void aClaimInsideInlineHtmlIsFoundWithoutItsTags() {
        assertThat(extractor.extract(null, """
                <p>Megadoses of vitamin C boost your immunity and have no side effects.</p>

                Curcumin blocks a molecule of inflammation, <span class="x">and it relieved knee pain in small trials</span>.
                """))
                .extracting(Claim::text)
                .containsExactly(
                        "Megadoses of vitamin C boost your immunity and have no side effects.",
                        "Curcumin blocks a molecule of inflammation, and it relieved knee pain in small trials.");
    }

    @Test
    void fencedCodeIsNotProseButAFenceThatNeverClosesDoesNotSwallowTheRest() {
        assertThat(extractor.extract(null, """
                ```
                Zinc cures colds in a day.
                ```

                Zinc may shorten a cold.
                """)).extracting(Claim::text).containsExactly("Zinc may shorten a cold.");
        assertThat(extractor.extract(null, """
                Intro.

                ```
                Doses above 2,000 mg a day can cause diarrhoea.

                ## Vitamin C Cures Nothing
                """))
                .extracting(Claim::text)
                .containsExactly("Doses above 2,000 mg a day can cause diarrhoea.", "Vitamin C Cures Nothing");
    }

    @Test
    void claimsAreFoundInEveryPartThatGoesLive() {
        List<Claim> claims = extractor.extract("Zinc Shortens Colds", """
                ## Zinc May Shorten a Cold

                - Zinc lozenges can shorten a cold by a day.
                - Keep a pack in the cupboard

                > "Zinc nasal sprays can destroy your sense of smell," warns Dr. Lee.

                | Form | Zinc per lozenge |
                |---|---|
                | Zinc acetate | 13 mg |
                | Zinc gluconate | 13.3 mg |

                ![Zinc lozenges cure colds in two days](/img/zinc.jpg)

                *Caption: Zinc lozenges work best started within a day of the first symptoms.*

                Read more: [a daily walk lowers blood pressure](https://example.org/walk).
                """);

        assertThat(claims)
                .extracting(Claim::text)
                .containsExactly(
                        "Zinc Shortens Colds",
                        "Zinc May Shorten a Cold",
                        "Zinc lozenges can shorten a cold by a day.",
                        // An item of a list with a claim in it: about health by the list it is in.
                        "Keep a pack in the cupboard",
                        "\"Zinc nasal sprays can destroy your sense of smell,\" warns Dr. Lee.",
                        "Zinc acetate | 13 mg",
                        "Zinc gluconate | 13.3 mg",
                        "Zinc lozenges cure colds in two days",
                        "Caption: Zinc lozenges work best started within a day of the first symptoms.",
                        "a daily walk lowers blood pressure");
        assertThat(claims)
                .filteredOn(Claim::absolute)
                .extracting(Claim::text)
                .containsExactly("Zinc lozenges cure colds in two days");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Turmeric cures arthritis.",
                "Elderberry prevents flu.",
                "Our drops are guaranteed to end migraines.",
                "This supplement has no side effects.",
                "Melatonin is 100% safe for children.",
                "It is a miracle for joint pain.",
                "Take 5,000 IU of vitamin D daily.",
                "Collagen is clinically proven to erase wrinkles."
            })
    void absoluteTherapeuticLanguageIsAlwaysAClaimAndIsFlagged(String sentence) {
        assertThat(extractor.extract(null, sentence + "\n"))
                .singleElement()
                .satisfies(claim -> assertThat(claim.absolute()).as(sentence).isTrue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Walking is not a cure for diabetes.",
                "Vitamin D did not prevent depression in the trial.",
                "Zinc may help prevent colds.",
                "Adults can take 300 mg daily."
            })
    void negatedOrSoftenedWordingIsAClaimButNotAbsolute(String sentence) {
        assertThat(extractor.extract(null, sentence + "\n"))
                .singleElement()
                .satisfies(claim -> assertThat(claim.absolute()).as(sentence).isFalse());
    }

    @Test
    void anecdotesBylinesBiosAndCallsToActionAreNotClaims() {
        assertThat(extractor.extract(null, """
                I took magnesium for two months and my cramps got better.

                By Jane Doe | Updated March 3, 2025

                Sam Lee is a freelance writer covering food and health.

                Sign up for our newsletter on sleep and health.

                Talk to your doctor.
                """)).isEmpty();
        assertThat(extractor.extract(null, "“Most of my patients sleep better after CBT-I,” says Dr. Lee.\n"))
                .as("first person inside a quote is the expert's, not the writer's")
                .hasSize(1);
    }
}
