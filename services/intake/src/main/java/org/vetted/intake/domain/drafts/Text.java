package org.vetted.intake.domain.drafts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.vetted.contract.ClaimWords;

/** Text helpers shared by the parsers and extractors: line endings, spaces, quotes and slugs. */
public final class Text {
    private static final Pattern HORIZONTAL_SPACES = Pattern.compile("[\\u00A0\\u2007\\u202F\\u2009\\u200A\\u3000]");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_SLUG = Pattern.compile("[^a-z0-9]+");

    /** LF line endings, non-breaking and other odd spaces as plain spaces, no BOM. Quotes and dashes stay. */
    public static String normalise(String text) {
        String unix = text.replace("\r\n", "\n").replace('\r', '\n');
        if (unix.startsWith("\uFEFF")) {
            unix = unix.substring(1);
        }
        return HORIZONTAL_SPACES.matcher(unix).replaceAll(" ");
    }

    /**
     * Lower-case (ROOT), curly quotes straight, whitespace collapsed: the form a claim id is derived from. The
     * contract's {@link ClaimWords#canonical}, so review reads a claim exactly as intake made its id.
     */
    public static String canonicalSentence(String sentence) {
        return ClaimWords.canonical(sentence);
    }

    /**
     * What claim detection matches its word lists against: the canonical sentence with combining marks removed, so an
     * accent cannot hide a word ("magnesíum", "vitamiñ"). Only for matching; the claim keeps the text as written.
     */
    public static String forDetection(String canonical) {
        if (ascii(canonical)) {
            return canonical; // no ASCII character decomposes or is a combining mark
        }
        String decomposed = Normalizer.normalize(canonical, Normalizer.Form.NFD);
        return decomposed.length() == canonical.length() && decomposed.equals(canonical)
                ? canonical
                : Normalizer.normalize(COMBINING_MARKS.matcher(decomposed).replaceAll(""), Normalizer.Form.NFC);
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    public static String straightQuotes(String text) {
        return ClaimWords.straightQuotes(text);
    }

    /** ASCII, lower-case, hyphen-separated, diacritics stripped, at most {@code maxLength} characters. */
    public static String slug(String text, int maxLength) {
        String decomposed = Normalizer.normalize(straightQuotes(text).replace("'", ""), Normalizer.Form.NFKD);
        String ascii = COMBINING_MARKS
                .matcher(decomposed)
                .replaceAll("")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("Æ", "ae")
                .replace("ø", "o")
                .replace("Ø", "o")
                .replace("œ", "oe")
                .replace("Œ", "oe")
                .replace("ł", "l")
                .replace("Ł", "l");
        String slug = NON_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
        slug = trimHyphens(slug);
        if (slug.length() > maxLength) {
            slug = trimHyphens(slug.substring(0, maxLength));
        }
        return slug;
    }

    private static String trimHyphens(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }

    private Text() {}
}
