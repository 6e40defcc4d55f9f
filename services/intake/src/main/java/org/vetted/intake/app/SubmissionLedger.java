package org.vetted.intake.app;

import java.util.List;
import org.vetted.intake.domain.claims.Expert;

/**
 * What intake remembers of the submissions it made itself, beyond the article events:
 * <ul>
 * <li>Idempotency tokens: a form carries one token per rendering; the first submission to {@link #claim} a writer's
 * token makes the revision and {@link #settle}s the token on it, and any later submission with that token is told
 * which revision it already made. Claiming is atomic across instances, so two concurrent posts of one form make one
 * article. A claim whose submission died unsettled lapses after a while, so the token is not lost for good. A token
 * is bound to the request it first came with (a fingerprint of the draft): the same token with other text is
 * refused rather than told about a revision of text it did not send.</li>
 * <li>The warnings and quoted experts intake found in each revision it published (the events read back do not carry
 * them), which the writer's pages show until the next revision.</li>
 * </ul>
 */
public interface SubmissionLedger {

    /** What claiming a token found. */
    sealed interface TokenClaim {
        /** The token is now this submission's: go ahead, then settle or release it. */
        record Ours() implements TokenClaim {}

        /** Another submission with the token is still running. */
        record Pending() implements TokenClaim {}

        /**
         * The token already made this revision, for the request whose fingerprint is {@code requestHash} (null for
         * a token claimed before fingerprints were kept).
         */
        record Done(String articleId, int revision, String requestHash) implements TokenClaim {
            /** Whether the token made its revision for this request (tokens from before fingerprints: any). */
            public boolean madeFor(String request) {
                return requestHash == null || requestHash.equals(request);
            }
        }
    }

    /** Claims {@code token} for the request whose fingerprint is {@code requestHash}. */
    TokenClaim claim(String username, String token, String requestHash);

    /** The claimed token made (or, unconfirmed, may have made) this revision. */
    void settle(String username, String token, String articleId, int revision);

    /** The claimed token made nothing: a later submission with it starts afresh. */
    void release(String username, String token);

    void keepNotes(String articleId, int revision, RevisionNotes notes);

    /** Empty notes when intake kept none for the revision (published before notes were kept, or not yet). */
    RevisionNotes notes(String articleId, int revision);

    /** What intake found in a revision besides its claims. */
    record RevisionNotes(List<String> warnings, List<Expert> experts) {
        public static final RevisionNotes NONE = new RevisionNotes(List.of(), List.of());

        public RevisionNotes {
            warnings = List.copyOf(warnings);
            experts = List.copyOf(experts);
        }
    }
}
