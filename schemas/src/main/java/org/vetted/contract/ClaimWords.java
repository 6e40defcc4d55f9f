package org.vetted.contract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Claim text in the forms every service's rules read it, so no two rules can see different words in one sentence:
 * {@link #canonical} (intake's canonical sentence, what a claim id is derived from) and {@link #folded} (what word
 * lists such as the four-eyes triggers are matched against).
 */
public final class ClaimWords {
    /** Unicode's default-ignorable code points: the Cf category, variation selectors and fillers. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\x{034F}\\x{115F}\\x{1160}\\x{17B4}\\x{17B5}"
            + "\\x{180B}-\\x{180F}\\x{3164}\\x{FE00}-\\x{FE0F}\\x{FFA0}\\x{E0100}-\\x{E01EF}]");

    private static final Pattern HORIZONTAL_SPACES = Pattern.compile("[\\u00A0\\u2007\\u202F\\u2009\\u200A\\u3000]");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private ClaimWords() {}

    /** {@code text} with LF line endings and without invisible characters; null reads as "". */
    public static String withoutInvisibles(String text) {
        if (text == null) {
            return "";
        }
        return INVISIBLE.matcher(text.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    /**
     * Intake's canonical sentence, invisible characters out: LF line endings, odd spaces plain, lower-case (ROOT),
     * curly quotes straight, whitespace collapsed. Two sentences alike in this form have the same claim id.
     */
    public static String canonical(String sentence) {
        if (sentence == null) {
            return "";
        }
        return onlyLowerCasingChanges(sentence) ? sentence.toLowerCase(Locale.ROOT) : byRegexes(sentence);
    }

    /** {@link #canonical} step by step, for any text. */
    static String byRegexes(String sentence) {
        // Intake removes invisible (format) characters at the door; a record that still has one reads as without it,
        // so no rule can be made to see other words than a reader sees.
        String straight = straightQuotes(
                HORIZONTAL_SPACES.matcher(withoutInvisibles(sentence)).replaceAll(" "));
        return WHITESPACE_RUN
                .matcher(straight.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    /**
     * Whether every step of {@link #canonical} but lower-casing leaves {@code text} as it is, read in one pass over
     * its characters (most sentences: the regexes are a sixth of claim extraction's time). True only when every
     * character is one none of the steps touches: no CR, no format or other invisible character, no odd space, no
     * curly quote or prime, no surrogate (a supplementary character may be invisible), no whitespace but single
     * spaces (which {@code \s+} leaves as they are), and none at either end (which {@link String#strip}
     * would remove). Lower-casing turns no character into one of these, so the later steps then change nothing.
     * {@code ClaimWordsTest} holds the two paths equal on every UTF-16 unit.
     */
    static boolean onlyLowerCasingChanges(String text) {
        int length = text.length();
        if (length == 0 || Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(length - 1))) {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 ? !untouched(c) : c < 0x20 || c == 0x7F || c == ' ' && previous == ' ') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** A character at or above U+0080 that no step of {@link #canonical} but lower-casing changes or removes. */
    private static boolean untouched(char c) {
        return !Character.isSurrogate(c)
                && Character.getType(c) != Character.FORMAT
                && !Character.isWhitespace(c)
                && !Character.isSpaceChar(c)
                && !(c >= '\u2018' && c <= '\u201E')
                && c != '\u2032'
                && c != '\u2033'
                && c != '\u034F'
                && c != '\u115F'
                && c != '\u1160'
                && c != '\u17B4'
                && c != '\u17B5'
                && !(c >= '\u180B' && c <= '\u180F')
                && c != '\u3164'
                && !(c >= '\uFE00' && c <= '\uFE0F')
                && c != '\uFFA0';
    }

    /** Curly single and double quotes (and primes) as straight ones. */
    public static String straightQuotes(String text) {
        return text.replace('\u2018', '\'')
                .replace('\u2019', '\'')
                .replace('\u201A', '\'')
                .replace('\u2032', '\'')
                .replace('\u201C', '"')
                .replace('\u201D', '"')
                .replace('\u201E', '"')
                .replace('\u2033', '"');
    }

    /**
     * The canonical form after NFKC (a ligature "ﬁ" is "fi", a micro sign a Greek mu, a full-width digit a digit),
     * accents set aside ("prégnant" is pregnant, as intake's detection reads it) and with Unicode hyphens as "-".
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
}
