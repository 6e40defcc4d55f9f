package org.vetted.review.domain.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vetted.contract.ClaimWords;

/** Claim text as the review rules read it: intake's canonical form (what a claim id is derived from), and its words. */
public final class ClaimText {
    /** A word: letters and digits, with the inner apostrophes and hyphens of a word, the dots and commas of a number. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]++(?:['.,-][\\p{L}\\p{N}]++)*+");

    private ClaimText() {}

    /** {@link ClaimWords#canonical}: two sentences alike in this form have the same claim id. */
    public static String canonical(String sentence) {
        return ClaimWords.canonical(sentence);
    }

    /** {@link ClaimWords#folded}: what the word lists here are matched against. */
    public static String folded(String text) {
        return ClaimWords.folded(text);
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
