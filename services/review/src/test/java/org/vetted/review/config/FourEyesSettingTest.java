package org.vetted.review.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.contract.risk.FourEyesSetting;
import org.vetted.contract.risk.RiskClass;

/** {@code vetted.review.four-eyes} as Spring binds it: YAML lists, environment variables, map keys without "_". */
class FourEyesSettingTest {

    private static FourEyesSetting bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("vetted.review.four-eyes", FourEyesSetting.class)
                .orElseGet(() -> new FourEyesSetting(null, null));
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
        assertThat(rule.classesOf("Ginkgo thins the blood.", null)).containsExactly("DRUG_INTERACTION");
        assertThat(rule.classesOf("IVF may raise the odds of twins.", null)).containsExactly("PREGNANCY");
        assertThat(rule.approvalsNeeded("Trials used 1,000 mg a day.", null)).isEqualTo(1);
    }

    @Test
    void anEmptyListTurnsFourEyesOffAndAnUnknownClassStopsTheStart() {
        assertThat(new FourEyesSetting(List.of(), null).rule().classes()).isEmpty();
        assertThatThrownBy(() -> bind(Map.of("vetted.review.four-eyes.classes", "DOSAGE"))
                        .rule())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("four-eyes class DOSAGE is none of");
    }
}
