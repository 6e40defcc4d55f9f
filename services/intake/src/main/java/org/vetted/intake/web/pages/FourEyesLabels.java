package org.vetted.intake.web.pages;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.intake.domain.claims.Claim;

/**
 * For the pages: which claims review will ask two medical reviewers for, and why ("dose", "pregnancy"), so a writer
 * knows before submitting that such a claim waits for a second reviewer.
 */
@Component("fourEyes")
public class FourEyesLabels {
    private final FourEyesRule rule;

    FourEyesLabels(FourEyesRule rule) {
        this.rule = rule;
    }

    /** "needs two medical reviewers: dose, children", or "" for a claim one reviewer may approve. */
    public String label(Claim claim) {
        List<String> classes = rule.classesOf(claim.text(), claim.section());
        if (classes.isEmpty()) {
            return "";
        }
        return "needs two medical reviewers: "
                + String.join(
                        ", ",
                        classes.stream()
                                .map(name -> name.toLowerCase(Locale.ROOT).replace('_', ' '))
                                .toList());
    }
}
