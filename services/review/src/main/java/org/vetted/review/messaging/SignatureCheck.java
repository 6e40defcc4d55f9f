package org.vetted.review.messaging;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.signing.Signatures;
import org.vetted.review.app.Incoming;
import org.vetted.support.signing.Seals;

/**
 * The first step of reading a record: is it signed by the service owning its topic (a draft by intake; a decision,
 * return, approval or library entry by review, an approval's seal too)? Nothing of a record is read before this.
 * The check is the shared one ({@link Seals}), as every service's inbound step makes it; review's consumer keeps its
 * own steps around it, since a record is one of three things to it (a fact, a library entry, or skipped) and a
 * draft's hash is checked before it is mapped.
 */
final class SignatureCheck {
    private final Seals seals;

    /** @param signatures verifies with the trusted keys of the service owning each topic */
    SignatureCheck(Signatures signatures) {
        this.seals = new Seals(signatures);
    }

    /** Empty when the record is signed as it must be; else what to skip, naming the first signature that fails. */
    Optional<Incoming.Unsigned> unsigned(SpecificRecordBase event) {
        return seals.problem(event)
                .map(reason -> new Incoming.Unsigned(
                        event.getSchema().getName(),
                        String.valueOf(event.get("eventId")),
                        String.valueOf(event.get("articleId")),
                        reason));
    }
}
