package org.vetted.house;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.contract.Value;

/** Each rule holds for a service laid out as the house wants, and fails for one that breaks it. */
class HouseRulesTest {
    private static final JavaClasses GOOD = new ClassFileImporter().importPackages("org.vetted.house.good");
    private static final JavaClasses BAD = new ClassFileImporter().importPackages("org.vetted.house.bad");

    @Test
    void aServiceLaidOutAsTheHouseWantsPassesEveryRule() {
        for (ArchRule rule : rules()) {
            assertThat(rule.evaluate(GOOD).hasViolation())
                    .as(rule.getDescription())
                    .isFalse();
        }
    }

    @Test
    void eachRuleCatchesWhatItForbids() {
        List<ArchRule> broken = new ArrayList<>();
        for (ArchRule rule : rules()) {
            if (rule.evaluate(BAD).hasViolation()) {
                broken.add(rule);
            }
        }
        assertThat(broken)
                .containsExactlyInAnyOrder(
                        HouseRules.everyClassInANamedLayer,
                        HouseRules.domainIsPlainJava,
                        HouseRules.domainLooksInwardOnly,
                        HouseRules.appSeesOnlyTheDomainAndItsPorts,
                        HouseRules.webCallsNoOtherAdapter,
                        HouseRules.storeCallsNoOtherAdapter);
    }

    @Test
    void aDomainUsingMoreOfTheContractThanAllowedIsCaught() {
        ArchRule onlyValues = HouseRules.domainUsesOfTheContractOnly(Value.class);
        assertThat(onlyValues.evaluate(GOOD).hasViolation()).isFalse();
        assertThat(onlyValues.evaluate(BAD).hasViolation()).isTrue();
    }

    private static List<ArchRule> rules() {
        List<ArchRule> rules = new ArrayList<>();
        for (Field field : HouseRules.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && ArchRule.class.isAssignableFrom(field.getType())) {
                try {
                    rules.add((ArchRule) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(9);
        return rules;
    }
}
