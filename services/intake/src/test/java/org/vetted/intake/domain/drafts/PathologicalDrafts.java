package org.vetted.intake.domain.drafts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The corpus of hostile and messy drafts: every input that once took super-linear time (or overflowed the stack) in
 * intake's parsers and extractors, and the ones found by measuring runs of each Markdown-significant character, plus a
 * normal article. Generated, not stored: each case is a pattern repeated to {@link #SIZE} characters, just under the
 * body limit, so the files would be megabytes of the same character. {@code PathologicalDraftsTest} checks what
 * intake answers to each; {@code IntakeBenchmark} (profile {@code bench}) measures how long it takes.
 */
public final class PathologicalDrafts {
    /** Characters of the repeated part: the body limit is 100,000. */
    public static final int SIZE = 90_000;
    /** The repeated part comes in paragraphs of this many characters, just under the paragraph limit. */
    public static final int CHUNK = 4_500;

    /** One input, its format, and the answer it must get: accepted, or refused naming fields with reasons. */
    public record Case(String name, DraftFormat format, String text, List<FieldError> refusals) {
        boolean accepted() {
            return refusals.isEmpty();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        // The testers' finding: "# a", a long run of spaces, "x". As the title it is over 200 characters; as a
        // section heading it is accepted.
        cases.add(refused(
                "md-title-a-spaces-x",
                DraftFormat.MARKDOWN,
                "# a" + " ".repeat(SIZE) + "x\n\nBody.\n",
                "title",
                "must be at most 200 characters"));
        // As a section heading, Flexmark (rendering, the summary) reads it in quadratic time: refused at the door.
        cases.add(refused(
                "md-heading-a-spaces-x",
                DraftFormat.MARKDOWN,
                "# Title\n\n## a" + " ".repeat(CHUNK) + "x\n\nSleep may help memory.\n",
                "body",
                "more than 200 spaces or tabs in a row at line 3, column 5"));
        cases.add(accepted(
                "md-heading-a-spaces-x-within-limits",
                DraftFormat.MARKDOWN,
                "# Title\n\n" + ("## a" + " ".repeat(200) + "x\n\n").repeat(SIZE / 210) + "Sleep may help memory.\n"));
        cases.add(refused(
                "md-heading-hashes",
                DraftFormat.MARKDOWN,
                "# Title\n\n# " + "#".repeat(SIZE) + " x\n",
                "body",
                "paragraph at line 3 has " + (SIZE + 4) + " characters; at most 5000: split it"));
        cases.add(refused(
                "txt-spaces-in-a-line",
                DraftFormat.PLAIN_TEXT,
                "Title\nword" + " ".repeat(CHUNK) + "x\n",
                "body",
                "more than 200 spaces or tabs in a row at line 2, column 5"));
        cases.add(refused(
                "txt-tabs-in-a-line",
                DraftFormat.PLAIN_TEXT,
                "Title\nword" + "\t".repeat(CHUNK) + "x\n",
                "body",
                "more than 200 spaces or tabs in a row at line 2, column 5"));
        cases.add(refused(
                "md-one-long-paragraph",
                DraftFormat.MARKDOWN,
                "# Title\n\n" + "`a` ".repeat(SIZE / 4) + "\n",
                "body",
                "paragraph at line 3 has " + SIZE + " characters; at most 5000: split it"));
        cases.add(accepted(
                "md-code-spans", DraftFormat.MARKDOWN, body(DraftFormat.MARKDOWN, n -> "`a` ".repeat(n / 4))));
        for (DraftFormat format : List.of(DraftFormat.PLAIN_TEXT, DraftFormat.MARKDOWN)) {
            String f = format == DraftFormat.MARKDOWN ? "md-" : "txt-";
            cases.add(accepted(f + "digits", format, body(format, n -> "1".repeat(n))));
            cases.add(accepted(f + "digits-then-unit", format, body(format, n -> "1 ".repeat(n / 2) + "mgx")));
            cases.add(accepted(f + "close-parens", format, body(format, n -> ")".repeat(n))));
            cases.add(refused(
                    f + "open-parens",
                    format,
                    body(format, n -> "(".repeat(n)),
                    "body",
                    "brackets nested " + CHUNK + " deep at line 3; at most 16"));
            cases.add(refused(
                    f + "open-brackets",
                    format,
                    body(format, n -> "[".repeat(n)),
                    "body",
                    "brackets nested " + CHUNK + " deep at line 3; at most 16"));
            cases.add(refused(
                    f + "link-openers",
                    format,
                    body(format, n -> "[](".repeat(n / 3)),
                    "body",
                    "brackets nested " + CHUNK / 3 + " deep at line 3; at most 16"));
            cases.add(
                    format == DraftFormat.MARKDOWN
                            ? refused(
                                    f + "stars-rule",
                                    format,
                                    body(format, n -> "*".repeat(n)),
                                    "body",
                                    "a rule of " + CHUNK + " marks at line 3; at most 200")
                            : accepted(f + "stars-rule", format, body(format, n -> "*".repeat(n))));
            cases.add(refused(
                    f + "stars-then-word",
                    format,
                    body(format, n -> "*".repeat(n) + "x"),
                    "body",
                    "emphasis nested " + CHUNK + " deep at line 3; at most 16"));
            cases.add(
                    format == DraftFormat.MARKDOWN
                            ? refused(
                                    f + "underscores-rule",
                                    format,
                                    body(format, n -> "_".repeat(n)),
                                    "body",
                                    "a rule of " + CHUNK + " marks at line 3; at most 200")
                            : accepted(f + "underscores-rule", format, body(format, n -> "_".repeat(n))));
            cases.add(accepted(f + "hashes", format, body(format, n -> "#".repeat(n))));
            cases.add(
                    format == DraftFormat.MARKDOWN
                            ? refused(
                                    f + "dashes-rule",
                                    format,
                                    body(format, n -> "-".repeat(n)),
                                    "body",
                                    "a rule of " + CHUNK + " marks at line 3; at most 200")
                            : accepted(f + "dashes-rule", format, body(format, n -> "-".repeat(n))));
            cases.add(accepted(f + "backticks", format, body(format, n -> "`".repeat(n))));
            cases.add(accepted(f + "backslashes", format, body(format, n -> "\\".repeat(n))));
            cases.add(accepted(f + "capitalised-words", format, body(format, n -> "Word ".repeat(n / 5) + "x says")));
            cases.add(accepted(f + "doctor-titles", format, body(format, n -> "Dr. ".repeat(n / 4))));
            cases.add(accepted(f + "commas", format, body(format, n -> ", ".repeat(n / 2))));
            cases.add(accepted(f + "quote-commas", format, body(format, n -> ", \"".repeat(n / 3))));
            cases.add(accepted(f + "credential-run", format, body(format, n -> "says Ann Lee" + ", MD".repeat(n / 4))));
            cases.add(accepted(f + "letters-and-dots", format, body(format, n -> "a.".repeat(n / 2))));
            cases.add(accepted(f + "numbers-and-dots", format, body(format, n -> "1.".repeat(n / 2))));
            cases.add(accepted(f + "thousands-of-quoted-names", format, body(format, PathologicalDrafts::quotedNames)));
            cases.add(accepted(
                    f + "one-claim-repeated",
                    format,
                    body(format, n -> "Vitamin D may lower the risk of colds. ".repeat(n / 39))));
        }
        cases.add(refused(
                "md-quotes-without-spaces",
                DraftFormat.MARKDOWN,
                body(DraftFormat.MARKDOWN, n -> ">".repeat(n)),
                "body",
                "block quotes nested " + CHUNK + " deep at line 3; at most 16"));
        cases.add(accepted(
                "txt-quotes-without-spaces",
                DraftFormat.PLAIN_TEXT,
                body(DraftFormat.PLAIN_TEXT, n -> ">".repeat(n) + " x.")));
        cases.add(refused(
                "md-spaced-quotes",
                DraftFormat.MARKDOWN,
                body(DraftFormat.MARKDOWN, n -> "> ".repeat(n / 2) + "x"),
                "body",
                "block quotes nested " + CHUNK / 2 + " deep at line 3; at most 16"));
        cases.add(accepted(
                "txt-spaced-quotes",
                DraftFormat.PLAIN_TEXT,
                body(DraftFormat.PLAIN_TEXT, n -> "> ".repeat(n / 2) + "x.")));
        cases.add(refused(
                "md-spaced-list-markers",
                DraftFormat.MARKDOWN,
                body(DraftFormat.MARKDOWN, n -> "- ".repeat(n / 2) + "x"),
                "body",
                "lists nested " + CHUNK / 2 + " deep at line 3; at most 16"));
        cases.add(accepted(
                "txt-spaced-list-markers",
                DraftFormat.PLAIN_TEXT,
                body(DraftFormat.PLAIN_TEXT, n -> "- ".repeat(n / 2) + "x.")));
        cases.add(accepted("md-many-blank-lines", DraftFormat.MARKDOWN, "# Title\n" + "\n".repeat(SIZE) + "Body.\n"));
        cases.add(accepted(
                "txt-trailing-debris-lines", DraftFormat.PLAIN_TEXT, "Title\nBody.\n" + "Reply\n".repeat(SIZE / 6)));
        cases.add(refused(
                "md-front-matter-dashes",
                DraftFormat.MARKDOWN,
                "---\ntitle: T\n---\n" + "-".repeat(CHUNK) + "\n\nBody.\n",
                "body",
                "a rule of " + CHUNK + " marks at line 4; at most 200"));
        cases.add(accepted(
                "md-spaced-rule-within-limits",
                DraftFormat.MARKDOWN,
                "# Title\n\n" + ("* ".repeat(100) + "\n\nText.\n\n").repeat(200)));
        cases.add(refused(
                "txt-nul-byte",
                DraftFormat.PLAIN_TEXT,
                "Title\nA line with a \u0000 in it.\n",
                "body",
                "contains control character U+0000 at line 2, column 15; only tab, line feed and carriage "
                        + "return are allowed"));
        // HTML pasted from a page: jsoup parses it and Flexmark's converter walks the tree recursively.
        cases.add(refused(
                "html-nested-divs",
                DraftFormat.HTML,
                "<h1>Title</h1>\n" + "<div>".repeat(SIZE / 5) + "x",
                "body",
                "HTML elements nested more than 100 deep at line 2; at most 100"));
        cases.add(refused(
                "html-nested-bold",
                DraftFormat.HTML,
                "<h1>Title</h1>\n" + "<b>".repeat(SIZE / 3) + "x",
                "body",
                "HTML elements nested more than 100 deep at line 2; at most 100"));
        cases.add(refused(
                "html-bold-paragraphs",
                DraftFormat.HTML,
                "<h1>Title</h1>" + "<b><p>".repeat(SIZE / 6),
                "body",
                "HTML has 209912 elements; at most 10000: send the article without the rest of the page"));
        cases.add(accepted(
                "html-bold-paragraphs-within-limits",
                DraftFormat.HTML,
                "<h1>Title</h1>" + "<p><b>Zinc</b> may shorten a cold.</p>".repeat(3_000)));
        cases.add(accepted(
                "html-many-paragraphs",
                DraftFormat.HTML,
                "<h1>Title</h1>" + "<p>Zinc may shorten a cold.</p>".repeat(SIZE / 31)));
        cases.add(refused(
                "html-many-list-items",
                DraftFormat.HTML,
                "<h1>Title</h1><ul>" + "<li>Zinc may shorten a cold".repeat(SIZE / 30) + "</ul>",
                "body",
                "paragraph at line 1 has 75000 characters; at most 5000: split it (of the Markdown made from "
                        + "the HTML)"));
        cases.add(refused(
                "html-one-wide-table-row",
                DraftFormat.HTML,
                "<h1>Title</h1><table><tr>" + "<td>1 mg</td>".repeat(SIZE / 13) + "</tr></table>",
                "body",
                "paragraph at line 1 has 96924 characters; at most 5000: split it (of the Markdown made from "
                        + "the HTML)"));
        cases.add(refused(
                "html-table-rows",
                DraftFormat.HTML,
                "<h1>Title</h1><table>" + "<tr><td>Zinc</td><td>13 mg</td></tr>".repeat(SIZE / 36) + "</table>",
                "body",
                "paragraph at line 1 has 40016 characters; at most 5000: split it (of the Markdown made from "
                        + "the HTML)"));
        cases.add(accepted(
                "html-tables-within-limits",
                DraftFormat.HTML,
                "<h1>Title</h1>"
                        + ("<table>" + "<tr><td>Zinc</td><td>13 mg</td></tr>".repeat(100) + "</table>").repeat(25)));
        cases.add(new Case(
                "html-less-than-signs",
                DraftFormat.HTML,
                "<h1>Title</h1><p>" + "<".repeat(SIZE) + "</p>",
                List.of(
                        new FieldError(
                                "body",
                                "paragraph at line 1 has 180000 characters; at most 5000: split it (of "
                                        + "the Markdown made from the HTML)"),
                        new FieldError("body", "must be at most 100000 characters"))));
        cases.add(refused(
                "html-escape-reference",
                DraftFormat.HTML,
                "<h1>Title</h1><p>A &#27; escape.</p>",
                "body",
                "contains control character U+001B (written as a character reference); only tab, line feed "
                        + "and carriage return are allowed"));
        cases.add(accepted("normal-article", DraftFormat.PLAIN_TEXT, normalArticle()));
        return cases;
    }

    /** Byname, for the benchmark's parameter. */
    public static Case named(String name) {
        return all().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pathological draft " + name));
    }

    /**
     * A title, a blank line, the repeated part from line 3 in paragraphs of {@link #CHUNK} characters (no paragraph
     * may be longer), then a closing sentence (so that a run plain text would take for trailing comment-counter
     * debris, such as a line of digits or asterisks, stays in the body).
     */
    private static String body(DraftFormat format, IntFunction<String> repeated) {
        String title = format == DraftFormat.MARKDOWN ? "# Title" : "Title";
        String paragraph = repeated.apply(CHUNK);
        return title + "\n\n" + (paragraph + "\n\n").repeat(SIZE / CHUNK) + "The end.\n";
    }

    /** "says Qa. says Qb. ...": thousands of different people, each quoted once. */
    private static String quotedNames(int size) {
        StringBuilder text = new StringBuilder(size + 32);
        for (int i = 0; text.length() < size; i++) {
            StringBuilder name = new StringBuilder("Q");
            int n = i;
            do {
                name.append((char) ('a' + n % 26));
                n /= 26;
            } while (n > 0);
            text.append("says ").append(name).append(". ");
        }
        return text.toString();
    }

    private static String normalArticle() {
        try (InputStream in = PathologicalDrafts.class.getResourceAsStream("/samples/vitamin-d-winter.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case accepted(String name, DraftFormat format, String text) {
        return new Case(name, format, text, List.of());
    }

    private static Case refused(String name, DraftFormat format, String text, String field, String reason) {
        return new Case(name, format, text, List.of(new FieldError(field, reason)));
    }

    private PathologicalDrafts() {}
}
