package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What intake answers to each hostile or messy draft of the corpus: accepted, or refused with the right field and
 * reason. Not timed (the benchmark measures): the budget here is an hour, so only a hang could fail it.
 */
class PathologicalDraftsTest {
    private static final DraftIntake INTAKE = new DraftIntake(
            new PlainTextDraftParser(),
            new MarkdownDraftParser(),
            new DraftRules(),
            Intakes.CLAIMS,
            Intakes.EXPERTS,
            Intakes.ACCOUNTS,
            Duration.ofHours(1),
            System::nanoTime);

    static List<PathologicalDrafts.Case> corpus() {
        return PathologicalDrafts.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachPathologicalDraftGetsItsAnswer(PathologicalDrafts.Case draft) {
        Reading reading = INTAKE.read(new Submission(draft.format(), draft.text(), Intakes.WANDA, null));

        if (draft.accepted()) {
            assertThat(reading).isInstanceOf(ReadDraft.class);
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
