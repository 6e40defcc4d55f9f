package org.vetted.intake.domain.drafts;

import java.util.List;
import java.util.Set;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.articles.RejectedArticles;
import org.vetted.intake.domain.claims.ClaimExtractor;
import org.vetted.intake.domain.claims.ClaimLexicon;
import org.vetted.intake.domain.claims.EnglishModels;
import org.vetted.intake.domain.claims.ExpertExtractor;

/** Domain objects for tests, built once per JVM (the OpenNLP models take a moment to load). */
public final class Intakes {
    public static final EnglishModels MODELS = EnglishModels.fromClasspath();
    public static final ClaimExtractor CLAIMS = new ClaimExtractor(MODELS, ClaimLexicon.standard());
    public static final ExpertExtractor EXPERTS = new ExpertExtractor();

    public static final Account WANDA = new Account("wanda", "Wanda Writer", Set.of(Role.WRITER), null);
    public static final Account WALTER = new Account("walter", "Walter Webb", Set.of(Role.WRITER), null);
    public static final Account EDDIE = new Account("eddie", "Eddie Editor", Set.of(Role.EDITOR), null);
    public static final Accounts ACCOUNTS = new Accounts(List.of(WANDA, WALTER, EDDIE));

    public static DraftIntake intake() {
        return new DraftIntake(
                new PlainTextDraftParser(), new MarkdownDraftParser(), new DraftRules(), CLAIMS, EXPERTS, ACCOUNTS);
    }

    public static DraftIntake intake(RejectedArticles rejectedArticles) {
        return intake().withRejectedArticles(rejectedArticles);
    }

    private Intakes() {}
}
