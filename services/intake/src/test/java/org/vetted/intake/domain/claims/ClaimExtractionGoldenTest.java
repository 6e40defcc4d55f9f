package org.vetted.intake.domain.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.vetted.intake.domain.drafts.DraftFormat;
import org.vetted.intake.domain.drafts.Intakes;
import org.vetted.intake.domain.drafts.ReadDraft;
import org.vetted.intake.domain.drafts.Reading;
import org.vetted.intake.domain.drafts.Submission;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Claim extraction's exact output, frozen: {@code claims-golden.jsonl.gz} (JSON lines) holds inputs ({@code extract(title, body)})
 * with every claim the extractor gave for them (id, text, kind, hedged, absolute, section, in order) when the file
 * was made. Any change to the extractor that is meant to be faster, not different, must reproduce it exactly: the
 * gate's promise is that every claim a writer submits is found, so "the same claims" is the bar, not recall.
 * <p>
 * The inputs: every draft of the claims corpus, the samples and golden drafts (as intake's parsers give them to the
 * extractor), the benchmarks' two articles, every text the claim tests write, and adversarial variants of these
 * (invisible characters inside words, Cyrillic and full-width look-alikes, curly quotes and dashes, very long
 * sentences, headings, lists, hedges, capitals, accents). They are stored in the file, so a change to the parsers or
 * the tests does not move them. {@code -Dclaims.golden.write=true} remakes the file from the current code (only when
 * the output is meant to change, and the diff then read claim by claim).
 */
class ClaimExtractionGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/claims-golden.jsonl.gz");
    private static final Path CORPUS = Path.of("src/test/resources/claims-corpus");
    private static final Path BENCH = Path.of("../../benchmarks/src/main/resources/bench");
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    record Expected(String id, String text, String kind, boolean hedged, boolean absolute, String section) {
        static Expected of(Claim claim) {
            return new Expected(
                    claim.id(), claim.text(), claim.kind().name(), claim.hedged(), claim.absolute(), claim.section());
        }
    }

    record Case(String name, String title, String body, List<Expected> claims) {}

    @Test
    void theExtractorGivesExactlyTheClaimsRecordedForEveryInputOfTheGoldenFile() throws IOException {
        if (Boolean.getBoolean("claims.golden.write")) {
            write();
        }
        List<Case> cases = read();
        assertThat(cases).as("the golden file's cases").hasSizeGreaterThan(300);
        int claims = 0;
        for (Case golden : cases) {
            List<Expected> actual = Intakes.CLAIMS.extract(golden.title(), golden.body()).stream()
                    .map(Expected::of)
                    .toList();
            assertThat(actual).as(golden.name()).containsExactlyElementsOf(golden.claims());
            claims += actual.size();
        }
        assertThat(claims).as("claims in the golden file").isGreaterThan(3000);
    }

    static List<Case> read() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(Files.newInputStream(GOLDEN)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                cases.add(JSON.readValue(line, Case.class));
            }
        }
        return cases;
    }

    private static void write() throws IOException {
        Map<String, String[]> inputs = inputs();
        try (Writer out = new BufferedWriter(
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(GOLDEN)), StandardCharsets.UTF_8))) {
            for (Map.Entry<String, String[]> input : inputs.entrySet()) {
                String title = input.getValue()[0];
                String body = input.getValue()[1];
                List<Expected> claims = Intakes.CLAIMS.extract(title, body).stream()
                        .map(Expected::of)
                        .toList();
                out.write(JSON.writeValueAsString(new Case(input.getKey(), title, body, claims)));
                out.write('\n');
            }
        }
    }

    /** Name to {title, body}, in a fixed order. */
    private static Map<String, String[]> inputs() throws IOException {
        Map<String, String[]> inputs = new LinkedHashMap<>();
        List<String> drafts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            files.filter(f -> f.toString().matches(".*\\.(txt|md|html)$")
                            && !f.getFileName().toString().equals("README.md"))
                    .sorted()
                    .forEach(f -> drafts.add(f.toString()));
        }
        drafts.add("src/test/resources/samples/vitamin-d-winter.txt");
        drafts.add("src/test/resources/golden/chamomile-sleep/input.txt");
        drafts.add("src/test/resources/golden/front-matter-markdown/input.md");
        drafts.add(BENCH.resolve("short-article.md").toString());
        drafts.add(BENCH.resolve("long-article.md").toString());
        List<String[]> bases = new ArrayList<>();
        for (String draft : drafts) {
            String text = Files.readString(Path.of(draft), StandardCharsets.UTF_8);
            String name = Path.of(draft).getFileName().toString();
            String[] input;
            if (draft.endsWith("-article.md")) {
                // As the benchmark reads it: front matter cut off, the body as written.
                int end = text.indexOf("\n---\n", 4);
                int title = text.indexOf("title: ") + "title: ".length();
                input = new String[] {text.substring(title, text.indexOf('\n', title)), text.substring(end + 5)};
            } else {
                DraftFormat format = draft.endsWith(".html")
                        ? DraftFormat.HTML
                        : draft.endsWith(".md") ? DraftFormat.MARKDOWN : DraftFormat.PLAIN_TEXT;
                Reading reading = Intakes.intake().read(new Submission(format, text, Intakes.WANDA, null));
                assertThat(reading).as(draft).isInstanceOf(ReadDraft.class);
                ReadDraft read = (ReadDraft) reading;
                input = new String[] {read.title(), read.body()};
            }
            inputs.put("draft " + draft, input);
            bases.add(new String[] {name, input[0], input[1]});
        }
        int i = 0;
        for (String literal : testLiterals()) {
            inputs.putIfAbsent("test text " + i, new String[] {null, literal});
            inputs.putIfAbsent("test text " + i + " titled", new String[] {"Magnesium and Sleep", literal});
            inputs.putIfAbsent("test text " + i + " as title", new String[] {literal, "Magnesium eases cramps.\n"});
            i++;
        }
        for (int s = 0; s < ADVERSARIAL.size(); s++) {
            inputs.put("adversarial " + s, new String[] {"Vitamin D and Your Immune System", ADVERSARIAL.get(s)});
            inputs.put("adversarial " + s + " untitled", new String[] {null, ADVERSARIAL.get(s)});
        }
        // Every variant of the two benchmark articles; each other draft gets three variants, in turn.
        List<Map.Entry<String, UnaryOperator<String>>> variants = new ArrayList<>(VARIANTS.entrySet());
        for (int b = 0; b < bases.size(); b++) {
            String[] base = bases.get(b);
            boolean bench = base[0].endsWith("-article.md");
            for (int v = 0; v < variants.size(); v++) {
                if (bench || Math.floorMod(v - 3 * b, variants.size()) < 3) {
                    Map.Entry<String, UnaryOperator<String>> variant = variants.get(v);
                    inputs.put("variant " + variant.getKey() + " of " + base[0] + " #" + b, new String[] {
                        variant.getValue().apply(base[1]), variant.getValue().apply(base[2])
                    });
                }
            }
        }
        return inputs;
    }

    /** The texts the claim tests write (string literals and text blocks of three words or more). */
    private static List<String> testLiterals() throws IOException {
        Pattern literal = Pattern.compile("\"\"\"\\n(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*+)\"", Pattern.DOTALL);
        List<String> texts = new ArrayList<>();
        for (String test : List.of(
                "ClaimExtractorTest.java",
                "ClaimDetectionCorpusTest.java",
                "ExpertExtractorTest.java",
                "SummaryWriterTest.java")) {
            String source = Files.readString(
                    Path.of("src/test/java/org/vetted/intake/domain/claims").resolve(test), StandardCharsets.UTF_8);
            Matcher m = literal.matcher(source);
            while (m.find()) {
                String text = unicodeEscapes(m.group(1) != null ? m.group(1).stripIndent() : m.group(2))
                        .translateEscapes();
                if (text.strip().split("\\s+").length >= 3 && !texts.contains(text)) {
                    texts.add(text);
                }
            }
        }
        return texts;
    }

    /** The compiler's \\uXXXX escapes, which {@link String#translateEscapes} leaves to it. */
    private static String unicodeEscapes(String source) {
        return Pattern.compile("\\\\u+([0-9a-fA-F]{4})")
                .matcher(source)
                .replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    private static final List<String> ADVERSARIAL = List.of(
            "Magnesium may help you sleep. It is thought to calm the nervous system. Zinc might shorten colds.\n",
            "Vitamin C could ease colds, and potentially lowers the risk of pneumonia, researchers suggest.\n",
            "Mag\u200Bnesium eases cramps. Vita\u2060min D prevents fractures. Zi\u00ADnc cures colds.\n",
            "\u041Cagnesium eases cramps. Vit\u0430min D pr\u0435vents fractures. \uFF3Ainc cures colds.\n",
            "\uFF2D\uFF41\uFF47\uFF4E\uFF45\uFF53\uFF49\uFF55\uFF4D eases leg cramps in most adults.\n",
            "\u201CTurmeric cures arthritis,\u201D she says. It\u2019s \u2018completely safe\u2019 \u2014 or so they say.\n",
            "Take 5,000 IU daily\u2013and never more\u2014than 10,000 IU. Take 200\u2013400 mg of magnesium at night.\n",
            "# Magnesium Calms Anxiety\n\n## It May Support Your Immune System\n\n### Take 200 mg Daily\n\n"
                    + "## Getting the Dose Right\n\n## Why Walking Helps\n\nWalking lowers blood sugar.\n",
            "- Take zinc with food\n- Never give aspirin to children\n- Our guide to calcium-rich foods\n"
                    + "1. Drink water\n2. Rest\n3. Elderberry may shorten flu by two days\n",
            "| Age | Dose |\n|---|---|\n| 3 to 6 years | 1,000 ppm |\n| Adults | 1,450 ppm |\n",
            "![Turmeric cures inflammation](x.png \"Golden milk made with turmeric\")\n\n"
                    + "Read more: [a bedtime routine lowers night-waking](https://example.org/a).\n",
            "May is a good month. You can buy a can of beans. May you sleep well. Can magnesium help?\n",
            "MAGNESIUM EASES LEG CRAMPS. VITAMIN D MAY PREVENT FRACTURES. ZINC CURES COLDS.\n",
            "Magnes\u0131\u0301um eases cramps. Vitami\u00F1 D prevents rickets. Vitamin\u0303 C cures scurvy.\n",
            "Magnesium\u00A0eases\u2009cramps.\r\nVitamin D\u202Fprevents fractures.\r\n",
            "Vitamin D, according to experts, prevents depression and cancer. "
                    + "Vitamin C cures cancer and heart disease (who knew?)\n",
            "I take magnesium every night. My doctor says it works. Let's take a closer look.\n",
            "a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a."
                    + "a.a.a.a.a.a.a.a.a.a. Zinc cures colds.\n",
            "E.g. zinc lowers risk vs. placebo. Dr. Smith says so. Jane A. Smith, i.e. the author, agrees.\n",
            "Magnesium " + "and zinc and iron and calcium ".repeat(200) + "ease cramps and lower blood pressure.\n",
            "Sleep".repeat(300) + " helps memory.\n",
            "\u200B\u2060\u00AD\n\n\u200B Magnesium eases cramps \u200B.\n\n\u2060\n",
            "Zinc may not cure colds. It is not a cure. Magnesium has not been shown to prevent migraines.\n",
            "> \u201CNo side effects at all,\u201D the label promises.\n\n> Magnesium is 100% safe.\n",
            "If you already have osteoporosis, start with 500 mg of calcium. Before you start, here is what to know.\n",
            "Symptoms Follow the Dose\n\nDiet Plays a Smaller Part\n\nSleep Problems in Teens\n\nDoses Used in Trials\n",
            "The knee is built for running. The thyroid sets the pace of metabolism. January is a quiet month.\n");

    private static final Map<String, UnaryOperator<String>> VARIANTS = variants();

    private static Map<String, UnaryOperator<String>> variants() {
        Map<String, UnaryOperator<String>> v = new LinkedHashMap<>();
        v.put("zero-width space", text -> insideWords(text, 5, "\u200B"));
        v.put("word joiner", text -> insideWords(text, 4, "\u2060"));
        v.put("soft hyphen", text -> insideWords(text, 3, "\u00AD"));
        v.put("cyrillic", text -> everyNthWord(text, 3, ClaimExtractionGoldenTest::cyrillic));
        v.put("full-width", text -> everyNthWord(text, 4, ClaimExtractionGoldenTest::fullWidth));
        v.put("curly", ClaimExtractionGoldenTest::curly);
        v.put(
                "long sentences",
                text -> text == null ? null : text.replace(". ", ", and ").replace(".\n", ";\n"));
        v.put("headings", text -> text == null ? null : text.replaceAll("(?m)^(?=[A-Z])", "## "));
        v.put(
                "lists",
                text -> text == null
                        ? null
                        : text.replaceAll("(?m)^(?=[A-Z])", "- ").replace(". ", ".\n- "));
        v.put(
                "hedges",
                text -> text == null
                        ? null
                        : text.replace(" helps ", " may help ")
                                .replace(" is ", " is thought to be ")
                                .replace(" can ", " might ")
                                .replace(" lowers ", " could lower "));
        v.put("capitals", text -> text == null ? null : text.toUpperCase(java.util.Locale.ROOT));
        v.put("title case", text -> everyNthWord(text, 1, w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)));
        v.put(
                "accents",
                text -> text == null ? null : text.replace("i", "\u00ED").replace("n", "n\u0303"));
        v.put(
                "odd spaces",
                text -> text == null ? null : text.replace("\n", "\r\n").replace(" ", "\u00A0"));
        return v;
    }

    private static String insideWords(String text, int every, String inserted) {
        return everyNthWord(text, every, w -> w.length() < 4 ? w : w.substring(0, 2) + inserted + w.substring(2));
    }

    private static String everyNthWord(String text, int every, UnaryOperator<String> change) {
        if (text == null) {
            return null;
        }
        Matcher words = Pattern.compile("\\p{L}++").matcher(text);
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (words.find()) {
            words.appendReplacement(
                    out, Matcher.quoteReplacement(n++ % every == 0 ? change.apply(words.group()) : words.group()));
        }
        return words.appendTail(out).toString();
    }

    private static String cyrillic(String word) {
        return word.replace('a', '\u0430')
                .replace('e', '\u0435')
                .replace('o', '\u043E')
                .replace('c', '\u0441')
                .replace('p', '\u0440')
                .replace('M', '\u041C');
    }

    private static String fullWidth(String word) {
        StringBuilder out = new StringBuilder();
        word.chars()
                .forEach(c -> out.append(
                        c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ? (char) (c - 'A' + '\uFF21') : (char) c));
        return out.toString();
    }

    private static String curly(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        boolean open = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                out.append(open ? '\u201C' : '\u201D');
                open = !open;
            } else if (c == '\'') {
                out.append('\u2019');
            } else if (c == '-' && i > 0 && Character.isDigit(text.charAt(i - 1))) {
                out.append('\u2013');
            } else if (c == '-' && i > 0 && text.charAt(i - 1) == ' ') {
                out.append('\u2014');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
