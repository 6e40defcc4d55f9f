package org.vetted.review.domain.draft;

import java.text.Normalizer;
import org.vetted.contract.ClaimWords;

/**
 * What a reviewer writes (a comment, a reason) in the one form every rule, the store and the writer's page read:
 * invisible characters out, NFC, line endings LF, surrounding whitespace stripped. A comment made only of zero-width
 * spaces or bidi controls is therefore empty here, so a rule that asks for a reason cannot be passed with one nobody
 * can read, and a length rule counts only what can be seen.
 */
public final class ReviewerText {
    private ReviewerText() {}

    /** {@code text} in normal form; null stays null. */
    public static String normal(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.normalize(ClaimWords.withoutInvisibles(text), Normalizer.Form.NFC)
                .strip();
    }

    /** Whether {@code text} has anything a reader can see. */
    public static boolean hasText(String text) {
        String normal = normal(text);
        return normal != null && !normal.isEmpty();
    }

    /** How many characters of {@code text} a reader sees (code points, after {@link #normal}). */
    public static int visibleLength(String text) {
        String normal = normal(text);
        return normal == null ? 0 : normal.codePointCount(0, normal.length());
    }
}
