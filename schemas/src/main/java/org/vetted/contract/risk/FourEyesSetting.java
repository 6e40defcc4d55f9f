package org.vetted.contract.risk;

import java.util.List;
import java.util.Map;

/**
 * The setting {@code vetted.review.four-eyes}, as both services bind it: which risk classes need two reviewers
 * ({@code classes}, names of {@link FourEyesRule#DEFAULT_CLASSES} or new ones; absent means all five, an empty list
 * none) and trigger words added to a class ({@code triggers.<CLASS>}: words or phrases, a "*" at a word's end for any
 * ending; a class that is not a default one is defined by these alone). Map keys lose "_" when Spring binds them:
 * class names are compared without case or punctuation, so {@code DRUGINTERACTION} is {@code DRUG_INTERACTION}.
 * Review enforces the rule; intake reads the same setting to forecast it to writers.
 */
public record FourEyesSetting(List<String> classes, Map<String, List<String>> triggers) {
    /** Where the setting lives, for both services. */
    public static final String PREFIX = "vetted.review.four-eyes";

    public FourEyesSetting {
        classes = classes == null
                ? FourEyesRule.DEFAULT_CLASSES.stream().map(RiskClass::name).toList()
                : List.copyOf(classes);
        triggers = triggers == null ? Map.of() : Map.copyOf(triggers);
    }

    /** @throws IllegalArgumentException naming what is wrong: an unknown class without triggers, a bad trigger */
    public FourEyesRule rule() {
        return FourEyesRule.of(classes, triggers);
    }
}
