package org.vetted.intake.domain.claims;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import org.vetted.contract.Sha256;
import org.vetted.intake.domain.drafts.Draft;
import org.vetted.intake.domain.drafts.MarkdownText;
import org.vetted.intake.domain.drafts.ReadingBudget;
import org.vetted.intake.domain.drafts.Text;

/**
 * Finds candidate health claims in every part of a draft that goes live: the title and headings, sentences of
 * paragraphs, list items and quotes, table rows, images' alt text and titles, and link texts. A sentence is a claim
 * when it is about health (a body, health or evidence term, an amount or a statistic) and asserts something checkable
 * (an effect, mechanism, risk, dose, measure, or a comparison, prevalence, composition, safety or advice); a sentence
 * of prose that names the body, a condition, something taken or done for health, or the article's topic is a claim
 * whatever its verb, as definitions and mechanisms are ("The knee is built for running"). A heading is a claim only
 * when it asserts an effect, mechanism or risk, or an amount ("It May Support Your Immune System", "Take 200 mg
 * Daily"), when it is a clause whose subject is about health ("Symptoms Follow the Dose"), or when it is advice of
 * four words or more (a pasted list item), since headings name topics ("Getting the Dose Right" is not a claim).
 * Absolute therapeutic language (see {@link AbsoluteLanguage}) is always a claim and is marked {@code absolute}. A
 * sentence of a paragraph, or an item of a list, that has a claim in it shares that claim's topic ("Never stop
 * suddenly. Stopping abruptly can cause ..."), and advice that opens with an instruction ("Start with a 12-hour
 * fast") is about health in a health article; either is still held to the rule for its part of the page. A list item
 * that is only a link is navigation, read as a link's text.
 * <p>
 * Not claims: questions (a trailing aside such as "(who knew?)" does not make a statement a question), pure
 * attributions ("she adds."), the writer's own anecdotes (first person outside quotes), bylines and dates, author
 * bios and disclosures, calls to action, scene-setting and steering ("Let's take a closer look."). An attribution
 * in the middle of a sentence ("Vitamin D, according to experts, prevents ...") is read past, not taken for the end
 * of the claim.
 * <p>
 * Each claim is classified (DOSE, RISK, MECHANISM, else EFFECT) and marked hedged when it is softened ("is thought
 * to", "potentially", or may/might/could/can used as a modal verb, not as a noun such as "May"). Thread-safe: the
 * OpenNLP tools, which are not, are kept per thread; the models are shared.
 */
public final class ClaimExtractor {
    private static final Set<String> HEDGING_MODALS = Set.of("may", "might", "could", "can");
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "(?:,\\s*+[\"”]?+|[\"”])\\s*+(?:(?:dr\\.\\s++)?[\\p{L}'’.-]++(?:\\s++[\\p{L}'’.-]++){0,3}\\s++)?"
                    + "(?:says|explains|adds|notes|writes|said|explained|added|noted|tells|told|according|warns|warned"
                    + "|advises|insists|insisted|claims|claimed|promised|promises)\\b.*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LEADING_ATTRIBUTION =
            Pattern.compile("^\\s*(?:according to\\b[^,]*,)", Pattern.CASE_INSENSITIVE);
    /**
     * An attribution set off by commas inside a sentence: ", according to experts," or ", researchers found,". Read
     * past (replaced by a space), so the claim around it counts. Bounded and possessive: linear.
     */
    private static final Pattern INNER_ATTRIBUTION = Pattern.compile(
            ",\\s*+(?:according to [^,]{1,80}+|(?:[\\p{L}'’.-]++\\s++){0,3}+(?:say|says|said|claim|claims|claimed"
                    + "|found|find|finds|suggest|suggests|suggested|note|notes|noted|believe|believes|argue|argues"
                    + "|warn|warns|explain|explains|explained|report|reports|reported|insist|insists|agree|agrees"
                    + "|think|thinks))\\s*+,");

