package org.vetted.review.domain.withdrawal;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Why an article is withdrawn, judged in normal form: NFKC (so full-width and compatibility letters read as what they
 * look like), every default-ignorable code point removed (zero-width spaces and joiners, word joiner, BOM, soft
 * hyphen, bidi controls, variation selectors, fillers), whitespace stripped. A reason that is nothing once so
 * cleaned is blank: a reader would see nothing, so it explains nothing. The cleaned text is the one recorded.
 */
public final class WithdrawalReason {
    /** The longest reason, in code points of the normal form. */
    public static final int MAX_LENGTH = 2000;

    private WithdrawalReason() {}

    /** The reason in normal form, or why it is refused. */
    public sealed interface Checked {}

    public record Valid(String text) implements Checked {}

    public record Invalid(String problem) implements Checked {}

    public static Checked check(String raw) {
        String text = normalForm(raw);
        if (text.isEmpty()) {
            return new Invalid(
                    "required: why the article is withdrawn (invisible characters and spaces alone are blank)");
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            return new Invalid("at most " + MAX_LENGTH + " characters, not " + length);
        }
        return new Valid(text);
    }

    /** The normal form of {@code raw} ("" for null). */
    public static String normalForm(String raw) {
        if (raw == null) {
            return "";
        }
        String compatible = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        StringBuilder visible = new StringBuilder(compatible.length());
        compatible.codePoints().filter(c -> !isInvisible(c)).forEach(visible::appendCodePoint);
        // Removing a character may leave a sequence NFKC would compose or fold differently; normalize once more.
        return Normalizer.normalize(visible, Normalizer.Form.NFKC).strip();
    }

    static boolean isInvisible(int codePoint) {
        return UCharacter.hasBinaryProperty(codePoint, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    /** The problem with {@code raw}, if any. */
    public static Optional<String> problem(String raw) {
        return check(raw) instanceof Invalid invalid ? Optional.of(invalid.problem()) : Optional.empty();
    }
}
