package org.vetted.intake.domain.drafts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a Markdown draft: optional YAML front matter ({@code title}, {@code authors}, {@code tags}, {@code summary},
 * {@code correction}, {@code publishAt})
 * between {@code ---} lines, then the body. Front matter is loaded as plain maps, lists and scalars only
 * ({@link SafeConstructor}), never as arbitrary types. Without a front-matter title, a leading {@code # Heading}
 * is the title and is taken out of the body. Web-page debris at the end is removed and reported
 * ({@link WebPageDebris}), and a code fence that never closes is warned about (the rest would render as code).
 */
public final class MarkdownDraftParser {
    /** The closing "---" or "..." stands alone on its line: "title: Is it safe..." does not end the front matter. */
    private static final Pattern FRONT_MATTER =
            Pattern.compile("\\A---[ \\t]*\\n(?:(.*?)\\n)?(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);

    private static final List<String> KNOWN_KEYS =
            List.of("title", "authors", "tags", "summary", "correction", "publishAt");
    private static final int FRONT_MATTER_MAX_CHARS = 16 * 1024;

    public ParsedDraft parse(String markdown) {
        return parse(markdown, true);
    }

    /**
     * @param frontMatter whether a leading {@code ---} block is front matter: not for Markdown made from HTML, which
     *                    cannot mean it (a page's rules and text must not become authors or tags)
     */
    ParsedDraft parse(String markdown, boolean frontMatter) {
        return parse(markdown, frontMatter, null);
    }

    /** @param knownTitle the title, when the draft gave it another way (HTML's first h1); else read from the text */
    ParsedDraft parse(String markdown, boolean frontMatter, String knownTitle) {
        String text = Text.normalise(markdown);
        List<String> warnings = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        String title = knownTitle;
        String summary = null;
        List<String> tags = List.of();
        List<String> authors = List.of();
        String correction = null;
        String publishAt = null;
        String body = text;

        Matcher front = ReadingBudget.matcher(FRONT_MATTER, text);
        if (frontMatter && knownTitle == null && front.find()) {
            body = text.substring(front.end());
            Map<?, ?> fields = loadFrontMatter(front.group(1) == null ? "" : front.group(1), errors);
            for (Object key : fields.keySet()) {
                if (!KNOWN_KEYS.contains(String.valueOf(key))) {
                    warnings.add("front matter key \"" + key + "\" is ignored");
                }
            }
            title = scalar(fields, "title", errors);
            summary = scalar(fields, "summary", errors);
            tags = stringList(fields, "tags", errors);
            authors = stringList(fields, "authors", errors);
            correction = scalar(fields, "correction", errors);
            publishAt = scalar(fields, "publishAt", errors);
        }
        if (title == null) {
            int[] h1 = leadingH1(body);
            if (h1 != null) {
                title = MarkdownText.withoutClosingHashes(body.substring(h1[0], h1[1]));
                body = body.substring(Math.min(h1[1] + 1, body.length()));
            }
        }
        // The body is a suffix of the text: its first line is one past the newlines before it.
        int firstBodyLine = 1
                + (int) text.substring(0, text.length() - body.length())
                        .chars()
                        .filter(c -> c == '\n')
                        .count();
        List<String> lines = List.of(body.split("\n", -1));
        errors.addAll(InputLimits.nestingWithinLimits(lines, firstBodyLine));
        errors.addAll(InputLimits.paragraphsWithinLimits(lines, firstBodyLine, false));
        int unclosed = Fences.firstUnclosed(lines);
        if (unclosed >= 0) {
            warnings.add("the code fence at line " + (firstBodyLine + unclosed) + " is never closed: everything after "
                    + "it would show as code; close it or remove it");
        }
        WebPageDebris.Trimmed trimmed = WebPageDebris.removeTrailing(body);
        warnings.addAll(trimmed.warnings());
        return new ParsedDraft(
                title,
                summary,
                tags,
                authors,
                tidyBody(trimmed.bodyMarkdown()),
                warnings,
                errors,
                correction,
                publishAt);
    }

    private static Map<?, ?> loadFrontMatter(String yaml, List<FieldError> errors) {
        if (yaml.length() > FRONT_MATTER_MAX_CHARS) {
            errors.add(new FieldError("frontMatter", "must be at most " + FRONT_MATTER_MAX_CHARS + " characters"));
            return Map.of();
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(10);
        options.setCodePointLimit(FRONT_MATTER_MAX_CHARS);
        try {
            Object loaded = new Yaml(
                            new SafeConstructor(options),
                            new Representer(new DumperOptions()),
                            new DumperOptions(),
                            options,
                            new NoTimestamps())
                    .load(yaml);
            if (loaded == null) {
                return Map.of();
            }
            if (loaded instanceof Map<?, ?> map) {
                return map;
            }
            errors.add(new FieldError("frontMatter", "must be a mapping of title, authors, tags and summary"));
        } catch (YAMLException e) {
            errors.add(new FieldError("frontMatter", "is not valid YAML"));
        }
        return Map.of();
    }

    /**
     * YAML's implicit types except timestamps: {@code publishAt: 2027-03-01T09:00:00+01:00} stays the text written
     * (a date would drop whether an offset was given, and turn a title that is a date into {@code Date.toString()}).
     */
    private static final class NoTimestamps extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    private static String scalar(Map<?, ?> fields, String key, List<FieldError> errors) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            errors.add(new FieldError(key, "must be a single text value"));
            return null;
        }
        return Text.normalise(String.valueOf(value)).strip();
    }

    private static List<String> stringList(Map<?, ?> fields, String key, List<FieldError> errors) {
        Object value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (item == null || item instanceof Map<?, ?> || item instanceof Collection<?>) {
                    errors.add(new FieldError(key, "must be a list of text values"));
                    return List.of();
                }
                out.add(Text.normalise(String.valueOf(item)).strip());
            }
        } else if (value instanceof Map<?, ?>) {
            errors.add(new FieldError(key, "must be a list of text values"));
        } else {
            for (String item : String.valueOf(value).split(",")) {
                out.add(Text.normalise(item).strip());
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    /**
     * Where the text of a leading "# Title" line starts and ends (blank lines before it allowed), or null. Plain code:
     * the pattern it replaces took cubic time on "# a" followed by a long run of spaces.
     */
    static int[] leadingH1(String body) {
        int i = 0;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        if (i + 1 >= body.length() || body.charAt(i) != '#' || !isSpaceOrTab(body.charAt(i + 1))) {
            return null;
        }
        int start = i + 1;
        int end = body.indexOf('\n', start);
        end = end < 0 ? body.length() : end;
        return MarkdownText.withoutClosingHashes(body.substring(start, end)).isEmpty() ? null : new int[] {start, end};
    }

    private static boolean isSpaceOrTab(char c) {
        return c == ' ' || c == '\t';
    }

    /** No leading or trailing blank lines, no trailing spaces, one final newline. */
    static String tidyBody(String body) {
        String[] lines = body.split("\n", -1);
        int first = 0;
        int last = lines.length - 1;
        while (first <= last && lines[first].isBlank()) {
            first++;
        }
        while (last >= first && lines[last].isBlank()) {
            last--;
        }
        StringBuilder out = new StringBuilder(body.length());
        for (int i = first; i <= last; i++) {
            out.append(lines[i].stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