    private static final Pattern ENDS_WITH_ABBREVIATION =
            Pattern.compile("(?i)(?<![\\p{L}])(?:e\\.g|i\\.e|vs|cf|approx|dr|drs|mr|mrs|ms|prof|st|no|fig)\\.$");
    /**
     * Where the sentence detector runs two sentences together: after a single capital letter that follows a word in
     * lower case and comes before a capitalised word ("... a form of vitamin A. Once on the skin ..."; initials follow
     * a name: "Jane A. Smith"). The match is the space between them. Bounded look-behind, possessive run: linear.
     */
    private static final Pattern RUN_TOGETHER =
            Pattern.compile("(?<=(?<![\\p{L}'’])\\p{Ll}{1,40}\\s\\p{Lu}\\.)\\s++(?=\\p{Lu}\\p{Ll})");
    /** The writer speaking of themselves: an anecdote, not a claim (when said outside quotes). */
    private static final Pattern FIRST_PERSON =
            Pattern.compile("(?<![\\p{L}'])(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)" + "(?![\\p{L}'])");
    /** A call to action, at the start of a sentence. */
    private static final Pattern CALL_TO_ACTION = Pattern.compile("^(?:subscribe|sign up|share|download|shop|buy"
            + "|order now|click|tap|follow us|join|get our|get the|read more|read our|read next|learn more|see also"
            + "|check out|sponsored|advertisement|register|log in|sign in)(?![\\p{L}])");
    /** Page metadata: a byline, a date line, tags, a credit, a copyright. */
    private static final Pattern META = Pattern.compile("^(?:written by|words by|reviewed by|medically reviewed"
            + "|fact[- ]checked|updated|last updated|last reviewed|published|posted|filed under|tags?:|photo credit"
            + "|image credit|credit:|©|copyright|disclosure|about the author|reading time)(?![\\p{L}])");
    /** "By Jane Doe", as written (capitals), not "By the third trimester". */
    private static final Pattern BYLINE = Pattern.compile("^By\\s++\\p{Lu}[\\p{L}'’.-]*+\\s++\\p{Lu}");
    /**
     * The writer setting the scene or steering the reader, with nothing to check: "Let's take a closer look.", "In
     * this article we explore ...", "Here's what you need to know.", "Many people are curious about magnesium.",
     * "It's 2 a.m., your toddler ...". A claim reported in one still counts if absolute (checked before this). Read
     * after a leading clause ("Before you start, here is what ..."). Not when a colon follows: "Here's what you need to
     * know: it may help" goes on to say something. Bounded, no colon after: linear.
     */
    private static final Pattern SCENE_SETTING = Pattern.compile("^(?:(?:and|but|so|now|first|next|finally),?\\s++)?"
            + "(?:let's|let us|read on|keep reading|in this (?:article|post|guide|piece|section|story|feature|review)"
            + "|this (?:article|post|guide|piece|section) (?:explores|explains|looks|covers|will)"
            + "|here's|here is|here are"
            + "|below,? we|we'll|we will|we're going to|we are going to|we asked|we spoke|we talked"
            + "|you (?:may|might|could) (?:be|have been) wondering|you're (?:probably|likely) wondering"
            + "|(?:many|some|most|lots of|plenty of) (?:people|readers|parents|of us|folks) (?:are|have been|were|feel"
            + "|get) (?:curious|wondering|asking|interested|confused|unsure|puzzled)"
            + "|you've (?:probably|likely|no doubt) (?:seen|heard|read) (?:the|a|some|all the) (?:headlines|hype|ads"
            + "|adverts|posts|videos|buzz)|there's (?:a lot of|lots of|plenty of|much|some) (?:confusion|debate|buzz"
            + "|hype|interest|talk|noise) (?:about|around|over)"
            + "|there's (?:also )?the [^.:;]{1,40}? (?:part|side|piece) of the (?:equation|story|puzzle|picture)"
            // A scene the reader is put in: the hour, where they are, what everyone has heard.
            + "|it's \\d{1,2}(?:[:.]\\d\\d)?+\\s?+(?:a\\.m\\.|p\\.m\\.|am|pm)|you're (?:fast |half |sound |wide )?+"
            + "(?:asleep|awake|lying|sitting|standing|halfway|in the middle|on your way)|you (?:swing|wake up|open"
            + "|step|get out of bed|reach for|roll over)"
            + "|(?:every|any) [\\p{L}-]++ (?:has|have) (?:heard|seen|been told))"
            + "(?![\\p{L}])[^:]*+$");
    /** A few words and a comma before what a sentence says: "With that in mind, ", "That said, ". Bounded. */
    private static final Pattern LEADING_PHRASE = Pattern.compile("^(?:[\\p{L}']++\\s++){0,4}+[\\p{L}']++,\\s*+");
    /** An author bio or a disclosure. */
    private static final Pattern BIO = Pattern.compile("(?<![\\p{L}])(?:(?:is|was) an? (?:[\\p{L}-]++ ){0,3}"
            + "(?:writer|journalist|editor|reporter|columnist|contributor|blogger)|ha(?:s|ve) no (?:financial )?ties)"
            + "(?![\\p{L}])");
    /** Words that open a verb's object: what a noun phrase does not run on into. */
    private static final Set<String> OBJECT_OPENER = Set.of(
            "a", "an", "the", "your", "their", "its", "his", "her", "our", "no", "this", "that", "these", "those");
    /** Words that join the items of a topic's list: what follows is another item, not a verb. */
    private static final Set<String> COORDINATOR = Set.of("and", "or", "&", "vs", "versus", "plus", "nor");
    /** Words after which a title-case "-s" word is a noun naming a topic ("Benefits of", "Effects on"). */
    private static final Set<String> TOPIC_FOLLOWER =
            Set.of("of", "for", "in", "and", "or", "vs", "versus", "during", "at", "on", "&");
    /** Words a topic's plural noun runs on into ("Problems in", "Effects of"): not a verb's object. */
    private static final Set<String> PLURAL_FOLLOWER = Set.of("of", "in", "for", "during", "among", "after");
    /** A heading that names a question or a topic ("Why Walking Helps", "How SSRIs work"), not an assertion. */
    private static final Pattern TOPIC_HEADING =
            Pattern.compile("^(?:what|why|how|when|who|which|where|whether)" + "(?![\\p{L}])");

    private static final String CLOSING = "\"'”’»)]";
    /** Fewer words than this without a verb the tagger saw are an answer or a label ("At these amounts, yes."). */
    static final int MIN_UNTAGGED_STATEMENT_WORDS = 6;
    /** A heading of an instruction and this many words is advice, not a section's name ("Run Smarter"). */
    static final int MIN_ADVICE_HEADING_WORDS = 4;
    /** Long enough for the longest abbreviation above with the character before it. */
    private static final int ABBREVIATION_WINDOW = 10;
    /** Longer than any word or sentence-ending token; URLs longer than this lose nothing by it. */
    static final int LONG_RUN = 64;

