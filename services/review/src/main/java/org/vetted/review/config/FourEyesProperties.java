package org.vetted.review.config;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.vetted.contract.risk.FourEyesRule;

/**
 * {@code vetted.review.four-eyes}: which risk classes need two reviewers ({@code classes}, names of
 * {@link FourEyesRule#DEFAULT_CLASSES} or new ones; absent means all five, an empty list none) and trigger words added
 * to a class ({@code triggers.<CLASS>}: words or phrases, a "*" at a word's end for any ending; a class that is not a
 * default one is defined by these alone). Map keys lose "_" when bound: class names are compared without case or
 * punctuation, so {@code DRUGINTERACTION} is {@code DRUG_INTERACTION}.
 */
@ConfigurationProperties("vetted.review.four-eyes")
public record FourEyesProperties(List<String> classes, Map<String, List<String>> triggers) {
    public FourEyesProperties {
        classes = classes == null
                ? FourEyesRule.DEFAULT_CLASSES.stream().map(risk -> risk.name()).toList()
                : List.copyOf(classes);
        triggers = triggers == null ? Map.of() : Map.copyOf(triggers);
    }

    /** @throws IllegalArgumentException naming what is wrong: an unknown class without triggers, a bad trigger */
    public FourEyesRule rule() {
        return FourEyesRule.of(classes, triggers);
    }
}
