package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What intake answers to each hostile or messy draft of the corpus: accepted, or refused with the right field and
 * reason. Not timed (the benchmark measures): with the service's own reading budget, which counts work, not time, so
 * every accepted draft here is also within the budget the service runs with, however busy the machine.
 */
class PathologicalDraftsTest {
    private static final DraftIntake INTAKE = new DraftIntake(
            new PlainTextDraftParser(),
            new MarkdownDraftParser(),
            new DraftRules(),
            Intakes.CLAIMS,
            Intakes.EXPERTS,
            Intakes.ACCOUNTS,
            DraftIntake.READING_BUDGET);

    static List<PathologicalDrafts.Case> corpus() {
        return PathologicalDrafts.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachPathologicalDraftGetsItsAnswer(PathologicalDrafts.Case draft) {
        Submission submission = new Submission(draft.format(), draft.text(), Intakes.WANDA, null);
        Reading reading = INTAKE.read(submission);

        if (draft.accepted()) {
            assertThat(reading).isInstanceOf(ReadDraft.class);
            // A third of the allowance at most: the net stays far from every valid draft, each made to stress it.
            assertThat(ReadingBudgetTest.examined(INTAKE, submission))
                    .isLessThan(INTAKE.readingBudget(draft.text().length()) / 3);
        } else {
            assertThat(reading).isEqualTo(new IntakeResult.Invalid(draft.refusals()));
        }
    }

    /** The benchmark (compiled only with -Pbench) names its inputs in an annotation: it must name them all. */
    @Test
    void theBenchmarkMeasuresEveryDraftOfTheCorpus() throws IOException {
        String benchmark = Files.readString(Path.of("src/test/java/org/vetted/intake/bench/IntakeBenchmark.java"));

        assertThat(corpus()).allSatisfy(draft -> assertThat(benchmark).contains("\"" + draft.name() + "\""));
    }
}
