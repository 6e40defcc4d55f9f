package org.vetted.intake.domain.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.vetted.contract.Hedges;
import org.vetted.intake.domain.drafts.ReadingBudget;

/**
 * The word lists behind {@link ClaimExtractor}, read from {@code claim-lexicon.txt}: one matcher per section
 * (health, evidence, effect, mechanism, risk, dose, assertion, instruction, hedge), each matching whole words of a normalised,
 * lower-case sentence; and the patterns of amounts, statistics and measures.
 */
public final class ClaimLexicon {
    public static final String RESOURCE = "claim-lexicon.txt";
    /** Possessive throughout: a run of digits is read once, not split every way between the two numbers. */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\d++(?:[.,]\\d++)?+\\s*+(?:-|to|–)?+\\s*+(?:\\d++(?:[.,]\\d++)?+\\s*+)?+"
                    + "(?:mg|mcg|µg|μg|ug|iu|g|ml|milligrams?|micrograms?|grams?|international units)(?![\\p{L}\\p{N}])");

    /**
     * A statistic: a percentage, "1 in 10", "three times", "two-fold". Possessive, and a number starts only after a
     * character that cannot continue one: a run such as "1.1.1.1..." is read once, not once per digit.
     */
    private static final Pattern STATISTIC = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])\\d[\\d,.]*+\\s*+(?:%|percent|per cent)(?![\\p{L}\\p{N}])"
                    + "|(?<![\\p{L}\\p{N}.,])(?:\\d[\\d,]*+|one|two|three|four|five|six|seven|eight|nine|ten)\\s++in\\s++"
                    + "(?:\\d[\\d,]*+|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a hundred|a thousand)"
                    + "(?![\\p{L}\\p{N}])"
                    + "|(?<![\\p{L}\\p{N}.,])(?:\\d[\\d,.]*+|two|three|four|five|ten)[- ]?+(?:times|fold)(?![\\p{L}\\p{N}])");
    /** A measured quantity other than a dose: "38 °C", "2.5 litres", "30 minutes", "1.4 kg". */
    private static final Pattern MEASURE = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(?:\\d[\\d,.]*+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen"
                    + "|twenty|thirty|sixty|a few|several)(?:\\s*+(?:-|–|to)\\s*+\\d[\\d,.]*+)?+[- ]?+"
                    + "(?:°c|°f|degrees?|kg|kilos?|kilograms?|lbs?|pounds?|litres?|liters?|calories|kcal|hours?|minutes?"
                    + "|weeks?|days?|months?|years?|cups?|glasses|servings?|portions?|teaspoons?|tablespoons?|km|miles?"
                    + "|steps|ppm|cfu|lux|feet|inches|cm)(?![\\p{L}\\p{N}])");

    final Pattern health;
    final Pattern evidence;
    final Pattern assertion;
    final Pattern effect;
    final Pattern mechanism;
    final Pattern risk;
    final Pattern dose;
    final Pattern hedge;
    /** The verbs of [instruction], to be matched at the start of a sentence only. */
    final Pattern instruction;

    ClaimLexicon(Map<String, List<String>> sections) {
        this.health = matcher(sections, "health");
        this.evidence = matcher(sections, "evidence");
        this.assertion = matcher(sections, "assertion");
        this.effect = matcher(sections, "effect");
        this.mechanism = matcher(sections, "mechanism");
        this.risk = matcher(sections, "risk");
        this.dose = matcher(sections, "dose");
        // One hedge list for intake and review (the contract's), plus any the file adds.
        Map<String, List<String>> withHedges = new HashMap<>(sections);
        List<String> hedges = new ArrayList<>(Hedges.PHRASES);
        hedges.addAll(sections.getOrDefault("hedge", List.of()));
        withHedges.put("hedge", hedges);
        this.hedge = matcher(withHedges, "hedge");
        this.instruction = matcher(sections, "instruction");
    }

    /** The lexicon shipped with intake. */
    public static ClaimLexicon standard() {
        try (InputStream in = ClaimLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClaimLexicon parse(String text) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("[") && entry.endsWith("]")) {
                    current = sections.computeIfAbsent(entry.substring(1, entry.length() - 1), k -> new ArrayList<>());
                } else if (current != null) {
                    current.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClaimLexicon(sections);
    }

    boolean hasAmount(String canonical) {
        return ReadingBudget.matcher(AMOUNT, canonical).find();
    }

    boolean hasStatistic(String canonical) {
        return ReadingBudget.matcher(STATISTIC, canonical).find();
    }

    boolean hasMeasure(String canonical) {
        return ReadingBudget.matcher(MEASURE, canonical).find();
    }

    private static Pattern matcher(Map<String, List<String>> sections, String name) {
        List<String> entries = sections.getOrDefault(name, List.of());
        if (entries.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        String alternatives = entries.stream()
                .sorted((a, b) -> b.length() - a.length())
                .map(ClaimLexicon::entryRegex)
                .collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    private static String entryRegex(String entry) {
        boolean prefix = entry.endsWith("*");
        String words = prefix ? entry.substring(0, entry.length() - 1) : entry;
        String quoted = Pattern.quote(words).replace(" ", "\\E\\s+\\Q");
        return prefix ? quoted + "[\\p{L}-]*" : quoted;
    }
}
