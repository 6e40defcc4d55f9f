package org.vetted.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetted.markdown.SafeMarkdown;

/** Known XSS vectors (src/test/resources/xss/vectors.txt) never survive as markup, alone or mixed into an article. */
class XssCorpusTest {
    /** What rendering publishes with: the shared Flexmark and sanitizer settings. */
    private static final SafeMarkdown RENDERER = new SafeMarkdown();

    private static final List<String> VECTORS = load();

    static Stream<String> vectors() {
        return VECTORS.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vectorNeverSurvivesAsMarkup(String vector) {
        SafeHtml.assertSafe(RENDERER.toSafeHtml(vector));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vectorAsRawHtmlNeverSurvivesTheSanitizerAlone(String vector) {
        SafeHtml.assertSafe(RENDERER.sanitize(vector));
    }

    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void vectorsMixedIntoMarkdownNeverSurviveAsMarkup(int seed) {
        Random random = new Random(seed);
        String[] markdown = {
            "",
            "# ",
            "## ",
            "> ",
            "- ",
            "1. ",
            "*",
            "**",
            "`",
            "[",
            "](",
            ")",
            "|",
            "\n",
            "\n\n",
            "“quoted” — ",
            "&",
            "<",
            "\"",
            "'",
            "[^1]",
            "\n[^1]: "
        };
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            input.append(markdown[random.nextInt(markdown.length)]);
            input.append(VECTORS.get(random.nextInt(VECTORS.size())));
        }
        SafeHtml.assertSafe(RENDERER.toSafeHtml(input.toString()));
    }

    @Test
    void corpusIsLoaded() {
        assertThat(VECTORS).hasSizeGreaterThan(50).anyMatch(vector -> vector.contains("\u0000"));
    }

    @Test
    void safeLinksSurviveWithRelNofollowNoopener() {
        String html = RENDERER.toSafeHtml("[NIH](https://www.nih.gov/) and [mail](mailto:editors@example.org)");

        assertThat(html)
                .contains("href=\"https://www.nih.gov/\"")
                .contains("rel=\"nofollow noopener\"")
                .contains("href=\"mailto:editors&#64;example.org\"");
    }

    private static List<String> load() {
        try (InputStream in = XssCorpusTest.class.getResourceAsStream("/xss/vectors.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(XssCorpusTest::unescape)
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Turns the corpus escapes \n, \t and \\uXXXX into the characters they stand for. */
    static String unescape(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if (next == 'n') {
                    out.append('\n');
                    i++;
                    continue;
                }
                if (next == 't') {
                    out.append('\t');
                    i++;
                    continue;
                }
                if (next == 'u' && i + 5 < line.length()) {
                    out.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
