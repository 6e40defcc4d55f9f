package org.vetted.review.domain.drift;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vetted.contract.Hedges;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimState;
import org.vetted.review.domain.board.EarlierReviews;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimText;

/**
 * Why a claim of the revision under review did not keep an earlier approval: the earlier claim it most resembles, and
 * what changed in a way that matters to a reader. In order of weight: a hedge removed ("may help" → "helps", "is
 * thought to", "potentially", "suggests" gone; the hedges intake marks, with may/might/could/can as modal verbs), a
 * strength raised (an association made a cause, "linked to" → "causes"; a stronger verb, "helps" → "cures"; a wider
 * quantifier, "some people" → "everyone"), a number changed (a dose, a count, a percentage or its unit), else
 * reworded. The same sentence under another heading is moved. Case, curly quotes and spacing never count (intake gives
 * such a sentence the same id anyway); punctuation and Unicode compatibility forms alone make only "reworded".
 *
 * <p>Pure and bounded: each claim is read as at most {@value #MAX_WORDS} words, similarity is the Dice coefficient
 * of lightly stemmed word sets, and one revision's pairing stops after about {@value #MAX_WORK} word look-ups (claims
 * past that get no explanation). The patterns are possessive, linear in the text.
 */
public final class ClaimDrift {
    static final int MAX_WORDS = 200;
    static final long MAX_WORK = 2_000_000;
    /** Below this a claim is new rather than a rewording of an earlier one. */
    static final double MIN_SIMILARITY = 0.5;
    /** Words at most this many on either side make a quotable change; a longer one is described by its parts. */
    static final int MAX_SPAN_WORDS = 8;

    /** What changed, the weightiest first. */
    public enum Kind {
        HEDGE_REMOVED,
        STRENGTH_RAISED,
        NUMBER_CHANGED,
        MOVED,
        REWORDED
    }

    /**
     * The earlier claim a claim is paired with ({@code previousText} and {@code previousSection} in revision
     * {@code fromRevision}), the weightiest change and, in {@code explanation}, every change found, for the reviewer.
     */
    public record Drift(Kind kind, int fromRevision, String previousText, String previousSection, String explanation) {}

    /** The contract's hedges, the same intake marks claims by, modal verbs included (told from nouns below). */
    private static final List<Phrase> HEDGES = Phrase.all(
            Stream.concat(Hedges.PHRASES.stream(), Hedges.MODALS.stream()).toArray(String[]::new));

    private static final Set<String> MODALS = Set.copyOf(Hedges.MODALS);
    /** Words before "may" that make it the month, and before "can" that make it a tin. */
    private static final Set<String> BEFORE_THE_MONTH = Set.of(
            "in", "of", "since", "until", "by", "early", "late", "mid", "next", "last", "this", "every", "from",
            "through", "during", "before", "after");

    private static final Set<String> BEFORE_A_TIN = Set.of("a", "the", "one", "per", "each", "tin", "this", "that");
    private static final List<Phrase> ASSOCIATIONS = Phrase.all(
            "linked to",
            "linked with",
            "link between",
            "links between",
            "associated with",
            "association with",
            "association between",
            "tied to",
            "related to",
            "correlated with",
            "correlates with",
            "correlation",
            "connected to",
            "connected with",
            "connection between");
    private static final List<Phrase> STRONG = Phrase.all(
            "cause",
            "causes",
            "caused",
            "causing",
            "leads to",
            "lead to",
            "results in",
            "result in",
            "prevent*",
            "cure",
            "cures",
            "cured",
            "curing",
            "eliminat*",
            "eradicat*",
            "guarantee*",
            "prove",
            "proves",
            "proved",
            "proven",
            "definitely",
            "certainly",
            "completely");
    private static final List<Phrase> WEAK = Phrase.all(
            "help",
            "helps",
            "helped",
            "helping",
            "support",
            "supports",
            "supported",
            "contribute to",
            "contributes to",
            "play a role",
            "plays a role",
            "aid",
            "aids",
            "ease",
            "eases",
            "eased",
            "easing");
    /** Quantifiers and frequencies by how much they claim; a claim with none reads as a general statement (3). */
    private static final Map<Phrase, Integer> QUANTIFIERS = quantifiers();

