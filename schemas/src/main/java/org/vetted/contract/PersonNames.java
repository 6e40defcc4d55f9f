package org.vetted.contract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When two written names are the same person: one rule for every service that checks who wrote or approved an
 * article, so that a duty (no reviewer approves her own article) cannot be dodged by spelling. A name is compared in
 * a normal form: diacritics, case, punctuation and spacing ignored; honorifics in front ("Dr.", "Prof.", "Mr.",
 * "Mrs.", "Ms.", "Mx.") and credentials behind ("RD", "MD, MPH", "PhD", ...) dropped; "Last, First" read as
 * "First Last" unless what follows the comma is only credentials ("Dana Diaz, RD" is a name and a credential).
 * So "Dana Diaz, RD", "dr. dana diaz", "DANA  DÍAZ", "Díaz, Dana" and "Dana Diaz MD, MPH" are all "dana diaz".
 */
public final class PersonNames {
    /** Credentials written after a name (health, academic, licensure). Matched case- and dot-insensitively. */
    public static final List<String> CREDENTIALS = List.of(
            "MD", "DO", "PhD", "RD", "RDN", "PharmD", "LCSW", "NP", "PA-C", "PA", "RN", "MPH", "MS", "MSc", "LPC",
            "PsyD", "DNP", "FNP-BC", "FNP", "CNS", "CDCES", "CDE", "LMFT", "LPCC", "DDS", "DMD", "DC", "DPT", "PT",
            "ND", "MBBS", "MBChB", "FACP", "FACC", "FAAP", "CSCS", "LD", "LDN", "IBCLC", "BCPS", "EdD", "DrPH", "APRN",
            "CNM", "OTR", "CCC-SLP", "MSW", "LMHC", "BSN", "MSN");
    /** Titles written before a name. */
    public static final List<String> HONORIFICS = List.of("Dr", "Prof", "Mr", "Mrs", "Ms", "Mx", "Doctor", "Professor");

    private static final Set<String> CREDENTIAL_KEYS = keys(CREDENTIALS);
    private static final Set<String> HONORIFIC_KEYS = keys(HONORIFICS);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Names longer than this are not compared for resemblance (a name is never this long; it bounds the work). */
    private static final int RESEMBLANCE_MAX_CHARS = 100;

    private PersonNames() {}

    /** The normal form: lower-case ASCII-folded words of the name alone, single spaces; "" when nothing is left. */
    public static String normalized(String name) {
        if (name == null) {
            return "";
        }
        String folded = fold(name);
        List<String> parts = new ArrayList<>(Arrays.asList(folded.split(",")));
        while (parts.size() > 1 && onlyCredentials(parts.get(parts.size() - 1))) {
            parts.remove(parts.size() - 1);
        }
        String ordered = parts.size() == 2 && !parts.get(1).isBlank()
                ? parts.get(1) + " " + parts.get(0) // "Diaz, Dana"
                : String.join(" ", parts);
        List<String> words = new ArrayList<>(Arrays.asList(ordered.strip().split("\\s+")));
        while (!words.isEmpty() && HONORIFIC_KEYS.contains(key(words.get(0)))) {
            words.remove(0);
        }
        while (words.size() > 1 && CREDENTIAL_KEYS.contains(key(words.get(words.size() - 1)))) {
            words.remove(words.size() - 1);
        }
        return NOT_NAME.matcher(String.join(" ", words)).replaceAll(" ").strip();
    }

    /** Both name the same person: equal normal forms, neither empty. */
    public static boolean samePerson(String a, String b) {
        String na = normalized(a);
        return !na.isEmpty() && na.equals(normalized(b));
    }

    /**
     * Not the same, but close enough to be a misspelling or a disguise: the same surname and first initial
     * ("D. Diaz", "Dan Diaz"), or at most two letters apart ("Dana Dias", "Dana Diazz").
     */
    public static boolean resembles(String a, String b) {
        String na = normalized(a);
        String nb = normalized(b);
        if (na.isEmpty()
                || nb.isEmpty()
                || na.equals(nb)
                || na.length() > RESEMBLANCE_MAX_CHARS
                || nb.length() > RESEMBLANCE_MAX_CHARS) {
            return false;
        }
        String[] wa = na.split(" ");
        String[] wb = nb.split(" ");
        boolean initialAndSurname = wa.length > 1
                && wb.length > 1
                && wa[wa.length - 1].equals(wb[wb.length - 1])
                && wa[0].charAt(0) == wb[0].charAt(0);
        return initialAndSurname || editDistance(na, nb) <= 2;
    }

    /** Levenshtein distance (insert, delete, substitute), for names of at most a hundred characters. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** NFKD without combining marks, letters that do not decompose spelled out, lower-case. */
    private static String fold(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        return MARKS.matcher(decomposed)
                .replaceAll("")
                .replace("ß", "ss")
                .replace("æ", "ae")
                .replace("Æ", "ae")
                .replace("ø", "o")
                .replace("Ø", "o")
                .replace("œ", "oe")
                .replace("Œ", "oe")
                .replace("ł", "l")
                .replace("Ł", "l")
                .toLowerCase(Locale.ROOT);
    }

    private static boolean onlyCredentials(String part) {
        String[] words = part.strip().split("\\s+");
        return Arrays.stream(words).allMatch(word -> CREDENTIAL_KEYS.contains(key(word)));
    }

    /** A word as compared with the lists: lower-case, without dots or other trailing punctuation. */
    private static String key(String word) {
        return word.toLowerCase(Locale.ROOT).replace(".", "").replaceAll("[^\\p{L}\\p{N}-]+$", "");
    }

    private static Set<String> keys(List<String> words) {
        return words.stream().map(PersonNames::key).collect(Collectors.toUnmodifiableSet());
    }
}
