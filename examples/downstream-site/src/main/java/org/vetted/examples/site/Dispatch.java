package org.vetted.examples.site;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetted.contract.EventCatalog;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleReviewDue;
import org.vetted.events.ArticleReviewExpired;
import org.vetted.events.ArticleUnpublished;

/**
 * One record of the public topic, start to end: its signature checked first (a record that is not distribution's,
 * byte for byte, is refused and logged, whatever it claims to be), then its type, then what it does to the site.
 * A type this site does not handle is skipped cleanly, told by the {@value #EVENT_TYPE_HEADER} header or, without one,
 * by a writer schema fingerprint the contract it was built with does not know (a newer release's record).
 * <p>
 * The type header is not signed, so it only ever lets a record be skipped: what a record does is decided by the
 * signed, decoded record.
 */
public final class Dispatch {
    public static final String EVENT_TYPE_HEADER = "vetted-event-type";

    /** What became of a record. */
    public enum Outcome {
        /** Not distribution's: no header, a wrong one, or a value changed after signing. Logged at WARN. */
        REFUSED,
        /** Distribution's, but of a type this site does not handle (yet). Logged at INFO. */
        SKIPPED,
        /** Applied to the site ({@link StaticSite.Outcome} says how). */
        APPLIED
    }

    private static final Logger log = LoggerFactory.getLogger(Dispatch.class);
    private static final Set<Long> KNOWN_FINGERPRINTS = knownFingerprints();

    private final RecordVerifier verifier;
    private final StaticSite site;

    public Dispatch(RecordVerifier verifier, StaticSite site) {
        this.verifier = verifier;
        this.site = site;
    }

    /** @param where names the record in log lines, e.g. {@code article.published-2@17} */
    public Outcome handle(String where, Headers headers, byte[] value) {
        Optional<String> problem = verifier.problem(headers, value);
        if (problem.isPresent()) {
            log.warn("Refusing record {}: {}", where, problem.get());
            return Outcome.REFUSED;
        }
        Optional<String> type = eventType(headers);
        if (type.isPresent() && !handled(type.get())) {
            log.info("Skipping record {}: this site does not handle {} records", where, type.get());
            return Outcome.SKIPPED;
        }
        if (value.length < 10 || value[0] != (byte) 0xC3 || value[1] != (byte) 0x01) {
            log.warn("Refusing record {}: not Avro single-object encoding (no C3 01 header)", where);
            return Outcome.REFUSED;
        }
        if (!KNOWN_FINGERPRINTS.contains(fingerprint(value))) {
            log.info(
                    "Skipping record {}: written with a schema this site's contract does not know (a newer release)",
                    where);
            return Outcome.SKIPPED;
        }
        SpecificRecordBase event;
        try {
            event = EventCatalog.standard().decode(value);
        } catch (IllegalArgumentException e) {
            // Signed by distribution yet undecodable: a fault upstream, not something to show.
            log.warn("Refusing record {}: {}", where, e.getMessage());
            return Outcome.REFUSED;
        }
        if (type.isPresent() && !type.get().equals(event.getSchema().getName())) {
            log.warn(
                    "Refusing record {}: its {} header says {} but it is {}",
                    where,
                    EVENT_TYPE_HEADER,
                    type.get(),
                    event.getSchema().getName());
            return Outcome.REFUSED;
        }
        StaticSite.Outcome outcome;
        if (event instanceof ArticlePublished published) {
            outcome = site.publish(published, value);
        } else if (event instanceof ArticleCorrected corrected) {
            // A new revision with the note readers must see: the page is rewritten and lists the correction.
            outcome = site.correct(corrected, value);
        } else if (event instanceof ArticleRetracted retracted) {
            // The page stays, marked retracted with the reason.
            outcome = site.retract(retracted.getArticleId(), retracted.getReason());
        } else if (event instanceof ArticleUnpublished unpublished) {
            // Taken down: the page goes.
            outcome = site.remove(unpublished.getArticleId());
        } else if (event instanceof ArticleReviewDue due) {
            // Its review is due: the page stays; say by when.
            outcome = site.reviewNotice(
                    due.getArticleId(),
                    new StaticSite.ReviewNotice(false, due.getLastReviewedAt(), due.getReviewBy(), due.getReason()));
        } else if (event instanceof ArticleReviewExpired expired) {
            // Its review expired: keep the page and its last review date, and say the review is overdue.
            outcome = site.reviewNotice(
                    expired.getArticleId(),
                    new StaticSite.ReviewNotice(
                            true, expired.getLastReviewedAt(), expired.getReviewBy(), expired.getReason()));
        } else {
            log.info(
                    "Skipping record {}: this site does not handle {} records",
                    where,
                    event.getSchema().getName());
            return Outcome.SKIPPED;
        }
        log.info("Record {}: {} {}", where, event.getSchema().getName(), outcome);
        return Outcome.APPLIED;
    }

    /** The record types the dispatch above applies. */
    private static boolean handled(String type) {
        return type.equals("ArticlePublished")
                || type.equals("ArticleCorrected")
                || type.equals("ArticleRetracted")
                || type.equals("ArticleUnpublished")
                || type.equals("ArticleReviewDue")
                || type.equals("ArticleReviewExpired");
    }

    /** The simple record name the header gives (a full name such as org.vetted.events.X is read as X). */
    private static Optional<String> eventType(Headers headers) {
        Header header = headers.lastHeader(EVENT_TYPE_HEADER);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        String type = new String(header.value(), StandardCharsets.UTF_8).strip();
        return Optional.of(type.substring(type.lastIndexOf('.') + 1));
    }

    /** The writer schema's CRC-64-AVRO fingerprint: the 8 bytes after C3 01, little-endian. */
    private static long fingerprint(byte[] value) {
        return ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** Every writer schema the contract can decode: the current ones and every released one. */
    private static Set<Long> knownFingerprints() {
        Set<Long> known = new HashSet<>();
        for (Class<? extends SpecificRecordBase> type : EventCatalog.EVENTS) {
            Schema current = SpecificData.get().getSchema(type);
            known.add(SchemaNormalization.parsingFingerprint64(current));
            EventCatalog.standard().releasedSchemas(current.getFullName()).stream()
                    .map(SchemaNormalization::parsingFingerprint64)
                    .forEach(known::add);
        }
        return known;
    }
}
