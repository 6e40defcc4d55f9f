package org.vetted.contract.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden claims and the risk classes the default four-eyes rule finds in them. */
class FourEyesRuleTest {
    private static final FourEyesRule DEFAULTS = FourEyesRule.defaults();

    static Stream<Arguments> claims() {
        return Stream.of(
                classes("Trials used 1,000 mg a day.", "DOSE"),
                classes("Most studies used 1\u00a0g of ginger a day — split into several doses.", "DOSE"),
                classes("Take 2 tablets with water.", "DOSE"),
                classes("Take 1–2 capsules at night.", "DOSE"),
                classes("The usual dosage is one capsule.", "DOSE"),
                classes("Take ２００ ｍｇ daily.", "DOSE"),
                classes("Adults need about 15 µg of vitamin D.", "DOSE"),
                classes("An overdose of iron is dangerous.", "DOSE"),
                classes("Ginger may ease nausea in early pregnancy.", "PREGNANCY"),
                classes("PREGNANT WOMEN should avoid raw liver.", "PREGNANCY"),
                classes("Avoid high-dose vitamin A while breastfeeding.", "DOSE", "PREGNANCY"),
                classes("It may raise the risk of miscarriage.", "PREGNANCY"),
                classes("St. John’s wort interacts with birth control pills.", "DRUG_INTERACTION"),
                classes("Do not combine it with blood thinners such as warfarin.", "DRUG_INTERACTION"),
                classes("Check with a pharmacist if you take other medicines.", "DRUG_INTERACTION"),
                classes("Children under 12 should not take aspirin.", "CHILDREN"),
                classes("Infants need vitamin D drops.", "CHILDREN"),
                classes("Toddlers can have 400 IU a day.", "DOSE", "CHILDREN"),
                classes("Never stop taking antidepressants abruptly.", "STOPPING_MEDICATION"),
                classes("Your doctor can help you taper off a statin.", "STOPPING_MEDICATION"),
                classes("Some people use turmeric instead of their medication.", "STOPPING_MEDICATION"),
                classes(
                        "Zinc interacts with antibiotics: avoid it while pregnant or nursing children.",
                                "DRUG_INTERACTION",
                        "PREGNANCY", "CHILDREN"),
                classes(
                        "St\u200bop tak\u200bing your blood pressure medic\u00adation if you feel dizzy.",
                        "STOPPING_MEDICATION"),
                classes("Take 4\u200b000 I\u200bU of vitamin D every day.", "DOSE"),
                classes("Ginger may ease nausea in early pr\u00e9gnancy.", "PREGNANCY"),
                classes("Magnesium may help you sleep."),
                classes("Curcumin may reduce knee pain."),
                classes("Kidney stones are painful."),
                classes("Stop the spread of germs by washing your hands."),
                classes("Green tea is rich in antioxidants."),
                classes("Most colds clear up within a week to ten days."));
    }

    private static Arguments classes(String text, String... expected) {
        return Arguments.of(text, List.of(expected));
    }

    @Test
    void theRiskClassesReadTheWholeSectionPath() {
        Claim underPath = new Claim("Arnica cream is safe to use every day.", "During pregnancy › Everyday use");
        Claim underLeaf = new Claim("Arnica cream is safe to use every day.", "Everyday use");

        assertThat(DEFAULTS.classesOf(underPath.text(), underPath.section())).containsExactly("PREGNANCY");
        assertThat(DEFAULTS.approvalsNeeded(underPath.text(), underPath.section()))
                .isEqualTo(2);
        assertThat(DEFAULTS.classesOf(underLeaf.text(), underLeaf.section())).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("claims")
    void eachClaimIsClassifiedByItsWords(String text, List<String> expected) {
        Claim claim = new Claim(text, null);

        assertThat(DEFAULTS.classesOf(claim.text(), claim.section())).isEqualTo(expected);
        assertThat(DEFAULTS.approvalsNeeded(claim.text(), claim.section())).isEqualTo(expected.isEmpty() ? 1 : 2);
    }

    @Test
    void theSectionHeadingCountsToo() {
        Claim claim = new Claim("Take it once in the morning.", "During Pregnancy");

        assertThat(DEFAULTS.classesOf(claim.text(), claim.section())).containsExactly("PREGNANCY");
    }

    @Test
    void theClassesInForceAreConfigurableAndTheirTriggersExtendable() {
        FourEyesRule rule = FourEyesRule.of(
                List.of("pregnancy", "drug-interaction"), Map.of("PREGNANCY", List.of("IVF", "fertility treatment*")));

        assertThat(rule.classes()).extracting(RiskClass::name).containsExactly("PREGNANCY", "DRUG_INTERACTION");
        assertThat(rule.classesOf("IVF may raise the odds of twins.", null)).containsExactly("PREGNANCY");
        assertThat(rule.classesOf("Fertility treatments vary.", null)).containsExactly("PREGNANCY");
        assertThat(rule.classesOf("Ginger may ease nausea in early pregnancy.", null))
                .containsExactly("PREGNANCY");
        assertThat(rule.approvalsNeeded("Trials used 1,000 mg a day.", null))
                .as("DOSE is not in force")
                .isEqualTo(1);
        assertThat(FourEyesRule.none().approvalsNeeded("Trials used 1,000 mg a day.", null))
                .isEqualTo(1);
    }

    @Test
    void aNewClassIsDefinedByItsTriggers() {
        FourEyesRule rule = FourEyesRule.of(
                List.of("DOSE", "MENTAL_HEALTH"), Map.of("MENTALHEALTH", List.of("suicid*", "self-harm")));

        assertThat(rule.classesOf("It does not raise the risk of self-harm.", null))
                .containsExactly("MENTAL_HEALTH");
    }

    @Test
    void aMisconfigurationIsRefusedWithTheReason() {
        assertThatThrownBy(() -> FourEyesRule.of(List.of("DOSES"), Map.of()))
                .hasMessageContaining("four-eyes class DOSES is none of");
        assertThatThrownBy(() -> FourEyesRule.of(List.of("DOSE"), Map.of("DOSE", List.of("(a+)+b"))))
                .hasMessageContaining("trigger \"(a+)+b\" is not a word or phrase");
        assertThatThrownBy(() -> FourEyesRule.of(List.of("DOSE"), Map.of("CHILDREN", List.of("pupils"))))
                .hasMessageContaining("CHILDREN, which is not in vetted.review.four-eyes.classes");
    }

    /** A hang guard, not a speed figure: a backtracking pattern would not finish on this text at all. */
    @Test
    @Timeout(60)
    void matchingEndsOnHostileText() {
        String hostile = "a".repeat(200_000) + " 1" + ".1".repeat(50_000) + " pregnan";

        assertThat(DEFAULTS.classesOf(hostile, null)).containsExactly("PREGNANCY");
    }

    /** A claim as the rule reads it. */
    private record Claim(String text, String section) {}
}
