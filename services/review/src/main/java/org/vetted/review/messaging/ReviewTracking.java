package org.vetted.review.messaging;

import io.micrometer.observation.ObservationRegistry;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.RecordGuard;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.review.app.Incoming;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.domain.board.ReviewBoard;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.StoreUnavailableException;
import org.vetted.support.stream.BatchRecords;

/**
 * The consumer that builds the review board from drafts and from this service's own decisions. The board is kept in
 * PostgreSQL with its position in each partition ({@link SharedProjection}), so a restart reads only what is new and
 * every instance answers from the same board.
 */
@Configuration(proxyBeanMethods = false)
public class ReviewTracking {
    static final String BINDING = "trackReview-in-0";

    /** How many skipped approval event ids are remembered so each is warned about once; the oldest are forgotten. */
    static final int MAX_REMEMBERED_SKIPS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ReviewTracking.class);

    /**
     * Bound to article.draft-submitted, article.claim-reviewed, article.approved, article.review-returned,
     * article.withdrawn and claims.library (the claims library, latest record per key; its signature checked like the
     * others).
     * <ul>
     * <li>A draft with the known revision number but other text is dead-lettered, and the text first seen under
     * that number stays under review unchanged: intake numbers revisions, so two texts under one number mean a
     * broken or forged writer, and the board will not silently swap the text a reviewer may be reading.</li>
     * <li>An event without a valid signature of its topic's owner (a draft not signed by intake; a decision, return
     * or approval not signed by review: forged, altered, or from before signatures) is skipped with one WARN per
     * event id, not dead-lettered, its position stored all the same: a rebuilt board reads the topics again, and
     * would dead-letter the same record again each time. Rendering and distribution dead-letter unsigned approvals
     * themselves.</li>
     * </ul>
     */
    @Bean
    public Consumer<Message<Object>> trackReview(
            ReviewWorkflow workflow, EventMapper mapper, SharedProjection projection) {
        return tracking(workflow, mapper, projection);
    }

    /**
     * The board's consumer; {@link SharedProjection#applyBatch} runs each record's work in the trace its
     * {@code traceparent} carries, so review's log lines name the draft's trace.
     */
    static Consumer<Message<Object>> tracking(
            ReviewWorkflow workflow, EventMapper mapper, SharedProjection projection) {
        Set<String> warnedAbout =
                Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                        return size() > MAX_REMEMBERED_SKIPS;
                    }
                }));
        EventCatalog catalog = EventCatalog.standard();
        Consumer<Message<Object>> trackOne = message -> RecordGuard.run(() -> {
            Incoming incoming = mapper.toDomain(message.getPayload());
            if (incoming instanceof Incoming.Unsigned unsigned) {
                if (warnedAbout.add(unsigned.eventId())) {
                    log.warn(
                            "skipped {} {} of article {}: {}; it counts for nothing",
                            unsigned.type(),
                            unsigned.eventId(),
                            unsigned.articleId(),
                            unsigned.reason());
                }
                return;
            }
            if (incoming instanceof Incoming.Library library) {
                boolean latest = workflow.recordLibrary(library.entry());
                log.debug(
                        "library entry {} ({}): {}",
                        library.entry().key(),
                        library.entry().eventId(),
                        latest ? "recorded" : "older than the one known");
                return;
            }
            ReviewEvent event = ((Incoming.Fact) incoming).event();
            // The store keeps the record as read, signature and all, so it can verify it again when it reads it back.
            ReviewBoard.Applied applied =
                    workflow.record(event, catalog.encode((SpecificRecordBase) message.getPayload()));
            if (applied == ReviewBoard.Applied.CONFLICTING) {
                throw new PoisonEventException("draft " + event.articleId() + " revision " + event.revision()
                        + " (event " + event.eventId() + ") has other text than the revision " + event.revision()
                        + " already under review; a revision number names exactly one text");
            }
            if (event instanceof ReviewEvent.DraftArrived && applied == ReviewBoard.Applied.APPLIED) {
                log.info("Article {} revision {} is open for review", event.articleId(), event.revision());
            }
            log.debug(
                    "{} {} for article {} revision {}: {}",
                    event.getClass().getSimpleName(),
                    event.eventId(),
                    event.articleId(),
                    event.revision(),
                    applied);
        });
        // One poll is one database transaction (SharedProjection.applyBatch). Its library entries' keys are locked
        // first, then its articles' rows in article id order, as every writer takes them (a sign-off too: its
        // entries' keys, then its article's row). A decision from HTTP locks its one
        // article's row (under its advisory lock, held on another connection, which the batch never waits for), so
        // the batch and decisions wait on each other only through row locks, never in a cycle PostgreSQL cannot
        // see. A record that fails is named to the container by its index: the records before it stay applied, it
        // alone is dead-lettered (a poison record, its cause in the dead letter) or retried, and the records after it
        // are redelivered (kafka-support's RecordByRecordAfterRollback). A store failure names the poll's first
        // record: retried until the database is back, never dead-lettered.
        return batch -> {
            List<Message<Object>> messages = BatchRecords.split(batch);
            try {
                projection.applyBatch(
                        messages,
                        records -> workflow.lockForBatch(libraryKeys(records), articleIds(records)),
                        trackOne);
            } catch (SharedProjection.BatchRecordFailed failed) {
                throw new BatchListenerFailedException(failed.getMessage(), failed, failed.index());
            } catch (StoreUnavailableException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, 0);
            }
        };
    }

    /**
     * The article ids the records name, as read, not verified: only to lock their rows (a forged id locks a row at
     * worst; nothing is written for it). Library entries are keyed by library key, not by article.
     */
    static Set<String> articleIds(List<Message<Object>> records) {
        Set<String> ids = new TreeSet<>();
        for (Message<Object> record : records) {
            if (record.getPayload() instanceof SpecificRecordBase event
                    && event.getSchema().getField("articleId") != null
                    && event.get("articleId") != null) {
                ids.add(event.get("articleId").toString());
            }
        }
        return ids;
    }

    /** The library keys of the poll's library entries, as read, not verified: only to lock them. */
    static Set<String> libraryKeys(List<Message<Object>> records) {
        Set<String> keys = new TreeSet<>();
        for (Message<Object> record : records) {
            if (record.getPayload() instanceof ClaimLibraryEntry entry && entry.getKey() != null) {
                keys.add(entry.getKey().toString());
            }
        }
        return keys;
    }

    /** The board's position in its topics, kept with it; the one rebalance listener of the service. */
    @Bean
    public SharedProjection reviewProjection(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ObservationRegistry observations,
            @Value("${spring.cloud.stream.bindings." + BINDING + ".destination}") String destinations) {
        return new SharedProjection(
                "review",
                Arrays.stream(destinations.split(","))
                        .map(String::strip)
                        .filter(topic -> !topic.isEmpty())
                        .toList(),
                jdbc,
                transactions,
                observations);
    }
}
