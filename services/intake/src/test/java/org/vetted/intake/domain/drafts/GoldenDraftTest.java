package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vetted.intake.app.InMemoryArticleRegistry;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden files: golden/NAME/input.(txt|md) -> expected.md (the Markdown body), expected.claims.json,
 * expected.experts.json and expected.warnings.txt. Run with -Dgolden.update=true to rewrite the expected files
 * after a deliberate change, then review the diff.
 */
class GoldenDraftTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @ParameterizedTest
    @ValueSource(strings = {"chamomile-sleep", "front-matter-markdown"})
    void draftMatchesItsGoldenFiles(String name) throws IOException {
        Path dir = GOLDEN.resolve(name);
        boolean markdown = Files.exists(dir.resolve("input.md"));
        String input = Files.readString(dir.resolve(markdown ? "input.md" : "input.txt"), StandardCharsets.UTF_8);
        IntakeResult result = Intakes.intake()
                .evaluate(
                        new Submission(
                                markdown ? DraftFormat.MARKDOWN : DraftFormat.PLAIN_TEXT, input, Intakes.WANDA, null),
                        new InMemoryArticleRegistry(),
                        "a-1");

        assertThat(result).isInstanceOf(IntakeResult.Accepted.class);
        Draft draft = ((IntakeResult.Accepted) result).draft();
        String body = "# " + draft.title() + "\n\n" + draft.bodyMarkdown();
        String claims = JSON.writeValueAsString(draft.claims()) + "\n";
        String experts = JSON.writeValueAsString(draft.experts()) + "\n";
        String warnings = String.join("\n", draft.warnings()) + "\n";
        String meta = JSON.writeValueAsString(new java.util.TreeMap<>(Map.of(
                        "slug",
                        draft.slug(),
                        "summary",
                        String.valueOf(draft.summary()),
                        "tags",
                        draft.tags(),
                        "authors",
                        draft.authors())))
                + "\n";

        for (var expected : List.of(
                Map.entry("expected.md", body),
                Map.entry("expected.claims.json", claims),
                Map.entry("expected.experts.json", experts),
                Map.entry("expected.warnings.txt", warnings),
                Map.entry("expected.meta.json", meta))) {
            Path file = dir.resolve(expected.getKey());
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(file, expected.getValue(), StandardCharsets.UTF_8);
            }
            assertThat(expected.getValue())
                    .as(file.toString())
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
    }
}
