package org.vetted.review.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.risk.FourEyesRule;
import org.vetted.review.domain.risk.RiskClass;

/** {@code vetted.review.four-eyes} as Spring binds it: YAML lists, environment variables, map keys without "_". */
class FourEyesPropertiesTest {

    private static FourEyesProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("vetted.review.four-eyes", FourEyesProperties.class)
                .orElseGet(() -> new FourEyesProperties(null, null));
    }

    @Test
    void withoutSettingsAllFiveDefaultClassesAreInForce() {
        assertThat(bind(Map.of()).rule().classes())
                .extracting(RiskClass::name)
                .containsExactly("DOSE", "DRUG_INTERACTION", "PREGNANCY", "CHILDREN", "STOPPING_MEDICATION");
    }

    @Test
    void classesAndExtraTriggersBindFromACommaListAndAMapWhoseKeysLoseTheirUnderscores() {
        FourEyesRule rule = bind(Map.of(
                        "vetted.review.four-eyes.classes", "PREGNANCY,DRUG_INTERACTION",
                        "vetted.review.four-eyes.triggers.DRUG_INTERACTION[0]", "ginkgo",
                        "vetted.review.four-eyes.triggers.PREGNANCY[0]", "ivf"))
                .rule();

        assertThat(rule.classes()).extracting(RiskClass::name).containsExactly("PREGNANCY", "DRUG_INTERACTION");
        assertThat(rule.classesOf(claim("Ginkgo thins the blood."))).containsExactly("DRUG_INTERACTION");
        assertThat(rule.classesOf(claim("IVF may raise the odds of twins."))).containsExactly("PREGNANCY");
        assertThat(rule.approvalsNeeded(claim("Trials used 1,000 mg a day."))).isEqualTo(1);
    }

    @Test
    void anEmptyListTurnsFourEyesOffAndAnUnknownClassStopsTheStart() {
        assertThat(new FourEyesProperties(List.of(), null).rule().classes()).isEmpty();
        assertThatThrownBy(() -> bind(Map.of("vetted.review.four-eyes.classes", "DOSAGE"))
                        .rule())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("four-eyes class DOSAGE is none of");
    }

    private static Claim claim(String text) {
        return new Claim("c-x", text, ClaimKind.EFFECT, false, null);
    }
}