    /**
     * Who gives care. Naming them does not make a sentence about health: "Talk to your doctor" and "Follow your
     * doctor's advice" are how to get advice, not advice a reviewer checks.
     */
    static final Pattern CARE = Pattern.compile("(?<![\\p{L}])(?:doctor|gp|pharmacist|midwife|midwives|nurse"
            + "|clinician|physician|health visitor|specialist|dermatologist|dentist|care team|diabetes team)s?+"
            + "(?:'s)?+(?![\\p{L}])");
    /** A form of "be", "have", "do" or a modal: a statement, whatever the tagger made of its other verbs. */
    static final Pattern AUXILIARY = Pattern.compile("(?<![\\p{L}'])(?:is|are|was|were|be|been|has|have|had"
            + "|does|do|did|can|could|may|might|must|should|will|would|isn't|aren't|wasn't|weren't|hasn't|haven't"
            + "|doesn't|don't|didn't|can't|won't|shouldn't|it's|that's|there's)(?![\\p{L}'])");
    /** The clause an instruction may follow: "If you already have osteoporosis, start with ...". Bounded. */
    private static final Pattern LEADING_CLAUSE =
            Pattern.compile("^(?:if|when|once|before|after|while|until|during|for)\\s[^,]{1,120}+,\\s*+");
    /** Words an instruction may open with before its verb ("Never give", "Always use", "Don't put"). */
    private static final Pattern INSTRUCTION =
            Pattern.compile("^(?:never|always|don't|do not|please|just|only|also)\\s");
    /** What advice may open with before its verb: "Never give", "Don't put". */
    private static final Pattern ADVICE_OPENER = Pattern.compile("^(?:never|always|don't|do not)\\s++");
    /** Penn tags of verbs and function words: not what an article is about. */
    private static final Pattern FUNCTION_TAG = Pattern.compile("VB|MD|DT|IN|CC|PRP|RB|WP|WRB|WDT|RP|TO|EX|PDT|UH|\\.");
    /** Title words too general to say what an article is about, and function words (for a title's first word). */
    private static final Set<String> GENERAL_NOUNS = Set.of(
            "science",
            "evidence",
            "truth",
            "facts",
            "fact",
            "guide",
            "things",
            "thing",
            "way",
            "ways",
            "tips",
            "myths",
            "myth",
            "hype",
            "difference",
            "beginners",
            "month",
            "months",
            "week",
            "weeks",
            "year",
            "years",
            "day",
            "days",
            "time",
            "people",
            "what",
            "much",
            "lot",
            "really",
            "worth",
            "real",
            "new",
            "good",
            "bad",
            "better",
            "best",
            "first",
            "right",
            "true",
            "know",
            "don't",
            "does",
            "should",
            "can",
            "could",
            "will",
            "would",
            "are",
            "the",
            "and",
            "for",
            "how",
            "why",
            "when",
            "who",
            "which",
            "where",
            "did",
            "has",
            "have",
            "was",
            "were",
            "your",
            "you",
            "our",
            "this",
            "that",
            "than",
            "more",
            "less",
            "most",
            "many",
            "some",
            "any",
            "every",
            "just",
            "only",
            "also",
            "too",
            "very",
            "ever",
            "again",
            "still",
            "even",
            "here",
            "there",
            "then",
            "now",
            "away",
            "about",
            "into",
            "over",
            "under",
            "after",
            "before",
            "with",
            "without",
            "from",
            "don",
            "won",
            "isn",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten");

    /** What part of the page a text is; each is held to its own rule. */
    /** The part of the page a sentence stands in: each has its {@link ClaimRule}. */
    enum Unit {
        HEADING,
        PROSE,
        ITEM,
        ROW,
        FRAGMENT
    }

    private final ClaimLexicon lexicon;
    private final ThreadLocal<SentenceDetectorME> sentences;
    private final ThreadLocal<POSTaggerME> tagger;

    public ClaimExtractor(EnglishModels models, ClaimLexicon lexicon) {
        this.lexicon = lexicon;
        this.sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(models.sentences()));
        this.tagger = ThreadLocal.withInitial(() -> new POSTaggerME(models.partsOfSpeech(), POSTagFormat.PENN));
    }

    /** Claims of a draft, in reading order, each text once; the title counts as a heading with no section. */
    public List<Claim> extract(String title, String bodyMarkdown) {
        Map<String, Claim> claims = new LinkedHashMap<>();
        // A text met again in the same part of the page is decided again the same way, and the first claim wins
        // anyway: skip the work, which a text repeating one sentence thousands of times would otherwise multiply.
        Map<String, Optional<Claim>> decided = new HashMap<>();
        Draft draft = new Draft(claims, decided, topicOf(title), new HashMap<>());
        if (title != null) {
            consider(MarkdownText.inline(title), null, Unit.HEADING, null, draft);
        }
        List<MarkdownText.Block> blocks = MarkdownText.blocks(bodyMarkdown);
        for (int b = 0; b < blocks.size(); b++) {
            MarkdownText.Block block = blocks.get(b);
            switch (block.kind()) {
                // A "heading" in lower case is a pasted line that continues a sentence ("Call 999 if your child:"
                // then "has a rash that doesn't fade"): an item of a list, not a title.
                case HEADING ->
                    consider(
                            block.text(),
                            block.section(),
                            Character.isLowerCase(block.text().codePointAt(0)) ? Unit.ITEM : Unit.HEADING,
                            null,
                            draft);
                case ROW -> consider(block.text(), block.section(), Unit.ROW, block.header(), draft);
                case FRAGMENT -> consider(block.text(), block.section(), Unit.FRAGMENT, null, draft);
                case PROSE -> readRunningText(List.of(block), Unit.PROSE, draft);
                case ITEM -> {
                    // The items of one list are read together, as the sentences of a paragraph are.
                    int end = b + 1;
                    while (end < blocks.size() && blocks.get(end).kind() == MarkdownText.Kind.ITEM) {
                        end++;
                    }
                    readRunningText(blocks.subList(b, end), Unit.ITEM, draft);
                    b = end - 1;
                }
            }
        }
        return withDistinctIds(List.copyOf(claims.values()));
    }

