package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.vetted.intake.app.InMemoryArticleRegistry;
import org.vetted.intake.domain.claims.Expert;

/**
 * The real paste the pipeline must take: the team's shared sample, read from beside the repository (it is not
 * copied into the project). Skipped where the shared folder is not there; CI always has it.
 */
class SharedSampleTest {
    private static final Path SAMPLE = Path.of("../../../shared/samples/magnesium-anxiety.txt");

    @Test
    void aWritersRealPasteIsAcceptedWithItsExpertsClaimsAndDebrisReported() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(SAMPLE), "shared sample not found at " + SAMPLE.toAbsolutePath());
        String paste = Files.readString(SAMPLE, StandardCharsets.UTF_8);

        IntakeResult result = Intakes.intake()
                .evaluate(
                        new Submission(DraftFormat.PLAIN_TEXT, paste, Intakes.WANDA, null),
                        new InMemoryArticleRegistry(),
                        "a-shared");

        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        Draft draft = ((IntakeResult.Accepted) result).draft();
        assertThat(draft.title()).isEqualTo("What Are the Potential Benefits of Magnesium for Anxiety?");
        assertThat(draft.bodyMarkdown())
                .contains("## It May Help Your Muscles Relax")
                .contains("\u201cMagnesium works with the parasympathetic nervous system")
                .doesNotContain("Leave a Reply");
        assertThat(draft.experts()).contains(new Expert("Noah Kass", "LCSW"), new Expert("Alex Dimitriu", "MD"));
        assertThat(draft.experts()).anySatisfy(expert -> {
            assertThat(expert.name()).isEqualTo("Hypolite");
            assertThat(expert.credential()).isNull();
        });
        assertThat(draft.warnings()).anySatisfy(w -> assertThat(w).contains("Leave a Reply"));
        assertThat(draft.warnings()).anySatisfy(w -> assertThat(w).contains("Hypolite"));
        assertThat(draft.claims()).anySatisfy(claim -> {
            assertThat(claim.text()).startsWith("Magnesium is thought to help modulate this system");
            assertThat(claim.hedged()).isTrue();
        });
        assertThat(draft.claims()).anySatisfy(claim -> {
            assertThat(claim.text()).startsWith("\u201cBetter sleep, in turn, results in less anxiety");
            assertThat(claim.hedged()).isFalse();
        });
    }
}
