package org.vetted.intake.domain.claims;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vetted.contract.PersonNames;
import org.vetted.intake.domain.drafts.MarkdownText;
import org.vetted.intake.domain.drafts.ReadingBudget;
import org.vetted.intake.domain.drafts.Text;

/**
 * Finds the people a draft quotes and the credentials it gives them, from the attribution shapes health writing
 * uses: "says NAME, CRED, a ...", "explains NAME, CRED", "NAME, CRED, a board-certified ...", "Dr. SURNAME says"
 * (the full name seen elsewhere with that surname) and "says SURNAME". Each person is reported once, under the
 * fullest name the text gives. A quoted person with no credential anywhere is reported with a null credential and a
 * warning; "Dr." with no credential text is recorded as "Dr.", the only credential the text states.
 */
public final class ExpertExtractor {
    /** Credentials recognised after a name: the contract's list, the one author matching uses too. */
    public static final List<String> CREDENTIALS = PersonNames.CREDENTIALS;
    /** More people than any article quotes; beyond it a text is a list of names, not an article. */
    static final int MAX_EXPERTS = 100;

    private static final Set<String> NOT_NAMES = Set.of(
            "He",
            "She",
            "They",
            "It",
            "We",
            "I",
            "You",
            "This",
            "That",
            "The",
            "A",
            "An",
            "Research",
            "Experts",
            "Studies",
            "Doctors",
            "Science",
            "Everyone",
            "Someone",
            "One",
            "Who",
            "What",
            "And",
            "But",
            "Also",
            "So");
    private static final String VERB =
            "(?:says|said|explains|explained|adds|added|notes|noted|writes|wrote|tells|told|cautions|warns|recommends)";
    /** A capitalised word, or an initial ("Q."); a full stop after a word ends the sentence, not the name. */
    private static final String WORD = "(?:\\p{Lu}\\.(?=\\s+\\p{Lu})|\\p{Lu}[\\p{L}'’\\-]*+)";

    private static final String NAME = "(?<![\\p{L}\\p{N}])(" + WORD + "(?:\\s+" + WORD + "){0,3})";
    private static final String CREDS;
    /** "says NAME, CRED" and "NAME, CRED, a ...": a place ("Baltimore, MD") is neither. */
    private static final List<Pattern> NAME_WITH_CREDENTIALS;

    private static final Pattern VERB_THEN_NAME = Pattern.compile("\\b" + VERB + "\\s+(?:Dr\\.?\\s+)?" + NAME);
    private static final Pattern NAME_THEN_VERB =
            Pattern.compile("(?:[”\"’,]\\s*|^)(Dr\\.?\\s+)?" + NAME + "\\s+" + VERB + "\\b", Pattern.MULTILINE);
    private static final Pattern DOCTOR = Pattern.compile("\\bDr\\.?\\s+" + NAME);

    static {
        String alternatives = CREDENTIALS.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        String one = "(?:" + alternatives + ")(?![\\p{L}\\p{N}-])";
        // At most six credentials after a name: an unbounded repeated group recurses once per repetition in
        // java.util.regex and overflowed the stack on a long ", MD, MD, ..." run.
        CREDS = "(" + one + "(?:\\s*+,\\s*+" + one + "){0,5})";
        NAME_WITH_CREDENTIALS = List.of(
                Pattern.compile("\\b" + VERB + "\\s+(?:Dr\\.?\\s+)?" + NAME + ",\\s+" + CREDS),
                Pattern.compile("(?:Dr\\.?\\s+)?" + NAME + ",\\s+" + CREDS + "(?=,\\s+(?:a|an|the|who|one|our)\\b)"));
    }

    public ExpertsFound extract(String bodyMarkdown) {
        String text = Text.normalise(MarkdownText.blocks(bodyMarkdown).stream()
                .filter(MarkdownText.Block::prose)
                .map(MarkdownText.Block::text)
                .collect(Collectors.joining("\n")));
        People quoted = new People();
        People doctors = new People();

        for (Pattern credentialed : NAME_WITH_CREDENTIALS) {
            Matcher m = ReadingBudget.matcher(credentialed, text);
            while (m.find()) {
                String name = cleanName(m.group(1));
                if (name != null && !quoted.has(name)) {
                    quoted.add(new Expert(name, m.group(2).replaceAll("\\s*,\\s*", ", ")));
                }
                if (quoted.full) {
                    break; // nobody else can be added: reading on would only cost time
                }
            }
        }
        Matcher doctor = ReadingBudget.matcher(DOCTOR, text);
        while (doctor.find()) {
            String name = cleanName(doctor.group(1));
            if (name != null) {
                doctors.add(new Expert(name, "Dr."));
            }
            if (doctors.full) {
                break;
            }
        }
        for (Pattern quote : List.of(VERB_THEN_NAME, NAME_THEN_VERB)) {
            Matcher m = ReadingBudget.matcher(quote, text);
            while (m.find()) {
                String name = cleanName(m.group(m.groupCount()));
                if (name == null || quoted.sameSurname(name).findAny().isPresent()) {
                    continue;
                }
                boolean doctorTitle = doctors.sameSurname(name).findAny().isPresent();
                quoted.add(new Expert(name, doctorTitle ? "Dr." : null));
                if (quoted.full) {
                    break;
                }
            }
        }
        return merge(quoted);
    }

    /**
     * The people found so far, by name and by surname, so that finding the same person again is a lookup, not a scan
     * of everyone (which was quadratic in a text quoting thousands of names). At most {@link #MAX_EXPERTS} are kept;
     * once one more is offered ({@code full}), the search stops.
     */
    private static final class People {
        final Map<String, Expert> byName = new LinkedHashMap<>();
        final Map<String, List<Expert>> bySurname = new HashMap<>();
        boolean full;

        boolean has(String name) {
            return byName.containsKey(name);
        }

        void add(Expert expert) {
            if (byName.size() >= MAX_EXPERTS) {
                full |= !byName.containsKey(expert.name());
                return;
            }
            if (byName.putIfAbsent(expert.name(), expert) == null) {
                bySurname
                        .computeIfAbsent(surname(expert.name()), k -> new ArrayList<>())
                        .add(expert);
            }
        }

        java.util.stream.Stream<Expert> sameSurname(String name) {
            return bySurname.getOrDefault(surname(name), List.of()).stream()
                    .filter(other -> ExpertExtractor.sameSurname(other.name(), name));
        }
    }

    /** One expert per person: "Dimitriu" and "Alex Dimitriu" are the same person, under the longer name. */
    private static ExpertsFound merge(People people) {
        List<Expert> experts = new ArrayList<>();
        for (Expert candidate : people.byName.values()) {
            boolean fuller = people.sameSurname(candidate.name())
                    .anyMatch(other -> other != candidate
                            && other.name().length() > candidate.name().length());
            if (!fuller) {
                experts.add(candidate);
            }
        }
        List<String> warnings = new ArrayList<>(experts.stream()
                .filter(expert -> expert.credential() == null)
                .map(expert -> "quoted expert \"" + expert.name() + "\" has no stated credential")
                .toList());
        if (people.full) {
            warnings.add("more than " + MAX_EXPERTS + " quoted people: only the first " + MAX_EXPERTS + " are listed");
        }
        return new ExpertsFound(experts, warnings);
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
        while (!words.isEmpty()
                && (NOT_NAMES.contains(words.get(0)) || words.get(0).matches("Dr\\.?"))) {
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