    /**
     * The claims with ids that differ: a short id (48 bits, for display and URLs) where no other claim of the draft
     * has it, the full 256-bit one where two texts share a short id. Nothing downstream decides by an id, but a
     * decision names a claim by it within one revision, so within one revision it must name one claim.
     */
    static List<Claim> withDistinctIds(List<Claim> claims) {
        Map<String, Integer> uses = new HashMap<>();
        claims.forEach(claim -> uses.merge(claim.id(), 1, Integer::sum));
        if (uses.values().stream().allMatch(count -> count == 1)) {
            return claims;
        }
        return claims.stream()
                .map(claim -> uses.get(claim.id()) == 1
                        ? claim
                        : new Claim(
                                fullIdOf(claim.text(), claim.section()),
                                claim.text(),
                                claim.kind(),
                                claim.hedged(),
                                claim.absolute(),
                                claim.section()))
                .toList();
    }

    /**
     * The sentences of a paragraph, or of the items of one list. Once one of them is a claim, the others go on about
     * what it is about ("Never stop suddenly. Stopping abruptly can cause ...", or a list of ways to keep pollen out
     * whose every item does not name it): they count as about health too, and are then held to the same rule as any
     * other sentence of their part of the page.
     */
    private void readRunningText(List<MarkdownText.Block> blocks, Unit unit, Draft draft) {
        List<List<String>> sentences = new ArrayList<>();
        List<Claim[]> found = new ArrayList<>();
        boolean any = false;
        for (MarkdownText.Block block : blocks) {
            // An item that is nothing but a link ("Our guide to calcium-rich foods") is navigation: its text is read
            // as a link's, below.
            List<String> own =
                    unit == Unit.ITEM && block.links().contains(block.text()) ? List.of() : sentencesOf(block.text());
            Claim[] claims = new Claim[own.size()];
            for (int i = 0; i < claims.length; i++) {
                claims[i] = judge(own.get(i), block.section(), unit, null, draft, false);
                any |= claims[i] != null;
            }
            sentences.add(own);
            found.add(claims);
        }
        for (int b = 0; b < blocks.size(); b++) {
            MarkdownText.Block block = blocks.get(b);
            Claim[] claims = found.get(b);
            List<String> claimed = new ArrayList<>();
            for (int i = 0; i < claims.length; i++) {
                if (claims[i] == null && any) {
                    claims[i] = judge(sentences.get(b).get(i), block.section(), unit, null, draft, true);
                }
                if (claims[i] != null) {
                    draft.claims().putIfAbsent(keyOf(claims[i]), claims[i]);
                    claimed.add(sentences.get(b).get(i));
                }
            }
            // A link's text is read on its own only where its sentence is not a claim ("Read more: <a bedtime
            // routine lowers night-waking>"): otherwise the sentence already carries it.
            for (String link : block.links()) {
                if (claimed.stream().noneMatch(sentence -> sentence.contains(link))) {
                    consider(link, block.section(), Unit.FRAGMENT, null, draft);
                }
            }
        }
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
            // No sentence starts in lower case: "It's 2 a.m., your toddler ..." is one sentence.
            if (last >= 0
                    && (endsWithAbbreviation(text, joined.get(last)[0], joined.get(last)[1])
                            || startsInLowerCase(text, span.getStart(), span.getEnd()))) {
                joined.get(last)[1] = span.getEnd();
            } else {
                joined.add(new int[] {span.getStart(), span.getEnd()});
            }
        }
        List<String> out = new ArrayList<>();
        for (int[] range : joined) {
            int start = range[0];
            Matcher end = ReadingBudget.matcher(RUN_TOGETHER, text).region(range[0], range[1]);
            while (end.find()) {
                out.add(text.substring(start, end.start()).strip());
                start = end.end();
            }
            out.add(text.substring(start, range[1]).strip());
        }
        return out.stream().filter(sentence -> !sentence.isEmpty()).toList();
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

