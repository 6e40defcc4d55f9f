package org.vetted.intake.domain.drafts;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one form every draft is put in at the door, before anything reads it: parsing, claim detection, the content
 * hash, the reviewer's page and rendering all see this text and no other.
 * <ul>
 * <li><b>Invisible characters are removed</b> (Unicode's default-ignorable code points: the Cf category with zero-width
 * spaces and joiners, bidi controls and the soft hyphen, plus variation selectors and fillers), and the writer is told
 * how many and where the first stood. Removed rather than refused: text pasted from web pages carries them innocently
 * (soft hyphens, zero-width spaces for line breaking), and once removed they can hide nothing, since every later
 * reader sees the text without them. A writer loses only joined emoji.</li>
 * <li><b>Width and font variants are folded</b>: full-width and half-width forms and mathematical alphanumerics
 * become the plain letter or digit, and any decimal digit becomes its ASCII digit ("４０００", "٤٠٠٠" are "4000"),
 * so an amount is an amount to every rule.</li>
 * <li><b>NFC</b>: one encoding per accented letter.</li>
 * <li><b>Look-alike words are refused</b> with the word and where it stands: a word that mixes letters of two scripts
 * ("Маgnesium" with a Cyrillic М and а), or a word of two letters or more in another script that is a look-alike of a
 * Latin word (TR39 skeleton all ASCII, such as Cyrillic "сосоа"). Refused rather than folded: the writer can fix it
 * in a moment, and a page that shows a Latin-looking word whose letters are not Latin would mislead readers and
 * search engines whatever the detection made of it. A single letter of another script stands ("α-lipoic acid").</li>
 * </ul>
 */
public final class NormalForm {
    /** How many removed characters the warning names one by one. */
    static final int NAMED_REMOVALS = 3;

    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();

    /** The text in normal form with what was done to it, or the reason it is refused. */
    public record Result(String text, List<String> warnings, Optional<FieldError> error) {
        public Result {
            warnings = List.copyOf(warnings);
        }

        public boolean refused() {
            return error.isPresent();
        }
    }

    private NormalForm() {}

    /** {@code text} (a whole submission) in normal form; {@code field} names it in errors. */
    public static Result of(String text, String field) {
        List<String> warnings = new ArrayList<>();
        String visible = withoutInvisibles(text, warnings);
        String plain = Normalizer.normalize(folded(visible, warnings), Normalizer.Form.NFC);
        Optional<FieldError> lookalike = lookalikeWord(plain, field);
        return new Result(plain, warnings, lookalike);
    }

    /** Whether {@code codePoint} is removed at the door: default-ignorable (invisible), other than tab and newlines. */
    static boolean isInvisible(int codePoint) {
        return UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    private static String withoutInvisibles(String text, List<String> warnings) {
        StringBuilder out = new StringBuilder(text.length());
        List<String> named = new ArrayList<>();
        int removed = 0;
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isInvisible(c)) {
                removed++;
                if (named.size() < NAMED_REMOVALS) {
                    named.add(String.format(
                            Locale.ROOT, "U+%04X %s at line %d, column %d", c, UCharacter.getName(c), line, column));
                }
                continue;
            }
            out.appendCodePoint(c);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        if (removed > 0) {
            warnings.add("removed " + removed + " invisible character" + (removed == 1 ? "" : "s") + " ("
                    + String.join("; ", named) + (removed > named.size() ? "; ..." : "")
                    + "): they cannot be seen, so nobody could review them");
        }
        return removed == 0 ? text : out.toString();
    }

    private static String folded(String text, List<String> warnings) {
        StringBuilder out = null;
        int foldedCount = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            String replacement = fold(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                    foldedCount++;
                } else {
                    out.appendCodePoint(c);
                }
            }
            i += width;
        }
        if (foldedCount > 0) {
            warnings.add("changed " + foldedCount + " full-width, styled or non-ASCII digit character"
                    + (foldedCount == 1 ? "" : "s") + " to the plain letter or digit");
        }
        return out == null ? text : out.toString();
    }

    /** The plain form of a width or font variant or of a non-ASCII decimal digit, or null to keep it. */
    private static String fold(int c) {
        if (c < 0x80) {
            return null;
        }
        if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
            return String.valueOf((char) ('0' + Character.digit(c, 10)));
        }
        int decomposition = UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE);
        if (decomposition == UCharacter.DecompositionType.WIDE
                || decomposition == UCharacter.DecompositionType.NARROW
                || decomposition == UCharacter.DecompositionType.FONT) {
            return Normalizer.normalize(new String(Character.toChars(c)), Normalizer.Form.NFKC);
        }
        return null;
    }

    /** The first look-alike word, as an error naming it and where it stands; empty when there is none. */
    private static Optional<FieldError> lookalikeWord(String text, String field) {
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
            if (!isWordCharacter(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            while (i < text.length() && isWordCharacter(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String word = text.substring(start, i);
            Optional<String> why = whyLookalike(word);
            if (why.isPresent()) {
                int column = text.codePointCount(lineStart, start) + 1;
                return Optional.of(new FieldError(
                        field,
                        String.format(
                                Locale.ROOT,
                                "contains \"%s\" at line %d, column %d, %s; retype it in one script",
                                word,
                                line,
                                column,
                                why.get())));
            }
        }
        return Optional.empty();
    }

    private static boolean isWordCharacter(int c) {
        return Character.isLetter(c)
                || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    /** Why {@code word} is a look-alike, or empty. */
    static Optional<String> whyLookalike(String word) {
        BitSet scripts = new BitSet();
        int letters = 0;
        for (int i = 0; i < word.length(); ) {
            int c = word.codePointAt(i);
            i += Character.charCount(c);
            int script = UScript.getScript(c);
            if (script != UScript.COMMON && script != UScript.INHERITED && Character.isLetter(c)) {
                scripts.set(script);
                letters++;
            }
        }
        if (scripts.cardinality() > 1) {
            List<String> names = new ArrayList<>();
            scripts.stream().forEach(script -> names.add(UScript.getName(script)));
            return Optional.of("a word that mixes letters of " + String.join(" and ", names));
        }
        if (scripts.cardinality() == 1 && !scripts.get(UScript.LATIN) && letters >= 2) {
            String skeleton = SKELETONS.getSkeleton(word.toLowerCase(Locale.ROOT));
            if (skeleton.chars().allMatch(ch -> ch < 0x80 && Character.isLetterOrDigit(ch))) {
                return Optional.of("a word of " + UScript.getName(scripts.nextSetBit(0))
                        + " letters that look like the Latin \"" + skeleton + "\"");
            }
        }
        return Optional.empty();
    }
}
