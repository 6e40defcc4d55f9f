package org.vetted.contract.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vetted.contract.ClaimWords;

/**
 * A named kind of high-risk claim ({@link FourEyesRule}) and the words that mark a claim as one: trigger words or
 * phrases matched as whole words in the claim's sentence or its section heading, once case, curly quotes, spacing
 * and Unicode compatibility forms are set aside. A word ending in {@code *} matches any ending ("pregnan*" matches
 * pregnant and pregnancy). Triggers are words, never regular expressions, so no configuration can make matching slow:
 * the pattern is one alternation of literals with possessive endings, linear in the text. The DOSE class also
 * matches an amount, a number with a unit ("400 mg", "1–2 tablets", "5 ml").
 */
public final class RiskClass {
    /** Letters, digits, apostrophes, dots and hyphens; words one space apart; a "*" only at a word's end. */
    private static final Pattern TRIGGER = Pattern.compile("[\\p{L}\\p{N}'.-]++\\*?+(?: [\\p{L}\\p{N}'.-]++\\*?+)*+");

    static final int MAX_TRIGGER_CHARS = 80;
    static final int MAX_TRIGGERS = 500;
    /**
     * A number, or a range, and a unit of a dose. Possessive throughout, and a number starts only where no digit,
     * letter, dot or comma stands before it, so each digit is read once ("1.1.1…" is one number, not thousands).
     */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])\\d++(?:[.,]\\d++)*+\\s*+(?:(?:-|–|to)\\s*+\\d++(?:[.,]\\d++)*+\\s*+)?+"
                    + "(?:mg/kg|mg|mcg|µg|μg|ug|g|ml|iu|units?|milligrams?|micrograms?|grams?|millilitres?|milliliters?"
                    + "|international units|tablets?|capsules?|pills?|drops?|puffs?|teaspoons?|tablespoons?|tsp|tbsp)"
                    + "(?![\\p{L}\\p{N}])");

    private final String name;
    private final List<String> triggers;
    private final boolean amounts;
    private final Pattern pattern;

    private RiskClass(String name, List<String> triggers, boolean amounts) {
        this.name = name;
        this.triggers = List.copyOf(triggers);
        this.amounts = amounts;
        this.pattern = triggers.isEmpty()
                ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}])(?:"
                        + triggers.stream()
                                .sorted(Comparator.comparingInt(String::length).reversed())
                                .map(RiskClass::regexOf)
                                .collect(Collectors.joining("|"))
                        + ")(?![\\p{L}\\p{N}])");
    }

    /**
     * @param triggers words or phrases, each folded as claims are; refused when empty or not words
     * @param amounts  whether an amount with a unit marks the class too (DOSE)
     * @throws IllegalArgumentException naming the trigger that is not a word or phrase
     */
    public static RiskClass of(String name, List<String> triggers, boolean amounts) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a risk class needs a name");
        }
        if (triggers.size() > MAX_TRIGGERS) {
            throw new IllegalArgumentException("risk class " + name + " has more than " + MAX_TRIGGERS + " triggers");
        }
        Set<String> folded = new LinkedHashSet<>();
        for (String trigger : triggers) {
            String word = ClaimWords.folded(trigger);
            if (word.length() > MAX_TRIGGER_CHARS || !TRIGGER.matcher(word).matches()) {
                throw new IllegalArgumentException("risk class " + name + ": trigger \"" + trigger + "\" is not a word "
                        + "or phrase (letters, digits, ' . -, a * at a word's end, at most " + MAX_TRIGGER_CHARS
                        + " characters)");
            }
            folded.add(word);
        }
        if (folded.isEmpty() && !amounts) {
            throw new IllegalArgumentException("risk class " + name + " has no triggers");
        }
        return new RiskClass(name.strip(), new ArrayList<>(folded), amounts);
    }

    /** This class with more triggers. */
    RiskClass withMore(List<String> more) {
        List<String> all = new ArrayList<>(triggers);
        all.addAll(more);
        return of(name, all, amounts);
    }

    public String name() {
        return name;
    }

    public List<String> triggers() {
        return triggers;
    }

    /** Whether a claim's sentence or its section heading (null when none) is about this class. */
    public boolean matches(String sentence, String section) {
        return matches(ClaimWords.folded(sentence)) || matches(ClaimWords.folded(section));
    }

    private boolean matches(String folded) {
        return pattern != null && pattern.matcher(folded).find()
                || amounts && AMOUNT.matcher(folded).find();
    }

    private static String regexOf(String trigger) {
        List<String> words = new ArrayList<>();
        for (String word : trigger.split(" ")) {
            boolean prefix = word.endsWith("*");
            String literal = prefix ? word.substring(0, word.length() - 1) : word;
            words.add(Pattern.quote(literal) + (prefix ? "[\\p{L}\\p{N}'-]*+" : ""));
        }
        return String.join(" ", words);
    }

    /** Same name, case, spacing and punctuation aside: "DRUG_INTERACTION" is "drug-interaction". */
    static String key(String name) {
        return name == null ? "" : name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    @Override
    public String toString() {
        return name;
    }
}
