package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vetted.intake.app.InMemoryArticleRegistry;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.accounts.Role;

/** Credited authors are matched to accounts by person, not by spelling: a reviewer cannot co-author as "external". */
class AuthorMatchingTest {
    private static final Account DANA =
            new Account("dana", "Dana Diaz", Set.of(Role.WRITER, Role.MEDICAL_REVIEWER), "RD");
    private static final Accounts ACCOUNTS = new Accounts(List.of(Intakes.WANDA, DANA));
    private final DraftIntake intake = new DraftIntake(
            new PlainTextDraftParser(),
            new MarkdownDraftParser(),
            new DraftRules(),
            Intakes.CLAIMS,
            Intakes.EXPERTS,
            ACCOUNTS);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            '"Dana Diaz, RD"'
            '"dr. dana diaz"'
            '"DANA  DÍAZ"'
            '"Díaz, Dana"'
            '"Dana Diaz MD, MPH"'
            '"Dana Diaz"'
            dana
            """)
    void everySpellingOfACoAuthorIsHerAccount(String frontMatterName) {
        Draft draft = submit("authors: [" + frontMatterName + "]");

        assertThat(draft.authors()).containsExactly(Intakes.WANDA.asAuthor(), DANA.asAuthor());
        assertThat(draft.warnings()).noneMatch(warning -> warning.startsWith("credited author"));
    }

    @Test
    void anExternalNameThatResemblesStaffIsCreditedAsExternalWithAWarning() {
        Draft draft = submit("authors: [\"Dana Dias\", \"Lena Ortiz\"]");

        assertThat(draft.authors())
                .extracting(Author::username)
                .containsExactly("wanda", "external:dana-dias", "external:lena-ortiz");
        assertThat(draft.warnings())
                .containsExactly("credited author \"Dana Dias\" has no account but resembles "
                        + "Dana Diaz (dana); if this is the same person, credit them by username");
    }

    private Draft submit(String authorsLine) {
        IntakeResult result = intake.evaluate(
                new Submission(
                        DraftFormat.MARKDOWN,
                        "---\ntitle: Protein at Breakfast\n" + authorsLine + "\n---\nEggs are a common breakfast.\n",
                        Intakes.WANDA,
                        null),
                new InMemoryArticleRegistry(),
                "a-1");
        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        return ((IntakeResult.Accepted) result).draft();
    }
}
