package org.vetted.review.domain.draft;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Claim text as the review rules read it: intake's canonical form (what a claim id is derived from), and its words. */
public final class ClaimText {
    private static final Pattern HORIZONTAL_SPACES = Pattern.compile("[\\u00A0\\u2007\\u202F\\u2009\\u200A\\u3000]");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    /** Unicode's default-ignorable code points: the Cf category, variation selectors and fillers. */
    static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\x{034F}\\x{115F}\\x{1160}\\x{17B4}\\x{17B5}"
            + "\\x{180B}-\\x{180F}\\x{3164}\\x{FE00}-\\x{FE0F}\\x{FFA0}\\x{E0100}-\\x{E01EF}]");

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    /** A word: letters and digits, with the inner apostrophes and hyphens of a word, the dots and commas of a number. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]++(?:['.,-][\\p{L}\\p{N}]++)*+");

    private ClaimText() {}

    /**
     * Intake's canonical sentence ({@code Text.canonicalSentence}), invisible characters out: LF line endings, odd spaces plain, lower-case
     * (ROOT), curly quotes straight, whitespace collapsed. Two sentences alike in this form have the same claim id.
     */
    public static String canonical(String sentence) {
        if (sentence == null) {
            return "";
        }
        // Intake removes invisible (format) characters at the door; a record that still has one reads as without it,
        // so no rule here can be made to see other words than a reader sees.
        String unix = INVISIBLE
                .matcher(sentence.replace("\r\n", "\n").replace('\r', '\n'))
                .replaceAll("");
        String straight = HORIZONTAL_SPACES
                .matcher(unix)
                .replaceAll(" ")
                .replace('\u2018', '\'')
                .replace('\u2019', '\'')
                .replace('\u201A', '\'')
                .replace('\u2032', '\'')
                .replace('\u201C', '"')
                .replace('\u201D', '"')
                .replace('\u201E', '"')
                .replace('\u2033', '"');
        return WHITESPACE_RUN
                .matcher(straight.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    /**
     * What the word lists here are matched against: the canonical form after NFKC (a ligature "ﬁ" is "fi", a micro
     * sign a Greek mu, a full-width digit a digit), accents set aside ("prégnant" is pregnant, as intake's detection
     * reads it) and with Unicode hyphens as "-".
     */
    public static String folded(String text) {
        if (text == null) {
            return "";
        }
        String compatible = Normalizer.normalize(canonical(text), Normalizer.Form.NFKD);
        return canonical(
                        Normalizer.normalize(COMBINING_MARKS.matcher(compatible).replaceAll(""), Normalizer.Form.NFC))
                .replace('\u2010', '-')
                .replace('\u2011', '-');
    }

    /** The words of the folded text, at most {@code max} of them. */
    public static List<String> words(String text, int max) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(folded(text));
        while (words.size() < max && word.find()) {
            words.add(word.group());
        }
        return words;
    }

    /** Two section headings are the same context once case, quotes and spacing are set aside; none equals none. */
    public static boolean sameSection(String a, String b) {
        return Objects.equals(a == null ? null : canonical(a), b == null ? null : canonical(b));
    }
}
