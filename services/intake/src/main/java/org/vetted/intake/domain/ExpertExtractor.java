package org.vetted.intake.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the people a draft quotes and the credentials it gives them, from the attribution shapes health writing
 * uses: "says NAME, CRED, a ...", "explains NAME, CRED", "NAME, CRED, a board-certified ...", "Dr. SURNAME says"
 * (the full name seen elsewhere with that surname) and "says SURNAME". Each person is reported once, under the
 * fullest name the text gives. A quoted person with no credential anywhere is reported with a null credential and a
 * warning; "Dr." with no credential text is recorded as "Dr.", the only credential the text states.
 */
public final class ExpertExtractor {
    /** Credentials recognised after a name; longest first so "RDN" wins over "RD". */
    public static final List<String> CREDENTIALS = List.of(
            "MD", "DO", "PhD", "RD", "RDN", "PharmD", "LCSW", "NP", "PA-C", "PA", "RN", "MPH", "MS", "MSc", "LPC",
            "PsyD", "DNP", "FNP-BC", "FNP", "CNS", "CDCES", "CDE", "LMFT", "LPCC", "DDS", "DMD", "DC", "DPT", "PT",
            "ND", "MBBS", "MBChB", "FACP", "FACC", "FAAP", "CSCS", "LD", "LDN", "IBCLC", "BCPS", "EdD", "DrPH",
            "APRN", "CNM", "OTR", "CCC-SLP", "MSW", "LMHC", "BSN", "MSN");
    private static final Set<String> NOT_NAMES = Set.of(
            "He", "She", "They", "It", "We", "I", "You", "This", "That", "The", "A", "An", "Research", "Experts",
            "Studies", "Doctors", "Science", "Everyone", "Someone", "One", "Who", "What", "And", "But", "Also", "So");
    private static final String VERB = "(?:says|said|explains|explained|adds|added|notes|noted|writes|wrote|tells|told|cautions|warns|recommends)";
    /** A capitalised word, or an initial ("Q."); a full stop after a word ends the sentence, not the name. */
    private static final String WORD = "(?:\\p{Lu}\\.(?=\\s+\\p{Lu})|\\p{Lu}[\\p{L}'’\\-]*+)";
    private static final String NAME = "(?<![\\p{L}\\p{N}])(" + WORD + "(?:\\s+" + WORD + "){0,3})";
    private static final String CREDS;
    /** "says NAME, CRED" and "NAME, CRED, a ...": a place ("Baltimore, MD") is neither. */
    private static final List<Pattern> NAME_WITH_CREDENTIALS;
    private static final Pattern VERB_THEN_NAME = Pattern.compile("\\b" + VERB + "\\s+(?:Dr\\.?\\s+)?" + NAME);
    private static final Pattern NAME_THEN_VERB = Pattern.compile(
            "(?:[”\"’,]\\s*|^)(Dr\\.?\\s+)?" + NAME + "\\s+" + VERB + "\\b", Pattern.MULTILINE);
    private static final Pattern DOCTOR = Pattern.compile("\\bDr\\.?\\s+" + NAME);

    static {
        String alternatives = CREDENTIALS.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        String one = "(?:" + alternatives + ")(?![\\p{L}\\p{N}-])";
        CREDS = "(" + one + "(?:\\s*,\\s*" + one + ")*)";
        NAME_WITH_CREDENTIALS = List.of(
                Pattern.compile("\\b" + VERB + "\\s+(?:Dr\\.?\\s+)?" + NAME + ",\\s+" + CREDS),
                Pattern.compile("(?:Dr\\.?\\s+)?" + NAME + ",\\s+" + CREDS + "(?=,\\s+(?:a|an|the|who|one|our)\\b)"));
    }

    public ExpertsFound extract(String bodyMarkdown) {
        String text = Text.normalise(MarkdownText.blocks(bodyMarkdown).stream()
                .filter(block -> !block.heading())
                .map(MarkdownText.Block::text)
                .collect(Collectors.joining("\n")));
        Map<String, Expert> byName = new LinkedHashMap<>();
        List<String> doctors = new ArrayList<>();

        for (Pattern credentialed : NAME_WITH_CREDENTIALS) {
            Matcher m = credentialed.matcher(text);
            while (m.find()) {
                String name = cleanName(m.group(1));
                if (name != null) {
                    byName.putIfAbsent(name, new Expert(name, m.group(2).replaceAll("\\s*,\\s*", ", ")));
                }
            }
        }
        Matcher doctor = DOCTOR.matcher(text);
        while (doctor.find()) {
            String name = cleanName(doctor.group(1));
            if (name != null) {
                doctors.add(name);
            }
        }
        for (Pattern quoted : List.of(VERB_THEN_NAME, NAME_THEN_VERB)) {
            Matcher m = quoted.matcher(text);
            while (m.find()) {
                String name = cleanName(m.group(m.groupCount()));
                if (name == null || known(byName, name) != null) {
                    continue;
                }
                boolean doctorTitle = doctors.stream().anyMatch(d -> sameSurname(d, name));
                byName.put(name, new Expert(name, doctorTitle ? "Dr." : null));
            }
        }
        return merge(byName);
    }

    /** One expert per person: "Dimitriu" and "Alex Dimitriu" are the same person, under the longer name. */
    private static ExpertsFound merge(Map<String, Expert> byName) {
        List<Expert> experts = new ArrayList<>();
        for (Expert candidate : byName.values()) {
            Expert fuller = byName.values().stream()
                    .filter(other -> other != candidate && sameSurname(other.name(), candidate.name())
                            && other.name().length() > candidate.name().length())
                    .findFirst().orElse(null);
            if (fuller == null) {
                experts.add(candidate);
            }
        }
        List<String> warnings = experts.stream()
                .filter(expert -> expert.credential() == null)
                .map(expert -> "quoted expert \"" + expert.name() + "\" has no stated credential")
                .toList();
        return new ExpertsFound(experts, warnings);
    }

    private static Expert known(Map<String, Expert> byName, String name) {
        return byName.values().stream().filter(e -> sameSurname(e.name(), name)).findFirst().orElse(null);
    }

    private static boolean sameSurname(String a, String b) {
        return surname(a).equals(surname(b)) && (a.endsWith(b) || b.endsWith(a));
    }

    private static String surname(String name) {
        String[] words = name.split("\\s+");
        return words[words.length - 1];
    }

    /** Drops a leading "Dr." and words that are not names (pronouns, sentence starts); null when nothing is left. */
    private static String cleanName(String raw) {
        List<String> words = new ArrayList<>(List.of(raw.strip().split("\\s+")));
        while (!words.isEmpty() && (NOT_NAMES.contains(words.get(0)) || words.get(0).matches("Dr\\.?"))) {
            words.remove(0);
        }
        if (words.isEmpty() || words.stream().anyMatch(NOT_NAMES::contains)) {
            return null;
        }
        String last = words.get(words.size() - 1);
        if (last.endsWith(".") && !last.matches("\\p{Lu}\\.")) {
            words.set(words.size() - 1, last.substring(0, last.length() - 1));
        }
        String name = String.join(" ", words);
        return CREDENTIALS.contains(name) ? null : name;
    }
}
