package org.vetted.contract.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which claims need approval by two distinct credentialed medical reviewers before sign-off: those of a risk class in
 * force. A wrong dose, a missed interaction or advice to stop a medicine harms readers more than most errors, so a
 * second pair of eyes is worth the wait. The classes are named; {@link #DEFAULT_CLASSES} defines five with their
 * trigger words, and the configuration ({@code vetted.review.four-eyes}) picks the classes in force and may add
 * trigger words to a class or define a new one. Part of the contract because two services read it: review enforces
 * it, and intake tells writers beforehand which of their claims it will ask two reviewers for (with the same
 * setting, so the forecast is the rule).
 */
public final class FourEyesRule {
    public static final String DOSE = "DOSE";
    public static final String DRUG_INTERACTION = "DRUG_INTERACTION";
    public static final String PREGNANCY = "PREGNANCY";
    public static final String CHILDREN = "CHILDREN";
    public static final String STOPPING_MEDICATION = "STOPPING_MEDICATION";

    /** The classes the rule knows, with their default triggers: all five are in force by default. */
    public static final List<RiskClass> DEFAULT_CLASSES = List.of(
            RiskClass.of(
                    DOSE,
                    List.of(
                            "dose*",
                            "dosage*",
                            "dosing",
                            "overdos*",
                            "milligram*",
                            "microgram*",
                            "international unit*",
                            "mg",
                            "mcg",
                            "iu"),
                    true),
            RiskClass.of(
                    DRUG_INTERACTION,
                    List.of(
                            "interact*",
                            "contraindicat*",
                            "combined with",
                            "in combination with",
                            "taken together",
                            "taken alongside",
                            "with your medic*",
                            "alongside your medic*",
                            "other medicines",
                            "other medications",
                            "other medication",
                            "other drugs",
                            "prescription drug*",
                            "prescription medic*",
                            "blood thinner*",
                            "anticoagulant*",
                            "warfarin",
                            "mao inhibitor*",
                            "maois",
                            "with alcohol",
                            "mixing",
                            "mix* with"),
                    false),
            RiskClass.of(
                    PREGNANCY,
                    List.of(
                            "pregnan*",
                            "trimester*",
                            "prenatal",
                            "antenatal",
                            "perinatal",
                            "postpartum",
                            "unborn",
                            "fetus*",
                            "foetus*",
                            "fetal",
                            "foetal",
                            "birth defect*",
                            "miscarriag*",
                            "breastfe*",
                            "breast-fe*",
                            "breast feed*",
                            "breast feeding",
                            "lactat*",
                            "nursing mother*",
                            "expectant mother*",
                            "expecting mother*",
                            "trying to conceive",
                            "conception",
                            "morning sickness"),
                    false),
            RiskClass.of(
                    CHILDREN,
                    List.of(
                            "child*",
                            "kid",
                            "kids",
                            "infant*",
                            "baby",
                            "babies",
                            "toddler*",
                            "newborn*",
                            "neonat*",
                            "paediatric*",
                            "pediatric*",
                            "adolescen*",
                            "teen",
                            "teens",
                            "teenage*",
                            "youngster*",
                            "preschool*",
                            "school-age*",
                            "minors",
                            "boys",
                            "girls",
                            "young people"),
                    false),
            RiskClass.of(
                    STOPPING_MEDICATION,
                    List.of(
                            "stop* taking",
                            "stop* using",
                            "stop* your",
                            "quit* taking",
                            "discontinu*",
                            "come off",
                            "coming off",
                            "came off",
                            "go off",
                            "going off",
                            "taper*",
                            "wean*",
                            "cold turkey",
                            "withdraw*",
                            "skip* a dose",
                            "skip* doses",
                            "skip* your",
                            "miss* a dose",
                            "instead of your medic*",
                            "instead of their medic*",
                            "instead of medic*",
                            "instead of prescri*",
                            "replace* your medic*",
                            "ditch* your",
                            "no longer need*"),
                    false));

    /** Claims classified so far: claim states are derived on every read, the queue's included. */
    static final int MAX_REMEMBERED = 50_000;

    private final List<RiskClass> classes;
    private final Map<ClaimAt, List<String>> remembered = new ConcurrentHashMap<>();

    /** A claim as the rule reads it: its sentence and its section heading. */
    private record ClaimAt(String sentence, String section) {}

    private FourEyesRule(List<RiskClass> classes) {
        this.classes = List.copyOf(classes);
    }

    /** All five default classes in force, with their default triggers. */
    public static FourEyesRule defaults() {
        return new FourEyesRule(DEFAULT_CLASSES);
    }

    /** No class in force: every claim needs one reviewer. */
    public static FourEyesRule none() {
        return new FourEyesRule(List.of());
    }

    /**
     * @param inForce       names of the classes in force, in the order they are reported; a name is compared
     *                      without case or punctuation ("drug-interaction" is DRUG_INTERACTION)
     * @param extraTriggers per class name, trigger words added to the class's defaults; a name that is no default
     *                      class defines a new class by these alone
     * @throws IllegalArgumentException for a class in force that has no triggers (a misspelled name), a trigger
     *                                  that is not a word or phrase, or triggers for a class not in force
     */
    public static FourEyesRule of(List<String> inForce, Map<String, List<String>> extraTriggers) {
        Map<String, List<String>> extra = new LinkedHashMap<>();
        extraTriggers.forEach((name, words) -> extra.merge(RiskClass.key(name), List.copyOf(words), (a, b) -> {
            List<String> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }));
        Map<String, RiskClass> chosen = new LinkedHashMap<>();
        for (String name : inForce) {
            String key = RiskClass.key(name);
            if (chosen.containsKey(key)) {
                continue;
            }
            RiskClass known = DEFAULT_CLASSES.stream()
                    .filter(risk -> RiskClass.key(risk.name()).equals(key))
                    .findFirst()
                    .orElse(null);
            List<String> more = extra.getOrDefault(key, List.of());
            if (known == null && more.isEmpty()) {
                throw new IllegalArgumentException("four-eyes class " + name + " is none of " + DEFAULT_CLASSES
                        + " and has no triggers of its own (vetted.review.four-eyes.triggers." + name + ")");
            }
            chosen.put(
                    key,
                    known == null ? RiskClass.of(name, more, false) : more.isEmpty() ? known : known.withMore(more));
        }
        for (String key : extra.keySet()) {
            if (!chosen.containsKey(key)) {
                throw new IllegalArgumentException("four-eyes triggers are given for " + key + ", which is not in "
                        + "vetted.review.four-eyes.classes " + inForce);
            }
        }
        return new FourEyesRule(new ArrayList<>(chosen.values()));
    }

    public List<RiskClass> classes() {
        return classes;
    }

    /**
     * The names of the classes in force that a claim is about, in the order of the rule.
     *
     * @param section the claim's section heading, or null
     */
    public List<String> classesOf(String sentence, String section) {
        ClaimAt claim = new ClaimAt(sentence, section);
        List<String> known = remembered.get(claim);
        if (known != null) {
            return known;
        }
        List<String> found = classes.stream()
                .filter(risk -> risk.matches(sentence, section))
                .map(RiskClass::name)
                .toList();
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(claim, found);
        return found;
    }

    /** Two when the claim is of a class in force, else one. */
    public int approvalsNeeded(String sentence, String section) {
        return classesOf(sentence, section).isEmpty() ? 1 : 2;
    }

    @Override
    public String toString() {
        return "FourEyesRule" + classes;
    }
}
