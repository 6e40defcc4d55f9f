package org.vetted.intake.domain.claims;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.vetted.intake.domain.drafts.ReadingBudget;

/**
 * The signals claim detection reads in a sentence, one named rule each: what to change when a kind of sentence is
 * missed or wrongly taken for a claim. {@link ClaimRule} turns them into the decision for each part of the page; the
 * claim's kind reads {@link #DOSE}, {@link #RISK} and {@link #MECHANISM}. The word lists are in
 * {@code claim-lexicon.txt}, the hedges in the contract's {@code Hedges}.
 */
enum ClaimSignal {
    ABSOLUTE(
            "absolute therapeutic language: a cure, a guarantee, prevention, no side effects, a dose to take",
            SentenceFacts::absolute),
    AMOUNT("an amount: 200 mg, 1,000 IU, two tablets", facts -> facts.lexicon().hasAmount(facts.content())),
    STATISTIC(
            "a statistic: 30 percent, one in five, twice as likely",
            facts -> facts.lexicon().hasStatistic(facts.content())),
    MEASURE(
            "a measure: blood pressure of 120, a BMI of 30",
            facts -> facts.lexicon().hasMeasure(facts.content())),
    /** Naming a doctor or pharmacist is how to get advice ("Talk to your doctor"), not advice a reviewer checks. */
    CARE("names someone who gives care", facts -> found(ClaimExtractor.CARE, facts.content())),
    ADVICE(
            "an instruction in prose that is not advice to see someone (\"Never give ...\", \"Start with ...\")",
            facts -> facts.unit() == ClaimExtractor.Unit.PROSE && !facts.has(ClaimSignal.CARE) && facts.advice()),
    CARRIED(
            "about health because a claim beside it in its paragraph or list is, or because it is advice",
            facts -> facts.inClaimParagraph() && !facts.has(ClaimSignal.CARE) || facts.has(ClaimSignal.ADVICE)),
    HEALTH_WORD(
            "names the body, a condition, something taken or done for health, or the article's topic",
            facts -> found(facts.lexicon().health, facts.about()) || facts.mentionsTopic()),
    EVIDENCE("names evidence: a study, a trial, research", facts -> found(facts.lexicon().evidence, facts.about())),
    DOSE(
            "a dose: an amount, or a dose phrase (\"twice a day\", \"daily\") whatever is taken",
            facts -> facts.has(ClaimSignal.AMOUNT) || found(facts.lexicon().dose, facts.content())),
    RISK("a risk: side effects, harm, interactions", facts -> found(facts.lexicon().risk, facts.content())),
    MECHANISM(
            "a mechanism: how something works in the body", facts -> found(facts.lexicon().mechanism, facts.content())),
    EFFECT("an effect: lowers, eases, improves, prevents", facts -> found(facts.lexicon().effect, facts.content())),
    ASSERTION(
            "asserts something checkable: safe, recommended, common, contains",
            facts -> found(facts.lexicon().assertion, facts.content())),
    TOPICAL(
            "about health at all: carried, a health word, evidence, an amount, a statistic or a dose",
            facts -> facts.has(ClaimSignal.CARRIED)
                    || facts.has(ClaimSignal.HEALTH_WORD)
                    || facts.has(ClaimSignal.EVIDENCE)
                    || facts.has(ClaimSignal.AMOUNT)
                    || facts.has(ClaimSignal.STATISTIC)
                    || facts.has(ClaimSignal.DOSE)),
    CHECKABLE(
            "says something a reviewer can check: an effect, mechanism, risk, dose, statistic, evidence, measure or "
                    + "assertion",
            facts -> facts.has(ClaimSignal.EFFECT)
                    || facts.has(ClaimSignal.MECHANISM)
                    || facts.has(ClaimSignal.RISK)
                    || facts.has(ClaimSignal.DOSE)
                    || facts.has(ClaimSignal.STATISTIC)
                    || facts.has(ClaimSignal.EVIDENCE)
                    || facts.has(ClaimSignal.MEASURE)
                    || facts.has(ClaimSignal.ASSERTION)),
    STATEMENT("the tagger reads a statement: a finite verb", SentenceFacts::statement),
    INSTRUCTION("an instruction: an imperative, or \"never\", \"always\", \"don't\" first", SentenceFacts::instruction),
    INFLECTED_VERB(
            "an effect or mechanism verb in a finite form (\"lowers\", \"cured\"), which the tagger may miss",
            SentenceFacts::inflectedVerb),
    HEALTH_SUBJECT(
            "a clause whose subject is about health (\"Symptoms Follow the Dose\")", SentenceFacts::healthSubject),
    LONG_ADVICE(
            "advice of four words or more: a pasted list item, not a section's name",
            facts -> facts.words() >= ClaimExtractor.MIN_ADVICE_HEADING_WORDS && facts.advice()),
    ENDS_A_SENTENCE(
            "ends in a full stop, not a label or a caption", facts -> ClaimExtractor.endsASentence(facts.canonical())),
    LONG_ENOUGH(
            "long enough to be a statement the tagger misread",
            facts -> facts.words() >= ClaimExtractor.MIN_UNTAGGED_STATEMENT_WORDS),
    AUXILIARY(
            "a form of be, have or do, or a modal: a statement, whatever the tagger made of its other verbs",
            facts -> found(ClaimExtractor.AUXILIARY, facts.canonical()));

    private final String means;
    private final Predicate<SentenceFacts> rule;

    ClaimSignal(String means, Predicate<SentenceFacts> rule) {
        this.means = means;
        this.rule = rule;
    }

    /** What the signal means, in words. */
    String means() {
        return means;
    }

    /** Works the signal out; {@link SentenceFacts#has} is the cached way to ask. */
    boolean in(SentenceFacts facts) {
        return rule.test(facts);
    }

    private static boolean found(Pattern pattern, String text) {
        return ReadingBudget.matcher(pattern, text).find();
    }
}
