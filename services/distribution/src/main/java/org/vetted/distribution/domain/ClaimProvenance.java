package org.vetted.distribution.domain;

import java.time.Instant;
import java.util.List;

/**
 * How one claim of the published revision was reviewed, exactly as review signed it in the approval: the sentence as
 * approved and each approval it rests on. An approval carried over from an earlier revision keeps that revision and
 * its own date, so a page credits the decision that was made, when it was made.
 *
 * @param section the heading path the claim stands under, or null
 */
public record ClaimProvenance(String claimId, String sentence, String section, List<ClaimApproval> approvals) {
    public ClaimProvenance {
        approvals = List.copyOf(approvals);
    }

    /**
     * One reviewer's approval of the claim.
     *
     * @param revision     the revision the decision was made on (earlier than the published one when carried over)
     * @param reference    the reference the reviewer attached (an http(s) URL, doi:… or PMID:…), or null
     * @param referenceUrl where review says the reference can be read, or null; not trusted as a link by itself
     *                     (see {@link #link()})
     * @param libraryKey   the claims library entry the decision was accepted from, or null
     */
    public record ClaimApproval(
            Reviewer reviewer,
            Instant decidedAt,
            int revision,
            String reference,
            String referenceUrl,
            String libraryKey) {

        /** The reference's link when it is an http(s) URL with a host and no user name: anything else is shown as text. */
        public java.util.Optional<String> link() {
            return SafeLink.of(referenceUrl);
        }
    }

    /** The latest of its approvals' dates: when the claim was last decided on. */
    public Instant lastDecidedAt() {
        return approvals.stream()
                .map(ClaimApproval::decidedAt)
                .max(Instant::compareTo)
                .orElse(null);
    }
}
