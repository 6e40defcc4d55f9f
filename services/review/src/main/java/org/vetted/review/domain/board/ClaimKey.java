package org.vetted.review.domain.board;

import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimText;

/**
 * What a decision on a claim follows from one revision to the next, and what the claims library matches: the whole
 * canonical sentence and the whole canonical section path ({@link ClaimText#canonical}), compared as text. Never a
 * short id or a short hash: two different sentences can share a 48-bit id, and someone who wants an approval moved to
 * a harmful sentence will search for one that does.
 */
public record ClaimKey(String text, String section) {

    public static ClaimKey of(Claim claim) {
        return new ClaimKey(
                ClaimText.canonical(claim.text()),
                claim.section() == null ? null : ClaimText.canonical(claim.section()));
    }
}
