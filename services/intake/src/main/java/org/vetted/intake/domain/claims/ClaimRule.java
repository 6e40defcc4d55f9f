package org.vetted.intake.domain.claims;

import static org.vetted.intake.domain.claims.ClaimSignal.ABSOLUTE;
import static org.vetted.intake.domain.claims.ClaimSignal.AMOUNT;
import static org.vetted.intake.domain.claims.ClaimSignal.AUXILIARY;
import static org.vetted.intake.domain.claims.ClaimSignal.CHECKABLE;
import static org.vetted.intake.domain.claims.ClaimSignal.EFFECT;
import static org.vetted.intake.domain.claims.ClaimSignal.ENDS_A_SENTENCE;
import static org.vetted.intake.domain.claims.ClaimSignal.HEALTH_SUBJECT;
import static org.vetted.intake.domain.claims.ClaimSignal.HEALTH_WORD;
import static org.vetted.intake.domain.claims.ClaimSignal.INFLECTED_VERB;
import static org.vetted.intake.domain.claims.ClaimSignal.INSTRUCTION;
import static org.vetted.intake.domain.claims.ClaimSignal.LONG_ADVICE;
import static org.vetted.intake.domain.claims.ClaimSignal.LONG_ENOUGH;
import static org.vetted.intake.domain.claims.ClaimSignal.MECHANISM;
import static org.vetted.intake.domain.claims.ClaimSignal.RISK;
import static org.vetted.intake.domain.claims.ClaimSignal.STATEMENT;
import static org.vetted.intake.domain.claims.ClaimSignal.TOPICAL;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * When a sentence is a claim, one rule per part of the page, each reading {@link ClaimSignal}s. Absolute language is
 * always a claim; otherwise the sentence must be {@link ClaimSignal#TOPICAL} and pass its part's rule.
 * <p>
 * Each rule asks the signals that need the part-of-speech tagger ({@link ClaimSignal#STATEMENT}, {@link
 * ClaimSignal#INSTRUCTION}, {@link ClaimSignal#HEALTH_SUBJECT}) last, so most sentences are decided without it. The
 * order changes no decision: a signal is a function of the sentence and its place alone, worked out at most once
 * ({@link SentenceFacts#has}) with no effect on any other, so {@code a || b} and {@code b || a} (and so for
 * {@code &&}) have the same value for every sentence; only what is worked out differs.
 * {@code ClaimExtractionGoldenTest} holds the claims of a large corpus to what they were.
 */
enum ClaimRule {
    /**
     * A heading names a topic ("Getting the Dose Right") unless it asserts an effect, mechanism or risk, or an amount
     * ("Take 200 mg Daily"), is a clause about health ("Symptoms Follow the Dose"), or is long advice (a pasted item).
     */
    HEADING(
            ClaimExtractor.Unit.HEADING,
            facts -> facts.has(AMOUNT)
                    || (facts.has(EFFECT) || facts.has(MECHANISM) || facts.has(RISK)) && facts.has(STATEMENT)
                    || facts.has(LONG_ADVICE)
                    || facts.has(HEALTH_SUBJECT)),
    /** A list item or a table row about health is a claim: lists and tables state facts and advice. */
    ITEM(ClaimExtractor.Unit.ITEM, facts -> true),
    ROW(ClaimExtractor.Unit.ROW, facts -> true),
    /**
     * Prose: an instruction; a declarative sentence naming something about health, whatever its verb (definitions and
     * mechanisms have none: "The knee is built for running"); or a sentence that says something checkable.
     */
    PROSE(
            ClaimExtractor.Unit.PROSE,
            facts -> facts.has(HEALTH_WORD)
                            && facts.has(ENDS_A_SENTENCE)
                            && (facts.has(LONG_ENOUGH) || facts.has(STATEMENT))
                    || facts.has(CHECKABLE)
                            && (facts.has(ENDS_A_SENTENCE) || facts.has(INFLECTED_VERB) || facts.has(STATEMENT))
                    || facts.has(INSTRUCTION)),
    /**
     * An alt text or a link's text: an instruction, a health word with a form of "be", "have" or a modal ("Yoghurt is
     * easier on the gut than milk", not "Golden milk made with turmeric"), or a statement that says something
     * checkable.
     */
    FRAGMENT(
            ClaimExtractor.Unit.FRAGMENT,
            facts -> facts.has(HEALTH_WORD) && facts.has(AUXILIARY)
                    || facts.has(CHECKABLE) && (facts.has(INFLECTED_VERB) || facts.has(STATEMENT))
                    || facts.has(INSTRUCTION));

    private final ClaimExtractor.Unit unit;
    private final Predicate<SentenceFacts> rule;

    ClaimRule(ClaimExtractor.Unit unit, Predicate<SentenceFacts> rule) {
        this.unit = unit;
        this.rule = rule;
    }

    /** The rules in force, one per part of the page. */
    static List<ClaimRule> defaults() {
        return List.of(values());
    }

    /** Whether the sentence is a claim: absolute, or about health and passing its part's rule. */
    static boolean isClaim(SentenceFacts facts) {
        if (facts.has(ABSOLUTE)) {
            return true;
        }
        return facts.has(TOPICAL) && BY_UNIT.get(facts.unit()).rule.test(facts);
    }

    /** The rule of each part of the page, looked up once per sentence on the hot path. */
    private static final Map<ClaimExtractor.Unit, ClaimRule> BY_UNIT = byUnit();

    private static Map<ClaimExtractor.Unit, ClaimRule> byUnit() {
        Map<ClaimExtractor.Unit, ClaimRule> rules = new EnumMap<>(ClaimExtractor.Unit.class);
        defaults().forEach(rule -> rules.put(rule.unit, rule));
        return rules;
    }
}
