package org.vetted.intake.domain;

import java.util.List;
import java.util.Set;

/** Domain objects for tests, built once per JVM (the OpenNLP models take a moment to load). */
final class Intakes {
    static final EnglishModels MODELS = EnglishModels.fromClasspath();
    static final ClaimExtractor CLAIMS = new ClaimExtractor(MODELS, ClaimLexicon.standard());
    static final ExpertExtractor EXPERTS = new ExpertExtractor();

    static final Account WANDA = new Account("wanda", "Wanda Writer", Set.of(Role.WRITER), null);
    static final Account WALTER = new Account("walter", "Walter Webb", Set.of(Role.WRITER), null);
    static final Account EDDIE = new Account("eddie", "Eddie Editor", Set.of(Role.EDITOR), null);
    static final Accounts ACCOUNTS = new Accounts(List.of(WANDA, WALTER, EDDIE));

    static DraftIntake intake() {
        return new DraftIntake(new PlainTextDraftParser(), new MarkdownDraftParser(), new DraftRules(), CLAIMS,
                EXPERTS, ACCOUNTS);
    }

    private Intakes() {
    }
}
