package org.vetted.intake.domain.claims;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vetted.intake.domain.drafts.ReadingBudget;
import org.vetted.intake.domain.drafts.Text;

/**
 * Absolute therapeutic language: a cure, a miracle, a guarantee, "no side effects", "100% safe", "clinically
 * proven", and, when not softened, prevention ("prevents") or a dose to take ("take 5,000 IU"). A sentence that says
 * so is always a claim and is marked {@code absolute} for the reviewer. Negated wording is not absolute ("is not a
 * cure", "did not prevent", "don't expect it to cure"); "no side effects" is its own phrase and always is.
 * Decided on the canonical sentence (lower case, straight quotes), so it can be decided again from a claim's text
 * and hedging alone, as events carry them.
 */
public final class AbsoluteLanguage {
    /** Absolute whatever the hedging, unless negated. */
    private static final Pattern STRONG = Pattern.compile("(?<![\\p{L}\\p{N}])(?:cure[sd]?+|curing|miracle[sd]?+"
            + "|guarantee[sd]?+|guaranteeing|(?:clinically|scientifically) proven|risk-free"
            + "|(?:completely|totally|perfectly|entirely|absolutely|100% ?|100 percent )(?:safe|harmless|effective))"
            + "(?![\\p{L}\\p{N}])");
    /** Absolute in any case: the phrase carries its own "no". */
    private static final Pattern NO_SIDE_EFFECTS = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:no|zero|without any|without|free of|free from) side[- ]effects?+(?![\\p{L}\\p{N}])");
    /** Absolute when not hedged ("may prevent") and not negated. */
    private static final Pattern PREVENTS =
            Pattern.compile("(?<![\\p{L}\\p{N}])prevent(?:s|ed|ing)?+(?![\\p{L}\\p{N}])");
    /** A dose to take, said as an instruction: "take 5,000 IU", "you should take 50 mg". */
    private static final Pattern DOSE_TO_TAKE = Pattern.compile("(?:^|[.;:!]\\s*+|(?<![\\p{L}])(?:just|simply|always"
            + "|should|must|to|and) )take\\s++(?:[\\p{L}-]++\\s++){0,2}+\\d[\\d,.]*+(?:\\s*+(?:-|–|to)\\s*+\\d[\\d,.]*+)?+"
            + "\\s*+(?:mg|mcg|µg|μg|ug|iu|g|ml|milligrams?+|micrograms?+|grams?+|international units|tablets?+|capsules?+)"
            + "(?![\\p{L}\\p{N}])");

    private static final Set<String> NEGATIONS =
            Set.of("not", "no", "never", "nothing", "none", "neither", "nor", "without", "cannot", "hardly");
    /** How many words before a match a negation still negates it ("has not been shown to cure"). */
    private static final int NEGATION_REACH = 4;

    private AbsoluteLanguage() {}

    /**
     * @param canonical the sentence as {@link Text#canonicalSentence} gives it
     * @param hedged    whether the claim is softened ("may", "is thought to", ...)
     */
    public static boolean in(String canonical, boolean hedged) {
        if (ReadingBudget.matcher(NO_SIDE_EFFECTS, canonical).find() || unnegated(STRONG, canonical)) {
            return true;
        }
        return !hedged
                && (unnegated(PREVENTS, canonical)
                        || ReadingBudget.matcher(DOSE_TO_TAKE, canonical).find());
    }

    /** Of a claim's text, as written. */
    public static boolean inSentence(String sentence, boolean hedged) {
        return in(Text.canonicalSentence(sentence), hedged);
    }

    private static boolean unnegated(Pattern pattern, String canonical) {
        Matcher m = ReadingBudget.matcher(pattern, canonical);
        while (m.find()) {
            if (!negated(canonical, m.start())) {
                return true;
            }
        }
        return false;
    }

    /** A negation among the few words before {@code at}: read backwards, a fixed number of words. */
    static boolean negated(String canonical, int at) {
        int end = at;
        for (int words = 0; words < NEGATION_REACH && end > 0; words++) {
            while (end > 0 && !Character.isLetter(canonical.charAt(end - 1))) {
                end--;
            }
            int start = end;
            while (start > 0
                    && (Character.isLetter(canonical.charAt(start - 1)) || canonical.charAt(start - 1) == '\'')) {
                start--;
            }
            String word = canonical.substring(start, end);
            if (NEGATIONS.contains(word) || word.endsWith("n't")) {
                return true;
            }
            end = start;
        }
        return false;
    }
}
