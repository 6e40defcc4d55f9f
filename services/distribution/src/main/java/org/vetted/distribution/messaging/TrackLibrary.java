package org.vetted.distribution.messaging;

import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.RecordGuard;
import org.vetted.distribution.app.RetiredClaims;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.support.signing.Seals;

/**
 * {@code trackLibrary} (group {@code distribution}): review's claims library, each entry kept as review signed it, so
 * that an embargoed article relying on an entry retired before its time is not published. An entry whose signature is
 * not review's is dead-lettered and changes nothing.
 */
@Component("trackLibrary")
public class TrackLibrary implements Consumer<Message<ClaimLibraryEntry>> {
    private static final Logger log = LoggerFactory.getLogger(TrackLibrary.class);

    private final RetiredClaims retiredClaims;
    private final Seals seals;

    public TrackLibrary(RetiredClaims retiredClaims, Seals seals) {
        this.retiredClaims = retiredClaims;
        this.seals = seals;
    }

    @Override
    public void accept(Message<ClaimLibraryEntry> message) {
        RecordGuard.run(() -> {
            ClaimLibraryEntry entry = message.getPayload();
            Optional<String> problem = seals.problem(entry);
            if (problem.isPresent()) {
                throw new PoisonEventException("library entry " + entry.getKey() + " not kept: " + problem.get());
            }
            boolean retired = entry.getRetired() != null;
            retiredClaims.record(
                    entry.getKey(),
                    entry.getEventId(),
                    retired,
                    EventCatalog.standard().encode(entry));
            if (retired) {
                log.info(
                        "Library entry {} retired: embargoed articles relying on it will not be published",
                        entry.getKey());
            }
        });
    }

    /** The check {@code JdbcRetiredClaims} reads rows back with: review's signed entry of that key, as the row says. */
    public static boolean holds(Seals seals, String key, boolean retired, byte[] stored) {
        try {
            return EventCatalog.standard().decode(stored) instanceof ClaimLibraryEntry entry
                    && seals.problem(entry).isEmpty()
                    && key.equals(entry.getKey())
                    && retired == (entry.getRetired() != null);
        } catch (RuntimeException undecodable) {
            return false;
        }
    }
}