    private static final int GENERAL = 3;
    private static final Set<String> DETERMINERS = Set.of(
            "some",
            "a few",
            "few",
            "several",
            "certain",
            "a minority of",
            "many",
            "a lot of",
            "lots of",
            "most",
            "the majority of",
            "all",
            "every");
    private static final Pattern NUMBER =
            Pattern.compile("(?<![\\p{L}\\p{N}.,])(\\d++(?:[.,]\\d++)*+)(?:\\s*+(%|[\\p{L}µ]++(?:/[\\p{L}]++)?+))?+");
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(?:,\\d{3})++(?:\\.\\d++)?+");
    private static final Map<String, String> UNITS = units();
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("two", "2"),
            Map.entry("three", "3"),
            Map.entry("four", "4"),
            Map.entry("five", "5"),
            Map.entry("six", "6"),
            Map.entry("seven", "7"),
            Map.entry("eight", "8"),
            Map.entry("nine", "9"),
            Map.entry("ten", "10"),
            Map.entry("eleven", "11"),
            Map.entry("twelve", "12"),
            Map.entry("twenty", "20"),
            Map.entry("thirty", "30"),
            Map.entry("hundred", "100"),
            Map.entry("thousand", "1000"),
            Map.entry("half", "0.5"),
            Map.entry("twice", "2x"),
            Map.entry("double", "2x"),
            Map.entry("triple", "3x"),
            Map.entry("dozen", "12"));

    private ClaimDrift() {}

    /**
     * The drift of each claim of the revision under review that carries nothing over, paired with the most similar
     * claim of the earlier revisions it is compared with ({@link EarlierReviews#baselines()}; on a tie the later);
     * claims left out: carried over, unchanged since then (the same text in the same section), or like no earlier claim.
     */
    public static Map<String, Drift> of(ArticleReview review) {
        List<EarlierReviews.Baseline> baselines = review.earlier().baselines();
        Map<String, Drift> drifts = new LinkedHashMap<>();
        if (baselines.isEmpty()) {
            return drifts;
        }
        // By whole canonical text, not by id: ids are short and two sentences may share one.
        Set<String> currentTexts = new HashSet<>();
        review.draft().claims().forEach(claim -> currentTexts.add(ClaimText.canonical(claim.text())));
        List<Candidate> candidates = new ArrayList<>();
        Map<String, List<Candidate>> byText = new HashMap<>();
        for (EarlierReviews.Baseline baseline : baselines) {
            for (Claim claim : baseline.claims()) {
                Candidate candidate = new Candidate(baseline.revision(), claim, stems(claim.text()));
                byText.computeIfAbsent(ClaimText.canonical(claim.text()), text -> new ArrayList<>())
                        .add(candidate);
                if (!currentTexts.contains(ClaimText.canonical(claim.text()))) {
                    candidates.add(candidate);
                }
            }
        }
        long work = 0;
        for (ClaimState state : review.claimStates()) {
            Claim claim = state.claim();
            if (state.carriedOver() != null) {
                continue;
            }
            List<Candidate> sameText = byText.getOrDefault(ClaimText.canonical(claim.text()), List.of());
            if (sameText.stream()
                    .anyMatch(earlier -> ClaimText.sameSection(earlier.claim.section(), claim.section()))) {
                continue;
            }
            if (!sameText.isEmpty()) {
                Candidate moved = sameText.get(0);
                between(moved.claim, claim, moved.revision).ifPresent(drift -> drifts.put(claim.id(), drift));
                continue;
            }
            Set<String> stems = stems(claim.text());
            Candidate best = null;
            double bestScore = 0;
            for (Candidate candidate : candidates) {
                work += Math.min(stems.size(), candidate.stems.size()) + 1;
                if (work > MAX_WORK) {
                    return drifts;
                }
                double score = similarity(stems, candidate.stems);
                if (score > bestScore) {
                    best = candidate;
                    bestScore = score;
                }
            }
            if (best != null && bestScore >= MIN_SIMILARITY) {
                Candidate paired = best;
                between(paired.claim, claim, paired.revision).ifPresent(drift -> drifts.put(claim.id(), drift));
            }
        }
        return drifts;
    }

    private record Candidate(int revision, Claim claim, Set<String> stems) {}

    /**
     * What changed from {@code earlier} (a claim of revision {@code fromRevision}) to {@code current}; empty when
     * nothing did: the same canonical sentence (as intake normalises it) in the same section.
     */
    public static Optional<Drift> between(Claim earlier, Claim current, int fromRevision) {
        boolean sameSection = ClaimText.sameSection(earlier.section(), current.section());
        String moved = "moved from " + place(earlier.section()) + " to " + place(current.section());
        if (ClaimText.canonical(earlier.text()).equals(ClaimText.canonical(current.text()))) {
            return sameSection
                    ? Optional.empty()
                    : Optional.of(
                            new Drift(Kind.MOVED, fromRevision, earlier.text(), earlier.section(), capitalized(moved)));
        }
        List<String> before = ClaimText.words(earlier.text(), MAX_WORDS);
        List<String> after = ClaimText.words(current.text(), MAX_WORDS);
        Kind kind = null;
        List<String> findings = new ArrayList<>();
        Optional<String> hedge = hedgeRemoved(before, after);
        if (hedge.isPresent()) {
            kind = Kind.HEDGE_REMOVED;
            findings.add("hedge removed: " + hedge.get());
        }
        Optional<String> strength = strengthRaised(before, after);
        if (strength.isPresent()) {
            kind = kind == null ? Kind.STRENGTH_RAISED : kind;
            findings.add("strength raised: " + strength.get());
        }
        Optional<String> number = numberChanged(earlier.text(), before, current.text(), after);
        if (number.isPresent()) {
            kind = kind == null ? Kind.NUMBER_CHANGED : kind;
            findings.add("number changed: " + number.get());
        }
        if (kind == null) {
            kind = Kind.REWORDED;
            findings.add(
                    normalisedWords(before).equals(normalisedWords(after))
                            ? "reworded: only punctuation or typography changed"
                            : "reworded since revision " + fromRevision);
        }
        if (!sameSection) {
            findings.add(moved);
        }
        return Optional.of(new Drift(
                kind, fromRevision, earlier.text(), earlier.section(), capitalized(String.join("; ", findings))));
    }

    /** "‘may help’ → ‘helps’" when the claim has fewer hedges than before; the first one gone. */
    static Optional<String> hedgeRemoved(List<String> before, List<String> after) {
        List<Hit> was = hedges(before);
        List<Hit> is = hedges(after);
        if (is.size() >= was.size()) {
            return Optional.empty();
        }
        Map<String, Integer> left = counts(is);
        for (Hit hit : was) {
            if (left.merge(hit.key(), -1, Integer::sum) >= 0) {
                continue;
            }
            Optional<String> span = changedSpan(before, after, hit);
            if (span.isPresent()) {
                return span;
            }
            String hedge = String.join(" ", before.subList(hit.start(), hit.end()));
            if (hit.end() < before.size()) {
                String next = before.get(hit.end());
                Optional<String> now = sameStem(next, after);
                if (now.isPresent()) {
                    return Optional.of(quoted(hedge + " " + next) + " → " + quoted(now.get()));
                }
            }
            return Optional.of(quoted(hedge) + " removed");
        }
        return Optional.of(quoted(String.join(
                        " ", before.subList(was.get(0).start(), was.get(0).end()))) + " removed");
    }

    /** An association made a cause, a stronger verb, or a wider quantifier. */
    static Optional<String> strengthRaised(List<String> before, List<String> after) {
        Set<String> strongBefore = keys(Phrase.hits(before, STRONG));
        for (Hit strong : Phrase.hits(after, STRONG)) {
            if (strongBefore.contains(strong.stemKey())) {
                continue;
            }
            String now = String.join(" ", after.subList(strong.start(), strong.end()));
            Optional<String> span = changedSpan(after, before, strong).map(ClaimDrift::reversed);
            if (span.isPresent()) {
                return span;
            }
            Set<String> weakAfter = keys(Phrase.hits(after, ASSOCIATIONS));
            weakAfter.addAll(keys(Phrase.hits(after, WEAK)));
            List<Hit> weaker = new ArrayList<>(Phrase.hits(before, ASSOCIATIONS));
            weaker.addAll(Phrase.hits(before, WEAK));
            return Optional.of(weaker.stream()
                    .filter(hit -> !weakAfter.contains(hit.stemKey()))
                    .findFirst()
                    .map(hit -> quoted(String.join(" ", before.subList(hit.start(), hit.end()))) + " → " + quoted(now))
                    .orElse("now " + quoted(now)));
        }
        Hit widestBefore = widest(before);
        Hit widestAfter = widest(after);
        int was = widestBefore == null ? GENERAL : QUANTIFIERS.get(widestBefore.phrase());
        int is = widestAfter == null ? GENERAL : QUANTIFIERS.get(widestAfter.phrase());
        if (is <= was) {
            return Optional.empty();
        }
        Optional<String> span = widestBefore != null
                ? changedSpan(before, after, widestBefore)
                : changedSpan(after, before, widestAfter).map(ClaimDrift::reversed);
        if (span.isPresent()) {
            return span;
        }
        String then = widestBefore == null ? null : withNoun(widestBefore, before);
        String now = widestAfter == null ? null : withNoun(widestAfter, after);
        if (then == null) {
            return Optional.of("now " + quoted(now));
        }
        if (now == null) {
            Optional<String> noun = widestBefore.end() < before.size() && DETERMINERS.contains(widestBefore.key())
                    ? sameStem(before.get(widestBefore.end()), after)
                    : Optional.empty();
            return Optional.of(
                    noun.map(word -> quoted(then) + " → " + quoted(word)).orElse(quoted(then) + " removed"));
        }
        return Optional.of(quoted(then) + " → " + quoted(now));
    }

    /**
     * "‘may reduce’ → ‘reduces’": the words between what {@code from} and {@code to} share at their start and at
     * their end, when {@code hit} (in {@code from}) lies there and both sides are short; an empty side reads
     * "removed".
     */
    private static Optional<String> changedSpan(List<String> from, List<String> to, Hit hit) {
        int prefix = 0;
        while (prefix < from.size() && prefix < to.size() && aligned(from.get(prefix), to.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < from.size() - prefix
                && suffix < to.size() - prefix
                && aligned(from.get(from.size() - 1 - suffix), to.get(to.size() - 1 - suffix))) {
            suffix++;
        }
        int fromEnd = from.size() - suffix;
        int toEnd = to.size() - suffix;
        if (hit.start() < prefix
                || hit.end() > fromEnd
                || fromEnd - prefix > MAX_SPAN_WORDS
                || toEnd - prefix > MAX_SPAN_WORDS) {
            return Optional.empty();
        }
        String was = quoted(String.join(" ", from.subList(prefix, fromEnd)));
        return Optional.of(
                toEnd == prefix ? was + " removed" : was + " → " + quoted(String.join(" ", to.subList(prefix, toEnd))));
    }

    /** Equal words, or two numbers: a changed number is reported on its own, not as part of a hedge or strength. */
    private static boolean aligned(String a, String b) {
        return a.equals(b) || isNumber(a) && isNumber(b);
    }

    private static boolean isNumber(String word) {
        return word.chars().anyMatch(Character::isDigit) || NUMBER_WORDS.containsKey(word);
    }

    /** A span found from the later text back to the earlier, turned round: "‘b’ → ‘a’" is "‘a’ → ‘b’". */
    private static String reversed(String span) {
        if (span.endsWith(" removed")) {
            return "now " + span.substring(0, span.length() - " removed".length());
        }
        int arrow = span.indexOf(" → ");
        return span.substring(arrow + 3) + " → " + span.substring(0, arrow);
    }

    /** Numbers (digits or words) with their units, compared as multisets: "‘200 mg’ → ‘400 mg’". */
    static Optional<String> numberChanged(
            String before, List<String> wordsBefore, String after, List<String> wordsAfter) {
        List<Amount> was = amounts(before, wordsBefore);
        List<Amount> is = amounts(after, wordsAfter);
        List<Amount> removed = minus(was, is);
        List<Amount> added = minus(is, was);
        if (removed.isEmpty() && added.isEmpty()) {
            return Optional.empty();
        }
        String gone = String.join(
                ", ", removed.stream().map(amount -> quoted(amount.shown())).toList());
        String come = String.join(
                ", ", added.stream().map(amount -> quoted(amount.shown())).toList());
        return Optional.of(
                removed.isEmpty() ? come + " added" : added.isEmpty() ? gone + " removed" : gone + " → " + come);
    }

    /** The Dice coefficient of two word sets: 1 when equal, 0 when disjoint. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        long shared = small.stream().filter(large::contains).count();
        return 2.0 * shared / (a.size() + b.size());
    }

    static Set<String> stems(String text) {
        Set<String> stems = new HashSet<>();
        for (String word : ClaimText.words(text, MAX_WORDS)) {
            stems.add(stem(word));
        }
        return stems;
    }

    /** A light stem, enough to pair "reduces" with "reduce" and "studies" with "study"; a number normalised. */
    static String stem(String word) {
        if (word.chars().anyMatch(Character::isDigit)) {
            return numberValue(word);
        }
        String stem = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
        if (stem.length() > 4 && stem.endsWith("ies")) {
            stem = stem.substring(0, stem.length() - 3) + "y";
        } else if (stem.length() > 5 && stem.endsWith("ing")) {
            stem = stem.substring(0, stem.length() - 3);
        } else if (stem.length() > 4 && (stem.endsWith("ed") || stem.endsWith("es"))) {
            stem = stem.substring(0, stem.length() - 2);
        } else if (stem.length() > 3 && stem.endsWith("s") && !stem.endsWith("ss")) {
            stem = stem.substring(0, stem.length() - 1);
        }
        return stem.length() > 3 && stem.endsWith("e") ? stem.substring(0, stem.length() - 1) : stem;
    }

    private static Optional<String> sameStem(String word, List<String> in) {
        String stem = stem(word);
        return in.stream().filter(candidate -> stem(candidate).equals(stem)).findFirst();
    }

    private static List<Hit> hedges(List<String> words) {
        return Phrase.hits(words, HEDGES).stream()
                .filter(hit ->
                        hit.end() - hit.start() > 1 || !MODALS.contains(hit.key()) || isModal(words, hit.start()))
                .toList();
    }

    /** "may" and "can" as verbs: not the month ("in May", "May 12"), not a tin ("a can"). */
    private static boolean isModal(List<String> words, int at) {
        String before = at > 0 ? words.get(at - 1) : "";
        String after = at + 1 < words.size() ? words.get(at + 1) : "";
        return switch (words.get(at)) {
            case "may" -> !BEFORE_THE_MONTH.contains(before) && !after.matches("\\d{1,4}");
            case "can" -> !BEFORE_A_TIN.contains(before);
            default -> true;
        };
    }

    /** The quantifier that claims the most, the first of those; null when the claim has none. */
    private static Hit widest(List<String> words) {
        Hit widest = null;
        for (Hit hit : Phrase.hits(words, new ArrayList<>(QUANTIFIERS.keySet()))) {
            String before = hit.start() > 0 ? words.get(hit.start() - 1) : "";
            boolean notAQuantifier = hit.key().equals("all") && (before.equals("at") || before.equals("after"))
                    || hit.key().equals("certain")
                            && Set.of("is", "are", "was", "be", "not", "it's").contains(before);
            if (!notAQuantifier
                    && (widest == null || QUANTIFIERS.get(hit.phrase()) > QUANTIFIERS.get(widest.phrase()))) {
                widest = hit;
            }
        }
        return widest;
    }

    /** A determiner with the word it counts ("some people"); a pronoun or frequency alone ("everyone"). */
    private static String withNoun(Hit hit, List<String> words) {
        String quantifier = String.join(" ", words.subList(hit.start(), hit.end()));
        return DETERMINERS.contains(hit.key()) && hit.end() < words.size()
                ? quantifier + " " + words.get(hit.end())
                : quantifier;
    }

    private record Amount(String key, String shown) {}

    private static List<Amount> amounts(String text, List<String> words) {
        List<Amount> amounts = new ArrayList<>();
        Matcher number = NUMBER.matcher(ClaimText.folded(text));
        while (amounts.size() < MAX_WORDS && number.find()) {
            String unit = number.group(2) == null ? null : UNITS.get(number.group(2));
            String value = numberValue(number.group(1));
            amounts.add(new Amount(
                    unit == null ? value : value + " " + unit,
                    unit == null ? number.group(1) : number.group().strip()));
        }
        for (int i = 0; i < words.size(); i++) {
            String value = NUMBER_WORDS.get(words.get(i));
            if (value != null) {
                String unit = i + 1 < words.size() ? UNITS.get(words.get(i + 1)) : null;
                amounts.add(new Amount(
                        unit == null ? value : value + " " + unit,
                        unit == null ? words.get(i) : words.get(i) + " " + words.get(i + 1)));
            }
        }
        return amounts;
    }

    /** "1,000" and "1000.0" are 1000, "1,5" is 1.5; anything else as written. */
    private static String numberValue(String written) {
        String plain = THOUSANDS.matcher(written).matches()
                ? written.replace(",", "")
                : written.indexOf('.') < 0 ? written.replace(',', '.') : written;
        if (plain.length() > 40) {
            return plain;
        }
        try {
            return new BigDecimal(plain).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return plain;
        }
    }

    private static List<Amount> minus(List<Amount> from, List<Amount> take) {
        List<Amount> left = new ArrayList<>(from);
        for (Amount amount : take) {
            left.stream()
                    .filter(kept -> kept.key().equals(amount.key()))
                    .findFirst()
                    .ifPresent(left::remove);
        }
        return left;
    }

    private static List<String> normalisedWords(List<String> words) {
        return words.stream()
                .map(word -> word.chars().anyMatch(Character::isDigit) ? numberValue(word) : word)
                .toList();
    }

    private static Map<String, Integer> counts(List<Hit> hits) {
        Map<String, Integer> counts = new HashMap<>();
        hits.forEach(hit -> counts.merge(hit.key(), 1, Integer::sum));
        return counts;
    }

    private static Set<String> keys(List<Hit> hits) {
        Set<String> keys = new HashSet<>();
        hits.forEach(hit -> keys.add(hit.stemKey()));
        return keys;
    }

    private static String place(String section) {
        return section == null ? "no section" : "section " + quoted(section);
    }

    private static String quoted(String text) {
        return "\u2018" + text + "\u2019";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static Map<Phrase, Integer> quantifiers() {
        Map<Phrase, Integer> levels = new LinkedHashMap<>();
        for (String quantifier : List.of(
                "some",
                "a few",
                "few",
                "several",
                "certain",
                "a minority of",
                "sometimes",
                "occasionally",
                "rarely",
                "seldom")) {
            levels.put(Phrase.of(quantifier), 1);
        }
        for (String quantifier : List.of("many", "a lot of", "lots of", "often", "frequently")) {
            levels.put(Phrase.of(quantifier), 2);
        }
        for (String quantifier :
                List.of("most", "the majority of", "usually", "generally", "typically", "commonly", "mostly")) {
            levels.put(Phrase.of(quantifier), GENERAL);
        }
        for (String quantifier : List.of(
                "all",
                "every",
                "everyone",
                "everybody",
                "always",
                "never",
                "nobody",
                "no one",
                "without exception",
                "universally")) {
            levels.put(Phrase.of(quantifier), 4);
        }
        return levels;
    }

    private static Map<String, String> units() {
        Map<String, String> units = new HashMap<>();
        for (String[] unit : new String[][] {
            {"mg", "mg"},
            {"milligram", "mg"},
            {"milligrams", "mg"},
            {"mcg", "mcg"},
            {"µg", "mcg"},
            {"μg", "mcg"},
            {"ug", "mcg"},
            {"microgram", "mcg"},
            {"micrograms", "mcg"},
            {"g", "g"},
            {"gram", "g"},
            {"grams", "g"},
            {"kg", "kg"},
            {"ml", "ml"},
            {"millilitre", "ml"},
            {"millilitres", "ml"},
            {"milliliter", "ml"},
            {"milliliters", "ml"},
            {"l", "l"},
            {"iu", "iu"},
            {"%", "%"},
            {"percent", "%"},
            {"unit", "unit"},
            {"units", "unit"},
            {"tablet", "tablet"},
            {"tablets", "tablet"},
            {"capsule", "capsule"},
            {"capsules", "capsule"},
            {"pill", "pill"},
            {"pills", "pill"},
            {"drop", "drop"},
            {"drops", "drop"},
            {"puff", "puff"},
            {"puffs", "puff"},
            {"tsp", "tsp"},
            {"teaspoon", "tsp"},
            {"teaspoons", "tsp"},
            {"tbsp", "tbsp"},
            {"tablespoon", "tbsp"},
            {"tablespoons", "tbsp"},
            {"mg/kg", "mg/kg"},
            {"day", "day"},
            {"days", "day"},
            {"week", "week"},
            {"weeks", "week"},
            {"month", "month"},
            {"months", "month"},
            {"year", "year"},
            {"years", "year"},
            {"hour", "hour"},
            {"hours", "hour"},
            {"minute", "minute"},
            {"minutes", "minute"},
            {"times", "times"}
        }) {
            units.put(unit[0], unit[1]);
        }
        return units;
    }

    /** A word list entry: words one space apart, a "*" at a word's end matching any ending. */
    private record Phrase(String key, String[] words) {
        static Phrase of(String text) {
            return new Phrase(text, text.split(" "));
        }

        /** Longest first, so "may be" is read before "may". */
        static List<Phrase> all(String... texts) {
            return Arrays.stream(texts)
                    .map(Phrase::of)
                    .sorted(Comparator.comparingInt((Phrase phrase) -> phrase.words.length)
                            .reversed())
                    .toList();
        }

        boolean matchesAt(List<String> text, int at) {
            if (at + words.length > text.size()) {
                return false;
            }
            for (int i = 0; i < words.length; i++) {
                String word = words[i];
                String actual = text.get(at + i);
                if (word.endsWith("*")
                        ? !actual.startsWith(word.substring(0, word.length() - 1))
                        : !actual.equals(word)) {
                    return false;
                }
            }
            return true;
        }

        /** Hits left to right, none overlapping, the longest entry at each place. */
        static List<Hit> hits(List<String> text, List<Phrase> phrases) {
            List<Phrase> longestFirst = phrases.stream()
                    .sorted(Comparator.comparingInt((Phrase phrase) -> phrase.words.length)
                            .reversed())
                    .toList();
            List<Hit> hits = new ArrayList<>();
            int at = 0;
            while (at < text.size()) {
                Phrase found = null;
                for (Phrase phrase : longestFirst) {
                    if (phrase.matchesAt(text, at)) {
                        found = phrase;
                        break;
                    }
                }
                if (found == null) {
                    at++;
                } else {
                    hits.add(new Hit(
                            found,
                            at,
                            at + found.words.length,
                            String.join(" ", text.subList(at, at + found.words.length))));
                    at += found.words.length;
                }
            }
            return hits;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Phrase phrase && phrase.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    /** Where a phrase stands in a claim's words; {@code key} is the entry, {@code text} the words as written. */
    private record Hit(Phrase phrase, int start, int end, String text) {
        String key() {
            return phrase.key();
        }

        /** The words as written, stemmed: "causes" and "cause" are one verb. */
        String stemKey() {
            return String.join(
                    " ", Arrays.stream(text.split(" ")).map(ClaimDrift::stem).toList());
        }
    }
}
