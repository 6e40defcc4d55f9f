package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DraftRulesTest {
    private final DraftRules rules = new DraftRules();

    @Test
    void aCompleteDraftKeepsEveryRule() {
        assertThat(rules.check(draft("Title", "Body.\n", List.of("sleep"), "Short.")))
                .isEmpty();
    }

    @Test
    void titleAndBodyAreRequired() {
        assertThat(rules.check(draft(" ", "", List.of(), null)))
                .containsExactly(
                        new FieldError("title", "must not be blank"), new FieldError("body", "must not be blank"));
    }

    @Test
    void limitsAreCountedInCharactersNotBytes() {
        assertThat(rules.check(draft("é".repeat(200), "Body.\n", List.of(), null)))
                .isEmpty();
        assertThat(rules.check(draft("é".repeat(201), "x".repeat(100_001), List.of(), "s".repeat(501))))
                .containsExactly(
                        new FieldError("title", "must be at most 200 characters"),
                        new FieldError("body", "must be at most 100000 characters"),
                        new FieldError("summary", "must be at most 500 characters"));
    }

    @Test
    void atMostTwentyTagsOfFortyCharacters() {
        assertThat(rules.check(draft("T", "B\n", Collections.nCopies(21, "t"), null)))
                .containsExactly(new FieldError("tags", "must be at most 20 tags"));
        assertThat(rules.check(draft("T", "B\n", List.of("ok", "t".repeat(41)), null)))
                .containsExactly(new FieldError("tags[1]", "must be at most 40 characters"));
    }

    private static ParsedDraft draft(String title, String body, List<String> tags, String summary) {
        return new ParsedDraft(title, summary, tags, List.of(), body, List.of(), List.of());
    }
}
