package org.vetted.intake.domain.claims;

import org.vetted.intake.domain.drafts.Text;

/**
 * One sentence in its place on the page, as the {@link ClaimSignal}s read it: its forms, its context, and the answers
 * only the extractor's tools can give (the part-of-speech tagger, the article's topic). Each signal is worked out at
 * most once per sentence ({@link #has}), and only when a rule asks for it: the tagger is the costly part.
 */
interface SentenceFacts {
    /** The canonical sentence, accents set aside ({@link Text#forDetection}). */
    String canonical();

    /** The canonical sentence without its attribution ("…, says Dr. Okafor"). */
    String content();

    /** What the sentence is about: its content (with its table's header for a row), people who give care left out. */
    String about();

    ClaimExtractor.Unit unit();

    /** Another sentence of its paragraph or list is a claim, so it shares that claim's topic. */
    boolean inClaimParagraph();

    ClaimLexicon lexicon();

    /** Whether the signal is in the sentence; worked out once. */
    boolean has(ClaimSignal signal);

    boolean absolute();

    boolean statement();

    boolean advice();

    boolean instruction();

    boolean inflectedVerb();

    boolean healthSubject();

    boolean mentionsTopic();

    int words();
}
