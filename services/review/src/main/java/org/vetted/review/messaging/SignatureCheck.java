package org.vetted.review.messaging;

import java.util.Optional;

import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.signing.Signatures;
import org.vetted.review.app.Incoming;

/**
 * The first step of reading a record: is it signed by the service owning its topic (a draft by intake; a decision,
 * return, approval or library entry by review, an approval's seal too)? Nothing of a record is read before this.
 */
final class SignatureCheck {
    private final Signatures signatures;

    /** @param signatures verifies with the trusted keys of the service owning each topic */
    SignatureCheck(Signatures signatures) {
        this.signatures = signatures;
    }

    /** Empty when the record is signed as it must be; else what to skip, naming the first signature that fails. */
    Optional<Incoming.Unsigned> unsigned(SpecificRecordBase event) {
        return signatures.problem(event).map(reason -> new Incoming.Unsigned(event.getSchema().getName(),
                String.valueOf(event.get("eventId")), String.valueOf(event.get("articleId")), reason));
    }
}
