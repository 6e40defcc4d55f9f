package org.vetted.intake.domain.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vetted.intake.domain.drafts.DraftFormat;
import org.vetted.intake.domain.drafts.DraftIntake;
import org.vetted.intake.domain.drafts.Intakes;
import org.vetted.intake.domain.drafts.ReadDraft;
import org.vetted.intake.domain.drafts.Reading;
import org.vetted.intake.domain.drafts.Submission;
import org.vetted.intake.domain.drafts.Text;

/**
 * Claim detection measured on a labelled corpus of the project's own writing ({@code claims-corpus/}): each draft
 * is read the whole way intake reads it (the parser its extension names, then the extractor) and its claims are
 * compared with the claims a reviewer marked ({@code NAME.claims}). Precision and recall are micro-averaged over
 * claims, per set: {@code tuning/} (what the extractor was tuned on) and {@code held-out/} (never tuned on); while
 * tuning, {@code -Dclaims.corpus.sets=tuning} measures the tuning set alone (see {@link #SETS_PROPERTY}). The report
 * goes to stdout and to {@code target/claims-corpus-report.txt}; the floors sit just below the figures reached, so a
 * change that finds fewer claims, or more wrong ones, fails here and says by how much.
 * <p>
 * A predicted claim matches a label when their normalized texts are equal, or one contains the other and covers at
 * least {@value #MIN_COVERAGE} of it. Normalized: Unicode NFKC, lower case, curly quotes straight, whitespace
 * collapsed, surrounding quotes and trailing punctuation dropped. Each label and each prediction is matched at most
 * once (a label takes the unmatched prediction that covers it best).
 */
class ClaimDetectionCorpusTest {
    static final double MIN_COVERAGE = 0.6;
    private static final Path CORPUS = Path.of("src/test/resources/claims-corpus");
    private static final Path REPORT = Path.of("target/claims-corpus-report.txt");

    // Just below the figures reached; see the README, "How well claims are found". Raise them with the figures; a
    // change that lowers them must say why. Each tuning pass traded precision for recall, the direction a reviewer
    // wants: after the third (on tuning/ alone), held-out went from P 0.905 R 0.912 to P 0.869 R 0.971.
    // held-out-2 was written for the third pass, by someone who never saw the extractor, and first measured after it.
    // held-out-3 was written for the precision pass (topic headings, question titles, filler), measured before it
    // (P 0.802 R 0.964) and after (P 0.932 R 0.976).
    private static final double TUNING_PRECISION_FLOOR = 0.92;
    private static final double TUNING_RECALL_FLOOR = 0.98;
    private static final double HELD_OUT_PRECISION_FLOOR = 0.86;
    private static final double HELD_OUT_RECALL_FLOOR = 0.97;
    private static final double HELD_OUT_2_PRECISION_FLOOR = 0.89;
    private static final double HELD_OUT_2_RECALL_FLOOR = 0.94;
    private static final double HELD_OUT_3_PRECISION_FLOOR = 0.93;
    private static final double HELD_OUT_3_RECALL_FLOOR = 0.97;
    /** Every set never tuned on, together: the aim is recall at least 0.95 at precision at least 0.85. */
    private static final double UNSEEN_PRECISION_FLOOR = 0.88;

    private static final double UNSEEN_RECALL_FLOOR = 0.96;
    static final String UNSEEN = "never tuned on";

    /**
     * The sets to measure, a comma list ({@code -Dclaims.corpus.sets=tuning}); by default every set in the corpus.
     * Tuning runs only {@code tuning}, so the held-out figures stay unseen; a set left out has its floors unchecked.
     */
    static final String SETS_PROPERTY = "claims.corpus.sets";
    /** Floors per set, precision then recall; a set without floors (a new one) is reported only. */
    private static final Map<String, double[]> FLOORS = Map.of(
            "tuning",
            new double[] {TUNING_PRECISION_FLOOR, TUNING_RECALL_FLOOR},
            "held-out",
            new double[] {HELD_OUT_PRECISION_FLOOR, HELD_OUT_RECALL_FLOOR},
            "held-out-2",
            new double[] {HELD_OUT_2_PRECISION_FLOOR, HELD_OUT_2_RECALL_FLOOR},
            "held-out-3",
            new double[] {HELD_OUT_3_PRECISION_FLOOR, HELD_OUT_3_RECALL_FLOOR},
            UNSEEN,
            new double[] {UNSEEN_PRECISION_FLOOR, UNSEEN_RECALL_FLOOR});

