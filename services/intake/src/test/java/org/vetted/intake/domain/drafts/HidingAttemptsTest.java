package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetted.intake.app.InMemoryArticleRegistry;
import org.vetted.intake.domain.claims.Claim;

/**
 * Claims written so a reader sees them and a rule would not: invisible characters inside a word or a number, bidi
 * controls, width and font variants, other scripts' digits, accents, look-alike letters. Each is either refused with
 * an error naming what and where, or found as the same claim the plain sentence makes (same text, kind and section),
 * so every later rule (risk classes, carry-over, the library) reads the words a reader reads.
 */
class HidingAttemptsTest {
    private static final String TITLE = "# Vitamins and blood pressure\n\n## During pregnancy\n\n";

    /** name, the sentence as a reader sees it, the sentence as sent. */
    static Stream<Arguments> foundAsTheSameClaim() {
        String dose = "Pregnant women should take 4000 IU of vitamin D every day.";
        String stop = "Stop taking your blood pressure medication if you feel dizzy.";
        String lowers = "Magnesium lowers blood pressure in most adults.";
        return Stream.of(
                Arguments.of(
                        "zero-width spaces in a word and a number",
                        dose,
                        "Pregn\u200bant women should take 4\u200b000 I\u200bU of vitamin D every day."),
                Arguments.of(
                        "zero-width spaces in the verbs",
                        stop,
                        "St\u200bop tak\u200bing your blood pressure medication if you feel dizzy."),
                Arguments.of("zero-width joiner", lowers, "Magne\u200dsium lowers blood pressure in most adults."),
                Arguments.of("zero-width non-joiner", lowers, "Magnesium low\u200cers blood pressure in most adults."),
                Arguments.of(
                        "word joiner in a number",
                        dose,
                        "Pregnant women should take 4\u20600\u206000 IU of vitamin D every day."),
                Arguments.of("soft hyphens", lowers, "Magne\u00adsium lowers blood pres\u00adsure in most adults."),
                Arguments.of(
                        "a byte-order mark inside a word",
                        lowers,
                        "Magnesium lo\ufeffwers blood pressure in most adults."),
                Arguments.of(
                        "a right-to-left override around words",
                        stop,
                        "Stop taking your \u202eblood pressure\u202c medication if you feel dizzy."),
                Arguments.of(
                        "bidi isolates",
                        stop,
                        "Stop \u2066taking\u2069 your blood pressure medication if you feel dizzy."),
                Arguments.of(
                        "left-to-right and right-to-left marks",
                        stop,
                        "Stop\u200e taking your blood\u200f pressure medication if you feel dizzy."),
                Arguments.of(
                        "invisible separators in a number",
                        dose,
                        "Pregnant women should take 4\u20630\u206200 IU of vitamin D every day."),
                Arguments.of(
                        "a variation selector inside a word",
                        lowers,
                        "Magnes\ufe0fium lowers blood pressure in most adults."),
                Arguments.of(
                        "a Mongolian vowel separator", lowers, "Magnesium lowers blood\u180e pressure in most adults."),
                Arguments.of(
                        "tag characters",
                        lowers,
                        "Magnesium lowers \udb40\udc41\udb40\udc42blood pressure in most adults."),
                Arguments.of("a Hangul filler", lowers, "Magnesium lowers blood pressure\u3164 in most adults."),
                Arguments.of(
                        "full-width digits",
                        dose,
                        "Pregnant women should take \uff14\uff10\uff10\uff10 IU of vitamin D every day."),
                Arguments.of(
                        "full-width letters",
                        lowers,
                        "\uff2d\uff41\uff47\uff4e\uff45\uff53\uff49\uff55\uff4d lowers blood pressure in most adults."),
                Arguments.of(
                        "mathematical bold letters",
                        lowers,
                        "\ud835\udc0c\ud835\udc1a\ud835\udc20\ud835\udc27\ud835\udc1e\ud835\udc2c\ud835\udc22\ud835\udc2e"
                                + "\ud835\udc26 lowers blood pressure in most adults."),
                Arguments.of(
                        "Arabic-Indic digits",
                        dose,
                        "Pregnant women should take \u0664\u0660\u0660\u0660 IU of vitamin D every day."),
                Arguments.of(
                        "Devanagari digits",
                        dose,
                        "Pregnant women should take \u096a\u0966\u0966\u0966 IU of vitamin D every day."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foundAsTheSameClaim")
    void isFoundAsTheClaimThePlainSentenceMakes(String name, String plain, String sent) {
        Claim expected = onlyClaim(accepted(plain));
        Draft draft = accepted(sent);

        assertThat(draft.claims()).containsExactly(expected);
        assertThat(draft.bodyMarkdown()).contains(plain);
        assertThat(draft.contentHash())
                .as("the hash is over the text in normal form")
                .isEqualTo(accepted(plain).contentHash());
    }

    /** Accents and marks stay in the text (they are visible), but no rule is blind to the word under them. */
    static Stream<Arguments> accentedButFound() {
        return Stream.of(
                Arguments.of(
                        "Magnesium lowers blood pressure in most adults.",
                        "Magnes\u00edum l\u00f3wers blood pressure in most adults."),
                Arguments.of(
                        "Pregnant women should take 4000 IU of vitamin D every day.",
                        "Pregnan\u0307t women should take 4000 IU of vitamin\u0301 D every day."),
                Arguments.of(
                        "Stop taking your blood pressure medication if you feel dizzy.",
                        "St\u00f6p t\u00e4king your bl\u00f6\u00f6d pressure medication if you feel dizzy."));
    }

    @ParameterizedTest
    @MethodSource("accentedButFound")
    void aWordUnderAccentsIsStillRead(String plain, String sent) {
        Claim expected = onlyClaim(accepted(plain));
        Claim found = onlyClaim(accepted(sent));

        assertThat(found.text()).isEqualTo(java.text.Normalizer.normalize(sent, java.text.Normalizer.Form.NFC));
        assertThat(found.kind()).isEqualTo(expected.kind());
        assertThat(found.section()).isEqualTo(expected.section());
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(
                        "Cyrillic a and o", "Magnesium l\u043ewers blood pressure in most \u0430dults.", "l\u043ewers"),
                Arguments.of(
                        "a Cyrillic capital", "\u041cagnesium lowers blood pressure in most adults.", "\u041cagnesium"),
                Arguments.of("a Greek omicron", "Magnesium lowers bl\u03bfod pressure in most adults.", "bl\u03bfod"),
                Arguments.of("an Armenian o", "Magnesium lowers bl\u0585od pressure in most adults.", "bl\u0585od"),
                Arguments.of(
                        "a whole word of Cyrillic look-alikes",
                        "Dark \u0441\u043e\u0441\u043e\u0430 lowers blood " + "pressure in most adults.",
                        "\u0441\u043e\u0441\u043e\u0430"),
                Arguments.of(
                        "look-alikes split by zero-width spaces",
                        "Dark \u0441\u200b\u043e\u0441\u200b\u043e\u0430 " + "lowers blood pressure in most adults.",
                        "\u0441\u043e\u0441\u043e\u0430"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aLookAlikeWordIsRefusedNamingItAndWhereItStands(String name, String sent, String word) {
        IntakeResult result = evaluate(sent);

        assertThat(result).isInstanceOf(IntakeResult.Invalid.class);
        List<FieldError> errors = ((IntakeResult.Invalid) result).errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).isEqualTo("body");
        assertThat(errors.get(0).reason())
                .contains("\"" + word + "\"")
                .contains("line 5, column")
                .contains("retype it in one script");
    }

    @ParameterizedTest
    @MethodSource("singleLettersOfOtherScripts")
    void aSingleLetterOfAnotherScriptStands(String sent) {
        assertThat(evaluate(sent)).isInstanceOf(IntakeResult.Accepted.class);
    }

    static Stream<String> singleLettersOfOtherScripts() {
        return Stream.of(
                "Alpha-lipoic acid (\u03b1-lipoic acid) may ease nerve pain in diabetes.",
                "\u03b2-carotene is turned into vitamin A in the body.",
                "Take 400 \u00b5g of folic acid a day before pregnancy.");
    }

    private static IntakeResult evaluate(String sentence) {
        return Intakes.intake()
                .evaluate(
                        new Submission(DraftFormat.MARKDOWN, TITLE + sentence + "\n", Intakes.WANDA, null),
                        new InMemoryArticleRegistry(),
                        "a-1");
    }

    private static Draft accepted(String sentence) {
        IntakeResult result = evaluate(sentence);
        assertThat(result).as("accepted: %s", result).isInstanceOf(IntakeResult.Accepted.class);
        return ((IntakeResult.Accepted) result).draft();
    }

    private static Claim onlyClaim(Draft draft) {
        List<Claim> found = draft.claims().stream()
                .filter(claim -> !claim.text().startsWith("Vitamins"))
                .toList();
        assertThat(found).as("one claim in %s", draft.bodyMarkdown()).hasSize(1);
        return found.get(0);
    }
}
