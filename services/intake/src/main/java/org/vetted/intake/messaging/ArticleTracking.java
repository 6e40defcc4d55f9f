package org.vetted.intake.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
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
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticleApproved;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.app.SubmissionLedger;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.StoreUnavailableException;
import org.vetted.support.signing.Seals;
import org.vetted.support.stream.BatchRecords;
import org.vetted.support.stream.Inbound;
import org.vetted.support.stream.Refusal;

/**
 * The status projection: every event of the six article topics, applied to the registry in PostgreSQL together with
 * the projection's position in each partition ({@link SharedProjection}), so a restart reads only what is new and
 * every instance of intake sees the same articles. Until the view has caught up with the topics as they stood when
 * this instance joined, the projection is out of service and /api/** answers 503: a registry behind the log would
 * hand out an existing revision number or slug.
 */
@Configuration(proxyBeanMethods = false)
public class ArticleTracking {
    private static final Logger log = LoggerFactory.getLogger(ArticleTracking.class);

    static final String BINDING = "trackArticle-in-0";
    /** How many skipped event ids are remembered so each is warned about once; the oldest are forgotten. */
    static final int MAX_REMEMBERED_SKIPS = 10_000;

    /** The registry's position in the article topics, kept with it; the one rebalance listener of the service. */
    @Bean
    public SharedProjection articleProjection(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ObservationRegistry observations,
            @Value("${spring.cloud.stream.bindings." + BINDING + ".destination}") String destinations) {
        return new SharedProjection(
                "articles",
                Arrays.stream(destinations.split(","))
                        .map(String::strip)
                        .filter(topic -> !topic.isEmpty())
                        .toList(),
                jdbc,
                transactions,
                observations);
    }

    /**
     * Every record must carry the signature of the service owning its topic: the registry decides who may submit a
     * revision (its authors) and which slugs are taken, so a forged draft must not reach it. The check is the shared
     * inbound step ({@link Inbound}). An unsigned record is skipped with one WARN per event id, its position stored
     * all the same (a rebuilt projection reads the topics again, and would dead-letter the same record again each
     * time).
     */
    @Bean
    public Consumer<Message<Object>> trackArticle(
            ArticleRegistry registry,
            Signatures signatures,
            SharedProjection projection,
            SubmissionLedger ledger,
            MeterRegistry meters) {
        Timer toApproval = Timer.builder("vetted.review.time.to.approval")
                .description("from a revision's submission to its medical approval")
                .register(meters);
        Inbound<SpecificRecordBase, ArticleEvent> inbound = new Inbound<>(
                new Seals(signatures),
                EventMapper::toArticleEvent,
                new Refusal<SpecificRecordBase>(
                                log,
                                "skipped",
                                null,
                                record -> record.getSchema().getName() + " " + record.get("eventId") + " of article "
                                        + record.get("articleId"))
                        .oncePer(record -> String.valueOf(record.get("eventId")), MAX_REMEMBERED_SKIPS));
        EventCatalog catalog = EventCatalog.standard();
        // Each record alone, in parallel across the poll (SharedProjection.applyBatch): its signature checked and
        // mapped, and encoded as the registry keeps it; null for a record that changes nothing here.
        Function<Message<SpecificRecordBase>, Tracked> prepare = message -> RecordGuard.process(() -> {
            if (!((Object) message.getPayload() instanceof SpecificRecordBase)) {
                throw new PoisonEventException("an article event without a value");
            }
            if (message.getPayload() instanceof org.vetted.events.ArticleReviewDue
                    || message.getPayload() instanceof org.vetted.events.ArticleReviewExpired) {
                // Re-review notices do not change where a revision stands in the writers' view; not tracked here.
                return null;
            }
            return inbound.verifyOrSkip(message)
                    .map(verified -> new Tracked(verified.event(), verified.domain(), catalog.encode(verified.event())))
                    .orElse(null);
        });
        // Then applied in the poll's order, in its one database transaction.
        BiConsumer<Message<SpecificRecordBase>, Tracked> apply = (message, tracked) -> RecordGuard.run(() -> {
            if (tracked == null) {
                return;
            }
            // The registry keeps the record as read, signature and all, so it can verify it again when it reads it.
            SpecificRecordBase record = tracked.record();
            if (!registry.apply(tracked.event(), tracked.encoded())) {
                log.debug("already applied: {} {}", record.getClass().getSimpleName(), record.get("eventId"));
            } else if (record instanceof ArticleApproved approved && projection.isCaughtUp()) {
                // Live approvals only: a replay would count every past one again.
                timeToApproval(registry, approved).ifPresent(toApproval::record);
            }
            // The pages show a revision's warnings and experts, which the article view does not keep: kept here too
            // for revisions whose send was unconfirmed or that predate the ledger (a revision's first notes stand).
            if (record instanceof DraftSubmitted draft) {
                ledger.keepNotes(draft.getArticleId(), draft.getRevision(), EventMapper.notesOf(draft));
            }
        });
        // One poll is one database transaction (SharedProjection.applyBatch). A record that fails is named to the
        // container by its index: the records before it stay applied, it alone is retried or dead-lettered (its
        // cause in the dead letter), and the records after it are redelivered (kafka-support's
        // RecordByRecordAfterRollback). A store failure names the batch's first record: retried until the
        // database is back, never dead-lettered.
        return batch -> {
            List<Message<SpecificRecordBase>> messages = BatchRecords.<SpecificRecordBase>split(batch);
            try {
                projection.applyBatch(messages, prepare, apply);
            } catch (SharedProjection.BatchRecordFailed failed) {
                throw new BatchListenerFailedException(failed.getMessage(), failed, failed.index());
            } catch (StoreUnavailableException e) {
                throw new BatchListenerFailedException(e.getMessage(), e, 0);
            }
        };
    }

    /** A record whose signature holds: the event, what the registry gets of it, and the bytes it keeps. */
    private record Tracked(SpecificRecordBase record, ArticleEvent event, byte[] encoded) {}

    private static Optional<Duration> timeToApproval(ArticleRegistry registry, ArticleApproved approved) {
        int revision = approved.getApproval().getRevision();
        return registry.view(approved.getArticleId())
                .flatMap(view -> view.revisions().stream()
                        .filter(r -> r.revision() == revision && r.submittedAt() != null)
                        .findFirst())
                .map(r ->
                        Duration.between(r.submittedAt(), approved.getApproval().getApprovedAt()))
                .filter(duration -> !duration.isNegative());
    }
}
