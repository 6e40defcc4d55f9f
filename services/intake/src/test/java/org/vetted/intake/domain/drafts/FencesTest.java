package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FencesTest {
    @Test
    void aFenceIsCodeOnlyWhenItClosesWithTheSameMarksAtLeastAsLong() {
        List<String> lines = List.of("text", "````js", "code", "```", "still code", "````", "after", "~~~", "loose");

        assertThat(Fences.codeLines(lines)).containsExactly(false, true, true, true, true, true, false, false, false);
        assertThat(Fences.firstUnclosed(lines)).isEqualTo(7);
    }

    @Test
    void aBacktickInTheInfoStringMeansNoFence() {
        List<String> lines = List.of("```a`b", "text", "```");

        assertThat(Fences.codeLines(lines)).containsExactly(false, false, false);
        assertThat(Fences.firstUnclosed(lines))
                .as("the last line opens a fence of its own")
                .isEqualTo(2);
    }

    @Test
    void manyOpenersThatNeverCloseAreReadInLinearTime() {
        List<String> lines = Collections.nCopies(200_000, "```info");

        long start = System.nanoTime();
        boolean[] code = Fences.codeLines(lines);

        assertThat(code).doesNotContain(true);
        assertThat(System.nanoTime() - start).as("one pass, not one per opener").isLessThan(2_000_000_000L);
    }
}
