package org.vetted.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Finds candidate health claims: sentences (split by OpenNLP's sentence detector) that name a health or body term
 * together with an effect verb, a mechanism, a risk or a dose, or that states an amount ("270 mg"). Questions and pure attributions ("she adds.") are
 * not claims. Each claim is classified (DOSE, RISK, MECHANISM, else EFFECT) and marked hedged when it is softened
 * ("is thought to", "potentially", or may/might/could/can used as a modal verb, not as a noun such as "May"). Headings (and
 * the title) are examined too, but only count when they assert something about the body: an effect, mechanism or
 * risk ("It May Support Your Immune System"), or an amount ("Take 200 mg Daily"). A heading that only names a topic
 * with dose words ("Getting the Dose Right", "Dosage and Safety") is not a claim. Thread-safe: the OpenNLP tools, which are not, are
 * kept per thread; the models are shared.
 */
public final class ClaimExtractor {
    private static final Set<String> HEDGING_MODALS = Set.of("may", "might", "could", "can");
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?:,\\s*+[\"”]?+|[\"”])\\s*+(?:(?:dr\\.\\s++)?[\\p{L}'’.-]++(?:\\s++[\\p{L}'’.-]++){0,3}\\s++)?"
                    + "(?:says|explains|adds|notes|writes|said|explained|added|noted|tells|told|according)\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LEADING_ATTRIBUTION = Pattern.compile(
            "^\\s*(?:according to\\b[^,]*,)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENDS_WITH_ABBREVIATION = Pattern.compile(
            "(?i)(?<![\\p{L}])(?:e\\.g|i\\.e|vs|cf|approx|dr|drs|mr|mrs|ms|prof|st|no|fig)\\.$");
    private static final String CLOSING = "\"'”’»)]";
    /** Long enough for the longest abbreviation above with the character before it. */
    private static final int ABBREVIATION_WINDOW = 10;
    /** Longer than any word or sentence-ending token; URLs longer than this lose nothing by it. */
    static final int LONG_RUN = 64;

    private final ClaimLexicon lexicon;
    private final ThreadLocal<SentenceDetectorME> sentences;
    private final ThreadLocal<POSTaggerME> tagger;

    public ClaimExtractor(EnglishModels models, ClaimLexicon lexicon) {
        this.lexicon = lexicon;
        this.sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(models.sentences()));
        this.tagger = ThreadLocal.withInitial(() -> new POSTaggerME(models.partsOfSpeech(), POSTagFormat.PENN));
    }

    /** Claims of a draft, in reading order, each sentence once; the title counts as a sentence with no section. */
    public List<Claim> extract(String title, String bodyMarkdown) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        // A sentence met again (as a heading or not) is decided again the same way, and the first claim wins
        // anyway: skip the work, which a text repeating one sentence thousands of times would otherwise multiply.
        Set<String> seen = new HashSet<>();
        if (title != null) {
            consider(MarkdownText.inline(title), null, true, claims, seen);
        }
        for (MarkdownText.Block block : MarkdownText.blocks(bodyMarkdown)) {
            if (block.heading()) {
                consider(block.text(), block.section(), true, claims, seen);
                continue;
            }
            for (String sentence : sentencesOf(block.text())) {
                consider(sentence, block.section(), false, claims, seen);
            }
        }
        return List.copyOf(claims.values());
    }

    /**
     * OpenNLP's sentences, re-joined where the model split after an abbreviation that does not end a sentence
     * ("e.g.", "i.e.", "vs.", "Dr.", ...).
     */
    List<String> sentencesOf(String text) {
        List<int[]> joined = new ArrayList<>();
        ReadingBudget.check();
        for (Span span : sentences.get().sentPosDetect(withoutEndsInsideLongRuns(text))) {
            int last = joined.size() - 1;
            if (last >= 0 && endsWithAbbreviation(text, joined.get(last)[0], joined.get(last)[1])) {
                joined.get(last)[1] = span.getEnd();
            } else {
                joined.add(new int[] {span.getStart(), span.getEnd()});
            }
        }
        return joined.stream().map(range -> text.substring(range[0], range[1]).strip()).toList();
    }

    /**
     * The text with ". ! ?" inside whitespace-free runs longer than {@link #LONG_RUN} replaced by a letter, same
     * length, so the spans still fit the original text. The sentence detector reads the whole run around every
     * candidate full stop, which is quadratic in a run such as "a.a.a.a..."; no sentence ends inside such a run.
     */
    static String withoutEndsInsideLongRuns(String text) {
        char[] out = null;
        int runStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || Character.isWhitespace(text.charAt(i))) {
                if (i - runStart > LONG_RUN) {
                    out = out == null ? text.toCharArray() : out;
                    for (int j = runStart; j < i; j++) {
                        if (out[j] == '.' || out[j] == '!' || out[j] == '?') {
                            out[j] = 'x';
                        }
                    }
                }
                runStart = i + 1;
            }
        }
        return out == null ? text : new String(out);
    }

    /**
     * Whether text[start, end) ends with an abbreviation. Only its last few characters are read (the lookbehind still
     * sees the one before): testing the whole joined sentence each time was quadratic in a run of "a.a.a.".
     */
    private static boolean endsWithAbbreviation(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return ReadingBudget.matcher(ENDS_WITH_ABBREVIATION, text)
                .region(Math.max(start, end - ABBREVIATION_WINDOW), end)
                .useTransparentBounds(true).find();
    }

    /** @param heading a heading or title: dose words alone do not make it a claim (it names a topic) */
    private void consider(String sentence, String section, boolean heading, Map<String, Claim> claims,
                          Set<String> seen) {
        if (sentence.isBlank()) {
            return;
        }
        ReadingBudget.check();
        String canonical = Text.canonicalSentence(sentence);
        if (!seen.add((heading ? "h:" : "s:") + canonical) || isQuestion(canonical)) {
            return;
        }
        String content = ReadingBudget.matcher(LEADING_ATTRIBUTION,
                ReadingBudget.matcher(ATTRIBUTION, canonical).replaceFirst("")).replaceFirst("");
        boolean amount = lexicon.hasAmount(content);
        if (content.codePoints().noneMatch(Character::isLetter)
                || !(amount || ReadingBudget.matcher(lexicon.health, content).find())) {
            return;
        }
        boolean dose = amount || ReadingBudget.matcher(lexicon.dose, content).find();
        boolean risk = ReadingBudget.matcher(lexicon.risk, content).find();
        boolean mechanism = ReadingBudget.matcher(lexicon.mechanism, content).find();
        boolean effect = ReadingBudget.matcher(lexicon.effect, content).find();
        boolean asserts = risk || mechanism || effect || amount;
        if (!(asserts || dose && !heading)) {
            return;
        }
        ClaimKind kind = dose ? ClaimKind.DOSE : risk ? ClaimKind.RISK : mechanism ? ClaimKind.MECHANISM : ClaimKind.EFFECT;
        String id = idOf(sentence);
        claims.putIfAbsent(id, new Claim(id, sentence, kind, hedged(sentence, content), section));
    }

    private boolean hedged(String sentence, String content) {
        if (ReadingBudget.matcher(lexicon.hedge, content).find()) {
            return true;
        }
        String[] tokens = SimpleTokenizer.INSTANCE.tokenize(Text.straightQuotes(sentence));
        String[] tags = tagger.get().tag(tokens);
        for (int i = 0; i < tokens.length; i++) {
            // The tagger tells the modal "may"/"can" from the month "May" and a tin "can" (nouns). It is not asked to
            // confirm MD itself: the English UD model sometimes tags a clear modal as an adjective.
            if (HEDGING_MODALS.contains(tokens[i].toLowerCase(Locale.ROOT)) && !tags[i].startsWith("NN")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuestion(String canonical) {
        int end = canonical.length();
        while (end > 0 && (Character.isWhitespace(canonical.charAt(end - 1))
                || CLOSING.indexOf(canonical.charAt(end - 1)) >= 0)) {
            end--;
        }
        return end > 0 && canonical.charAt(end - 1) == '?';
    }

    /** "c-" + the first 12 hex digits of SHA-256 over the normalised sentence. */
    public static String idOf(String sentence) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Text.canonicalSentence(sentence).getBytes(StandardCharsets.UTF_8));
            return "c-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE ships SHA-256", e);
        }
    }
}
