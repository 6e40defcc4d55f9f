package org.vetted.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under src/test/resources/golden holds input.md and the expected.html rendering of it (signed off by
 * Rita Reyes, MD on November 25, 2026). Run with -Dgolden.update=true to rewrite the expected files, then review
 * the diff before keeping it.
 */
class GoldenRenderingTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private final ArticleRenderer renderer =
            new ArticleRenderer(ApprovalBinding.defaults(), new MedicalReviewByline(ZoneOffset.UTC));

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> folders = Files.list(GOLDEN)) {
            return folders.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersAsTheGoldenFileSays(Path folder) throws IOException {
        String input = Files.readString(folder.resolve("input.md"), StandardCharsets.UTF_8);
        Path expectedFile = folder.resolve("expected.html");

        RenderResult result = renderer.render(ApprovedArticles.withBody(input));

        assertThat(result).isInstanceOf(RenderResult.Rendered.class);
        String html = ((RenderResult.Rendered) result).html();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, html, StandardCharsets.UTF_8);
        }
        assertThat(html).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
        SafeHtml.assertSafe(html);
    }
}