    /** Whether the first letter or digit of text[start, end) is a lower-case letter. */
    private static boolean startsInLowerCase(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return Character.isLowerCase(c);
            }
        }
        return false;
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
                .useTransparentBounds(true)
                .find();
    }

    /** What deciding one draft's texts shares: the claims so far, the texts decided, the article's own topic words. */
    private record Draft(
            Map<String, Claim> claims,
            Map<String, Optional<Claim>> decided,
            Set<String> topic,
            Map<String, Tagged> tagged) {
        /**
         * The text's tokens and tags, shared by every reading of the same text in the same case (a sentence is read
         * again once its paragraph has a claim): the tagger is a pure function of the tokens, so sharing changes no
         * tag, only how often it runs.
         */
        Tagged tagged(String text, boolean titleCase, Function<String, Tagged> make) {
            return tagged.computeIfAbsent((titleCase ? "T" : "S") + text, key -> make.apply(text));
        }
    }

    /**
     * The nouns of the title (lower case, not too general): what the article is about counts as a health term in
     * it, so "Denmark banned ashwagandha products" is about health in an article titled "Ashwagandha for Stress".
     */
    private Set<String> topicOf(String title) {
        if (title == null || title.isBlank()) {
            return Set.of();
        }
        // Tagged as written: in lower case the tagger takes a title's first word for a verb ("cbd oil for ...").
        String[] written = SimpleTokenizer.INSTANCE.tokenize(Text.straightQuotes(MarkdownText.inline(title)));
        String[] tags = tagger.get().tag(written);
        String[] tokens = new String[written.length];
        for (int i = 0; i < written.length; i++) {
            tokens[i] = written[i].toLowerCase(Locale.ROOT);
        }
        Set<String> nouns = new HashSet<>();
        for (int i = 0; i < tokens.length; i++) {
            // Whatever the tagger did not take for a verb or a function word; it takes almost any first word of a
            // title for a verb ("CBD Oil for Anxiety", "Fluoride Toothpaste for Children"), so that one is judged by
            // the list of general words alone.
            if ((i == 0 || !FUNCTION_TAG.matcher(tags[i]).lookingAt())
                    && tokens[i].length() >= 3
                    && !GENERAL_NOUNS.contains(tokens[i])
                    && tokens[i].codePoints().allMatch(c -> Character.isLetter(c) || c == '-')) {
                nouns.add(tokens[i]);
            }
        }
        return nouns;
    }

    /** Whether {@code text} is a claim (it is added to the draft's claims if so); decided once per part and text. */
    private boolean consider(String text, String section, Unit unit, String header, Draft draft) {
        Claim claim = judge(text, section, unit, header, draft, false);
        if (claim != null) {
            draft.claims().putIfAbsent(keyOf(claim), claim);
        }
        return claim != null;
    }

    /**
     * The claim {@code text} makes, or null; decided once per part, text and context. {@code inClaimParagraph}: another
     * sentence of its paragraph is a claim, so it shares that claim's topic.
     */
    private Claim judge(String text, String section, Unit unit, String header, Draft draft, boolean inClaimParagraph) {
        if (text.isBlank()) {
            return null;
        }
        ReadingBudget.check();
        // Every rule reads one form: the canonical sentence with its accents set aside ("magnesíum" is magnesium).
        String canonical = Text.forDetection(Text.canonicalSentence(text));
        // The section is part of the key: a sentence repeated under another heading is a claim of its own there.
        String key = unit.ordinal() + (inClaimParagraph ? "+" : "") + ":" + canonical
                + (header == null ? "" : "\n" + header) + "\u0000" + section;
        Optional<Claim> earlier = draft.decided().get(key);
        if (earlier != null) {
            return earlier.orElse(null);
        }
        Claim claim = decide(text, canonical, section, unit, header, draft, inClaimParagraph);
        draft.decided().put(key, Optional.ofNullable(claim));
        return claim;
    }

    /**
     * The claim {@code text} makes, or null. What is read in the sentence are named {@link ClaimSignal}s; whether they
     * make a claim in this part of the page is its {@link ClaimRule}.
     */
    private Claim decide(
            String text,
            String canonical,
            String section,
            Unit unit,
            String header,
            Draft draft,
            boolean inClaimParagraph) {
        if (canonical.codePoints().noneMatch(Character::isLetter) || isQuestion(withoutTrailingAside(canonical))) {
            return null;
        }
        boolean titleCase = unit == Unit.HEADING;
        Tagged tagged = draft.tagged(text, titleCase, t -> new Tagged(t, titleCase));
        Facts facts = new Facts(canonical, unit, header, draft.topic(), inClaimParagraph, tagged);
        if (!facts.has(ClaimSignal.ABSOLUTE) && notAClaim(text, facts.content(), unit)) {
            return null;
        }
        if (!ClaimRule.isClaim(facts)) {
            return null;
        }
        ClaimKind kind = facts.has(ClaimSignal.DOSE)
                ? ClaimKind.DOSE
                : facts.has(ClaimSignal.RISK)
                        ? ClaimKind.RISK
                        : facts.has(ClaimSignal.MECHANISM) ? ClaimKind.MECHANISM : ClaimKind.EFFECT;
        return new Claim(idOf(text, section), text, kind, facts.hedged(), facts.has(ClaimSignal.ABSOLUTE), section);
    }

    /** One sentence as the signals read it, each answer worked out once and only when asked for. */
    private final class Facts implements SentenceFacts {
        private final String canonical;
        private final String content;
        private final String header;
        private String about;
        private final Unit unit;
        private final Set<String> topic;
        private final boolean inClaimParagraph;
        private final Tagged tagged;
        private final Map<ClaimSignal, Boolean> known = new EnumMap<>(ClaimSignal.class);
        private Boolean hedged;

        Facts(String canonical, Unit unit, String header, Set<String> topic, boolean inClaimParagraph, Tagged tagged) {
            this.canonical = canonical;
            this.content = withoutAttribution(canonical);
            this.header = header;
            this.unit = unit;
            this.topic = topic;
            this.inClaimParagraph = inClaimParagraph;
            this.tagged = tagged;
        }

        @Override
        public boolean has(ClaimSignal signal) {
            Boolean answer = known.get(signal);
            if (answer == null) {
                answer = signal.in(this);
                known.put(signal, answer);
            }
            return answer;
        }

        boolean hedged() {
            if (hedged == null) {
                hedged = ClaimExtractor.this.hedged(content, tagged);
            }
            return hedged;
        }

        @Override
        public String canonical() {
            return canonical;
        }

        @Override
        public String content() {
            return content;
        }

        /** Worked out when a signal first asks: most sentences are settled before any does. */
        @Override
        public String about() {
            if (about == null) {
                // A row is read with its table's header: "3 to 6 years | 1,000 ppm" is about "Fluoride level".
                about = ReadingBudget.matcher(
                                CARE, header == null ? content : content + " \n " + Text.canonicalSentence(header))
                        .replaceAll(" ");
            }
            return about;
        }

        @Override
        public Unit unit() {
            return unit;
        }

        @Override
        public boolean inClaimParagraph() {
            return inClaimParagraph;
        }

        @Override
        public ClaimLexicon lexicon() {
            return lexicon;
        }

        /** Absolute wording that softening can undo ("may prevent") needs the hedging, which needs the tagger. */
        @Override
        public boolean absolute() {
            return AbsoluteLanguage.in(canonical, false) && AbsoluteLanguage.in(canonical, hedged());
        }

        @Override
        public boolean statement() {
            return tagged.statement();
        }

        @Override
        public boolean advice() {
            return tagged.advice();
        }

        @Override
        public boolean instruction() {
            return tagged.instruction();
        }

        @Override
        public boolean inflectedVerb() {
            return ClaimExtractor.this.inflectedVerb(content);
        }

        @Override
        public boolean healthSubject() {
            return ClaimExtractor.this.healthSubject(tagged, topic);
        }

        @Override
        public boolean mentionsTopic() {
            return mentions(about(), topic);
        }

        @Override
        public int words() {
            return ClaimExtractor.words(canonical);
        }
    }

    private boolean opensWithInstruction(String canonical) {
        return ReadingBudget.matcher(INSTRUCTION, canonical).find()
                || ReadingBudget.matcher(lexicon.instruction, canonical).lookingAt();
    }

    /**
     * An effect or mechanism verb in a finite form ("lowers", "cured"): alt and link texts are often a sentence
     * without its full stop, and the tagger takes such a verb for a noun as often as not.
     */
    private boolean inflectedVerb(String content) {
        for (Pattern verbs : List.of(lexicon.effect, lexicon.mechanism)) {
            Matcher m = ReadingBudget.matcher(verbs, content);
            while (m.find()) {
                String word = m.group();
                if (word.endsWith("s") && !word.endsWith("ss") || word.endsWith("ed")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Runs of letters and digits: plain code, one pass. */
    private static int words(String canonical) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < canonical.length(); i++) {
            boolean letter = Character.isLetterOrDigit(canonical.charAt(i));
            words += letter && !inWord ? 1 : 0;
            inWord = letter;
        }
        return words;
    }

    /**
     * A clause whose subject (the words before its first finite verb, the verb not first) names the body, a
     * condition, something taken or done for health, or the article's topic: "Symptoms Follow the Dose". After a
     * colon or a dash the subtitle is the clause ("Vitamin D: What We Know" is a topic, as any wh-word opens one).
     */
    private boolean healthSubject(Tagged tagged, Set<String> topic) {
        String[] tokens = tagged.tokens();
        int start = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (":".equals(tokens[i]) || "—".equals(tokens[i]) || "–".equals(tokens[i])) {
                start = i + 1;
            } else if (i > start && tagged.finiteVerb(i)) {
                // A verb first is an instruction, or a title-case noun the tagger took for one: read on.
                if (ReadingBudget.matcher(TOPIC_HEADING, tokens[start].toLowerCase(Locale.ROOT))
                        .find()) {
                    return false;
                }
                String subject =
                        String.join(" ", List.of(tokens).subList(start, i)).toLowerCase(Locale.ROOT);
                String about = ReadingBudget.matcher(CARE, subject).replaceAll(" ");
                return ReadingBudget.matcher(lexicon.health, about).find() || mentions(about, topic);
            }
        }
        return false;
    }

    /** Ends in ". ! …" (closing quotes and brackets aside): a sentence, not a label, a caption or a line of a list. */
    static boolean endsASentence(String canonical) {
        int end = canonical.length();
        while (end > 0
                && (Character.isWhitespace(canonical.charAt(end - 1))
                        || CLOSING.indexOf(canonical.charAt(end - 1)) >= 0)) {
            end--;
        }
        return end > 0 && ".!…".indexOf(canonical.charAt(end - 1)) >= 0;
    }

    /** Whether the text names one of the article's topic words. */
    private static boolean mentions(String canonical, Set<String> topic) {
        if (topic.isEmpty()) {
            return false;
        }
        for (String word : canonical.split("[^\\p{L}\\p{N}-]++")) {
            if (topic.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A text's tokens and part-of-speech tags, tagged once and only if asked. The English model, mapped to Penn tags,
     * tags every verb "VB" and every auxiliary "MD"; it takes a capitalised first word (and title-case headings) for
     * a proper noun, so those are tagged in lower case: a modal "May" stays a modal in a heading, and the month "May"
     * in a sentence stays a noun.
     */
    private final class Tagged {
        private final String text;
        private final boolean titleCase;
        private String canonical;
        private String[] tokens;
        private String[] tags;
        private String[] words;

        Tagged(String text, boolean titleCase) {
            this.text = text;
            this.titleCase = titleCase;
        }

        /** The tokens alone: the tokenizer is cheap, the tagger is not, and some answers need only the tokens. */
        String[] tokens() {
            if (tokens == null) {
                tokens = SimpleTokenizer.INSTANCE.tokenize(Text.straightQuotes(text));
            }
            return tokens;
        }

        /** One tag per token, the tagger run on the first call only. */
        String[] tags() {
            if (tags == null) {
                ReadingBudget.check();
                String[] read = tokens().clone();
                for (int i = 0; i < read.length; i++) {
                    if (titleCase || i == 0) {
                        read[i] = read[i].toLowerCase(Locale.ROOT);
                    }
                }
                tags = tagger.get().tag(read);
            }
            return tags;
        }

        /** {@link Text#canonicalSentence} of the text, worked out once. */
        private String canonical() {
            if (canonical == null) {
                canonical = Text.canonicalSentence(text);
            }
            return canonical;
        }

        /**
         * Has a verb that is not an "-ing" form or an infinitive ("to ease"), or a modal: says something, rather than
         * labelling a topic ("Treating the Fever") or describing a picture ("A woman eating a salad").
         */
        boolean statement() {
            if (ReadingBudget.matcher(AUXILIARY, canonical()).find()) {
                return true;
            }
            String[] tokens = tokens();
            String[] tags = tags();
            for (int i = 0; i < tags.length; i++) {
                if ("MD".equals(tags[i])
                        || "VB".equals(tags[i])
                                && !tokens[i].endsWith("ing")
                                && (i == 0 || !"to".equalsIgnoreCase(tokens[i - 1]))) {
                    return true;
                }
            }
            return instruction();
        }

        /**
         * Whether token {@code i} is a finite verb or an auxiliary: not an "-ing" form, an infinitive ("to ease"), a
         * participle after a noun ("Doses Used in Trials"), nor a word before a colon, which ends a title's noun
         * phrase however the tagger read it ("The Keto Diet: ...").
         */
        boolean finiteVerb(int i) {
            String[] tokens = tokens();
            String[] tags = tags();
            if (i + 1 < tokens.length && ":".equals(tokens[i + 1])) {
                return false;
            }
            if (ReadingBudget.matcher(AUXILIARY, tokens[i].toLowerCase(Locale.ROOT))
                            .matches()
                    || "MD".equals(tags[i])) {
                return true;
            }
            if (tokens[i].endsWith("ing") || tokens[i].endsWith("ed")) {
                return false;
            }
            // After "and" a word is the next item of a topic's list ("Magnesium and Sleep"), not the clause's verb.
            if (i > 0 && COORDINATOR.contains(word(i - 1))) {
                return false;
            }
            if (assertingVerb(i)) {
                return true;
            }
            if ("VB".equals(tags[i])) {
                // A plural before "in" or "of" names a topic, however the tagger read it ("Sleep Problems in Teens").
                if (tokens[i].endsWith("s") && i + 1 < tokens.length && PLURAL_FOLLOWER.contains(word(i + 1))) {
                    return false;
                }
                return i == 0 || !"to".equalsIgnoreCase(tokens[i - 1]);
            }
            // The tagger reads most title-case words as nouns ("Diet Plays a Smaller Part"): a word between a noun
            // and a determiner is a verb with its object, since a noun phrase does not run on into "a" or "the".
            return i > 0
                    && i + 1 < tokens.length
                    && tags[i - 1].startsWith("NN")
                    && tags[i].startsWith("NN")
                    && OBJECT_OPENER.contains(tokens[i + 1].toLowerCase(Locale.ROOT));
        }

        /**
         * An effect or mechanism verb in its "-s" form after the subject's noun: the tagger reads a title-case one as
         * a plural noun ("Magnesium Calms Anxiety"). Not when a preposition follows, as a topic's noun does
         * ("Magnesium Benefits for Anxiety").
         */
        private boolean assertingVerb(int i) {
            String word = word(i);
            if (i == 0
                    || !word.endsWith("s")
                    || word.endsWith("ss")
                    || i > 1 && !tags()[i - 1].startsWith("NN")
                    || i + 1 < tokens().length && TOPIC_FOLLOWER.contains(word(i + 1))) {
                return false;
            }
            return ReadingBudget.matcher(lexicon.effect, word).matches()
                    || ReadingBudget.matcher(lexicon.mechanism, word).matches();
        }

        /** Token {@code i} in the normal form every rule reads ({@link Text#forDetection}). */
        private String word(int i) {
            if (words == null) {
                words = new String[tokens().length];
            }
            if (words[i] == null) {
                words[i] = Text.forDetection(Text.canonicalSentence(tokens()[i]));
            }
            return words[i];
        }

        /**
         * Opens with a verb of the lexicon's instructions, maybe after "never", "always", "don't" or a leading clause
         * ("If it hasn't helped, stop"); decided without the tagger.
         */
        boolean advice() {
            String canonical = canonical();
            Matcher clause = ReadingBudget.matcher(LEADING_CLAUSE, canonical);
            String rest = clause.lookingAt() ? canonical.substring(clause.end()) : canonical;
            Matcher opener = ReadingBudget.matcher(ADVICE_OPENER, rest);
            return ReadingBudget.matcher(lexicon.instruction, opener.lookingAt() ? rest.substring(opener.end()) : rest)
                    .lookingAt();
        }

        /** Opens with a verb in the imperative ("Keep sugary drinks to mealtimes", "Never give aspirin"). */
        boolean instruction() {
            String canonical = canonical();
            if (opensWithInstruction(canonical)) {
                return true;
            }
            Matcher clause = ReadingBudget.matcher(LEADING_CLAUSE, canonical);
            if (clause.lookingAt() && opensWithInstruction(canonical.substring(clause.end()))) {
                return true;
            }
            // The tokens first: an "-ing" word first needs no tagger (one tag per token, so the lengths agree).
            return tokens().length > 1 && !tokens()[0].endsWith("ing") && "VB".equals(tags()[0]);
        }
    }

    /** A question, a call to action, page metadata, a bio, or the writer's own story (first person outside quotes). */
    private static boolean notAClaim(String text, String content, Unit unit) {
        String own = outsideQuotes(content);
        if (unit == Unit.HEADING) {
            return ReadingBudget.matcher(TOPIC_HEADING, content).find()
                    || ReadingBudget.matcher(CALL_TO_ACTION, own).find()
                    || ReadingBudget.matcher(META, own).find()
                    || ReadingBudget.matcher(BYLINE, text).find();
        }
        return ReadingBudget.matcher(FIRST_PERSON, own).find()
                || sceneSetting(own)
                || ReadingBudget.matcher(CALL_TO_ACTION, own).find()
                || ReadingBudget.matcher(META, own).find()
                || ReadingBudget.matcher(BYLINE, text).find()
                || ReadingBudget.matcher(BIO, own).find();
    }

    /**
     * Setting the scene ({@link #SCENE_SETTING}), after any leading clause or short phrase ("Before you start, ...",
     * "With that in mind, let's ...").
     */
    private static boolean sceneSetting(String own) {
        String sentence = own.strip();
        for (Pattern lead : List.of(LEADING_CLAUSE, LEADING_PHRASE)) {
            Matcher clause = ReadingBudget.matcher(lead, sentence);
            if (clause.lookingAt()
                    && ReadingBudget.matcher(SCENE_SETTING, sentence.substring(clause.end()))
                            .find()) {
                return true;
            }
        }
        return ReadingBudget.matcher(SCENE_SETTING, sentence).find();
    }

    /** The sentence without who said it: a trailing "..., she says", a leading "According to X," and inner ones. */
    private static String withoutAttribution(String canonical) {
        String inner = ReadingBudget.matcher(INNER_ATTRIBUTION, canonical).replaceAll(" ");
        String trailing = ReadingBudget.matcher(ATTRIBUTION, inner).replaceFirst("");
        return ReadingBudget.matcher(LEADING_ATTRIBUTION, trailing).replaceFirst("");
    }

    /**
     * The words the writer says in their own voice: quoted spans removed. A quote that opens and does not close in
     * this sentence runs to its end; one that closes without opening ran from its start. Plain code, one pass.
     */
    static String outsideQuotes(String canonical) {
        int quotes = 0;
        for (int i = 0; i < canonical.length(); i++) {
            if (canonical.charAt(i) == '"') {
                quotes++;
            }
        }
        String text = canonical;
        if (quotes % 2 == 1) {
            int first = text.indexOf('"');
            boolean opens = first == 0 || Character.isWhitespace(text.charAt(first - 1));
            text = opens ? text.substring(0, first) : text.substring(first + 1);
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inside = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                inside = !inside;
                out.append(' ');
            } else if (!inside) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private boolean hedged(String content, Tagged tagged) {
        if (ReadingBudget.matcher(lexicon.hedge, content).find()) {
            return true;
        }
        String[] tokens = tagged.tokens();
        for (int i = 0; i < tokens.length; i++) {
            // The tagger tells the modal "may"/"can" from the month "May" and a tin "can" (nouns). It is not asked to
            // confirm MD itself: the English UD model sometimes tags a clear modal as an adjective. Asked only when a
            // token is one of the modals: without one the answer is no whatever the tags, so most claims are decided
            // without the tagger (the tags are what they would be, the tagger being a pure function of the tokens).
            if (HEDGING_MODALS.contains(tokens[i].toLowerCase(Locale.ROOT)) && !tagged.tags()[i].startsWith("NN")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence without a parenthetical aside at its end: "Vitamin C cures cancer (who knew?)" is a statement,
     * not a question. Plain code: one aside, read backwards to its opening bracket.
     */
    static String withoutTrailingAside(String canonical) {
        String s = canonical.strip();
        int end = s.length();
        while (end > 0 && ".!".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == 0 || s.charAt(end - 1) != ')') {
            return s;
        }
        int open = s.lastIndexOf('(', end - 1);
        return open > 0 ? s.substring(0, open).strip() : s;
    }

    private static boolean isQuestion(String canonical) {
        int end = canonical.length();
        while (end > 0
                && (Character.isWhitespace(canonical.charAt(end - 1))
                        || CLOSING.indexOf(canonical.charAt(end - 1)) >= 0)) {
            end--;
        }
        return end > 0 && canonical.charAt(end - 1) == '?';
    }

    /** "c-" + the first 12 hex digits of SHA-256 over the normalised sentence (outside any section). */
    public static String idOf(String sentence) {
        return idOf(sentence, null);
    }

    /**
     * "c-" + the first 12 hex digits of SHA-256 over the normalised section path and sentence: a display name, not
     * an identity (two texts can share it; {@link #withDistinctIds} lengthens those).
     */
    public static String idOf(String sentence, String section) {
        return fullIdOf(sentence, section).substring(0, 14);
    }

    /** "c-" + all 64 hex digits of SHA-256 over the normalised section path and sentence. */
    static String fullIdOf(String sentence, String section) {
        String named =
                (section == null ? "" : Text.canonicalSentence(section) + "\n") + Text.canonicalSentence(sentence);
        return "c-" + Sha256.hex(named);
    }

    /** Claims are one per whole canonical sentence and section path. */
    private static String keyOf(Claim claim) {
        return Text.canonicalSentence(claim.text()) + "\u0000" + claim.section();
    }
}