    private final DraftIntake intake = Intakes.intake();

    @Test
    void claimsAreFoundOnDraftsTheExtractorWasAndWasNotTunedOn() throws IOException {
        StringBuilder report = new StringBuilder("Claim detection on claims-corpus (matching: equal, or containment "
                + "covering at least " + MIN_COVERAGE + " of the longer text, after normalization)\n");
        Map<String, Score> scores = new LinkedHashMap<>();
        Score unseen = new Score(0, 0, 0, 0);
        int unseenSets = 0;
        for (String set : sets()) {
            Score score = scoreSet(set, report);
            scores.put(set, score);
            if (!set.equals("tuning")) {
                unseen = unseen.plus(score);
                unseenSets++;
            }
        }
        if (unseenSets > 1) {
            scores.put(UNSEEN, unseen);
        }
        report.append('\n');
        scores.forEach((set, score) -> report.append(String.format(Locale.ROOT, "TOTAL %-14s ", set))
                .append(score)
                .append('\n'));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);
        System.out.print(report);

        StringBuilder measured = new StringBuilder("measured:");
        scores.forEach((set, score) ->
                measured.append(' ').append(set).append(' ').append(score).append(';'));
        measured.append(" (report: ").append(REPORT).append(')');
        scores.forEach((set, score) -> {
            double[] floors = FLOORS.get(set);
            if (floors != null) {
                assertThat(score.precision())
                        .as(set + " precision, " + measured)
                        .isGreaterThanOrEqualTo(floors[0]);
                assertThat(score.recall()).as(set + " recall, " + measured).isGreaterThanOrEqualTo(floors[1]);
            }
        });
    }

    /** The sets named by {@value #SETS_PROPERTY}, else every directory of the corpus: tuning first, then by name. */
    static List<String> sets() throws IOException {
        String named = System.getProperty(SETS_PROPERTY, "").strip();
        if (!named.isEmpty()) {
            List<String> sets = Stream.of(named.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
            for (String set : sets) {
                assertThat(CORPUS.resolve(set))
                        .as(SETS_PROPERTY + " names a set of the corpus")
                        .isDirectory();
            }
            return sets;
        }
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            return dirs.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .sorted(Comparator.comparing((String set) -> !set.equals("tuning"))
                            .thenComparing(set -> set))
                    .toList();
        }
    }

    @Test
    void theMatchingRuleForgivesQuoteStyleCaseAndTrailingPunctuationAndAcceptsLargelyOverlappingTexts() {
        assertThat(matches("“Sleep helps,” she says.", "\"sleep helps,\" She says"))
                .isTrue();
        assertThat(matches("Take 300 mg daily.", "Take 300 mg daily, with food."))
                .isTrue();
        assertThat(matches("Take 300 mg daily.", "Take 300 mg daily, with food, unless your doctor says otherwise."))
                .isFalse();
        assertThat(matches("Sleep helps.", "Rest helps.")).isFalse();
    }

    private Score scoreSet(String set, StringBuilder report) throws IOException {
        report.append("\n== ").append(set).append(" ==\n");
        Score total = new Score(0, 0, 0, 0);
        Score[] byFormat = {new Score(0, 0, 0, 0), new Score(0, 0, 0, 0), new Score(0, 0, 0, 0)};
        List<Path> drafts;
        try (Stream<Path> files = Files.list(CORPUS.resolve(set))) {
            // A draft is any file with labels beside it (a set may keep a README).
            drafts = files.filter(f -> !f.toString().endsWith(".claims") && Files.exists(labelsOf(f)))
                    .sorted()
                    .toList();
        }
        for (Path draft : drafts) {
            DraftFormat format = formatOf(draft);
            List<String> labels = labels(draft);
            List<String> predicted = predictions(draft, format);
            Score score = compare(draft.getFileName().toString(), labels, predicted, report);
            total = total.plus(score);
            byFormat[format.ordinal()] = byFormat[format.ordinal()].plus(score);
        }
        for (DraftFormat format : DraftFormat.values()) {
            report.append("  ")
                    .append(set)
                    .append(' ')
                    .append(format)
                    .append(": ")
                    .append(byFormat[format.ordinal()])
                    .append('\n');
        }
        return total;
    }

    private List<String> predictions(Path draft, DraftFormat format) throws IOException {
        Reading reading = intake.read(
                new Submission(format, Files.readString(draft, StandardCharsets.UTF_8), Intakes.WANDA, null));
        assertThat(reading).as(draft + " is accepted").isInstanceOf(ReadDraft.class);
        return ((ReadDraft) reading).claims().stream().map(Claim::text).toList();
    }

    private static Score compare(String name, List<String> labels, List<String> predicted, StringBuilder report) {
        boolean[] used = new boolean[predicted.size()];
        List<String> missed = new ArrayList<>();
        int matched = 0;
        for (String label : labels) {
            int best = -1;
            double bestCoverage = 0;
            for (int i = 0; i < predicted.size(); i++) {
                double coverage = coverage(label, predicted.get(i));
                if (!used[i] && coverage >= MIN_COVERAGE && coverage > bestCoverage) {
                    best = i;
                    bestCoverage = coverage;
                }
            }
            if (best >= 0) {
                used[best] = true;
                matched++;
            } else {
                missed.add(label);
            }
        }
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < predicted.size(); i++) {
            if (!used[i]) {
                extra.add(predicted.get(i));
            }
        }
        Score score = new Score(matched, predicted.size(), matched, labels.size());
        report.append(name).append(": ").append(score).append('\n');
        missed.forEach(text -> report.append("    missed: ").append(text).append('\n'));
        extra.forEach(text -> report.append("    extra:  ").append(text).append('\n'));
        return score;
    }

    static boolean matches(String a, String b) {
        return coverage(a, b) >= MIN_COVERAGE;
    }

    /** 1 for equal normalized texts; for containment, the shorter's share of the longer; else 0. */
    static double coverage(String a, String b) {
        String x = normalized(a);
        String y = normalized(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = shorter == x ? y : x;
        return longer.contains(shorter) ? (double) shorter.length() / longer.length() : 0;
    }

    static String normalized(String text) {
        String s = Text.straightQuotes(Normalizer.normalize(text, Normalizer.Form.NFKC))
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
        int start = 0;
        int end = s.length();
        while (end > start && ".,;:!?…\"' ".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        while (start < end && "\"' ".indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return s.substring(start, end);
    }

    private static Path labelsOf(Path draft) {
        String name = draft.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return draft.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".claims");
    }

    private static List<String> labels(Path draft) throws IOException {
        return Files.readAllLines(labelsOf(draft), StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static DraftFormat formatOf(Path draft) {
        String name = draft.getFileName().toString();
        if (name.endsWith(".md")) {
            return DraftFormat.MARKDOWN;
        }
        if (name.endsWith(".html")) {
            return DraftFormat.HTML;
        }
        if (name.endsWith(".txt")) {
            return DraftFormat.PLAIN_TEXT;
        }
        throw new IllegalArgumentException("not a draft: " + draft);
    }

    /** Matched predictions of all predictions, matched labels of all labels. */
    record Score(int truePredictions, int predictions, int foundLabels, int labels) {
        Score plus(Score other) {
            return new Score(
                    truePredictions + other.truePredictions,
                    predictions + other.predictions,
                    foundLabels + other.foundLabels,
                    labels + other.labels);
        }

        double precision() {
            return predictions == 0 ? 0 : (double) truePredictions / predictions;
        }

        double recall() {
            return labels == 0 ? 0 : (double) foundLabels / labels;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "precision %.3f (%d/%d), recall %.3f (%d/%d)",
                    precision(),
                    truePredictions,
                    predictions,
                    recall(),
                    foundLabels,
                    labels);
        }
    }
}
