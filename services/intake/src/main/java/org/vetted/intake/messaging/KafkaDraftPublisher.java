package org.vetted.intake.messaging;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.app.DraftPublisher;
import org.vetted.intake.domain.drafts.Draft;
import org.vetted.support.batch.BinderTransactions;
import org.vetted.support.batch.CallerContext;
import org.vetted.support.batch.GroupCommit;

/**
 * {@link DraftPublisher} on Kafka: the draft as a signed Avro DraftSubmitted on {@code article.draft-submitted}, keyed
 * by article id, sent through the binder in a Kafka transaction, whose commit fails if any send failed (the binding
 * does not wait for each ack). A failed send is told apart by {@link SendFailures}.
 * <p>
 * Group commit ({@code vetted.group-commit.enabled}, on by default): the event is signed, encoded and checked for size
 * in the caller's thread, then handed to a {@link GroupCommit}, whose one thread sends every draft waiting meanwhile
 * (at most {@code vetted.group-commit.max-batch-size}) in one Kafka transaction and answers each only once that
 * transaction committed. So a publish still returns {@link Publication.Committed} only for a committed event; a
 * failed commit fails every draft in it, each told apart by {@link SendFailures} as before (the shared transaction
 * aborted: not sent; a timeout: unknown). Each record keeps its own request's trace ({@link CallerContext}), and the
 * records of one article keep their order (one committer; an article's revisions are also published one at a time
 * under its lock). Off, every draft is its own transaction, as before.
 */
@Component
public class KafkaDraftPublisher implements DraftPublisher, DisposableBean {
    static final String BINDING = "draftSubmitted-out-0";
    /**
     * Largest encoded DraftSubmitted: half of Kafka's default max.request.size (1 MiB), leaving room for headers,
     * the transaction and batching. A body of 100,000 four-byte characters whose every sentence is a claim would
     * pass the body limit and still exceed this.
     */
    static final int MAX_EVENT_BYTES = 512 * 1024;

    private static final Logger log = LoggerFactory.getLogger(KafkaDraftPublisher.class);

    private final StreamBridge streamBridge;
    private final Signatures signatures;
    private final int maxEventBytes;
    private final EventCatalog catalog = EventCatalog.standard();
    private final Supplier<TransactionTemplate> transactions;
    private final GroupCommit<Pending, Boolean> group;

    /**
     * @param signatures   intake's key: review takes no draft that intake did not sign
     * @param groupCommit  whether concurrent drafts share one Kafka transaction
     * @param maxBatchSize at most this many drafts in one transaction
     */
    @Autowired
    public KafkaDraftPublisher(
            StreamBridge streamBridge,
            Signatures signatures,
            BinderFactory binders,
            MeterRegistry meters,
            @Value("${vetted.group-commit.enabled:true}") boolean groupCommit,
            @Value("${vetted.group-commit.max-batch-size:64}") int maxBatchSize) {
        this(
                streamBridge,
                signatures,
                MAX_EVENT_BYTES,
                new BinderTransactions(binders),
                groupCommit ? maxBatchSize : 0,
                DistributionSummary.builder("vetted.group.commit.batch")
                        .description("records committed in one Kafka transaction by group commit")
                        .tag("binding", BINDING)
                        .register(meters)::record);
    }

    /** Without group commit: each draft its own transaction. */
    public KafkaDraftPublisher(StreamBridge streamBridge, Signatures signatures) {
        this(streamBridge, signatures, MAX_EVENT_BYTES);
    }

    KafkaDraftPublisher(StreamBridge streamBridge, Signatures signatures, int maxEventBytes) {
        this(streamBridge, signatures, maxEventBytes, () -> null, 0, size -> {});
    }

    /** @param maxBatchSize 0: no group commit */
    KafkaDraftPublisher(
            StreamBridge streamBridge,
            Signatures signatures,
            int maxEventBytes,
            Supplier<TransactionTemplate> transactions,
            int maxBatchSize,
            java.util.function.IntConsumer batchSizes) {
        this.streamBridge = streamBridge;
        this.signatures = signatures;
        this.maxEventBytes = maxEventBytes;
        this.transactions = transactions;
        this.group = maxBatchSize > 0 ? new GroupCommit<>(BINDING, maxBatchSize, this::commit, batchSizes) : null;
    }

    /** A draft waiting for its group's commit, with its request's context (its trace). */
    private record Pending(DraftSubmitted event, CallerContext context) {}

    /** Drafts waiting for a commit to take them (tests wait on it). */
    int waitingDrafts() {
        return group == null ? 0 : group.waiting();
    }

    @Override
    public void destroy() {
        if (group != null) {
            group.close();
        }
    }

    @Override
    public Publication publish(Draft draft, String eventId, Instant submittedAt) {
        DraftSubmitted event = signatures.sign(EventMapper.toEvent(draft, eventId, submittedAt));
        byte[] record = catalog.encode(event);
        int size = record.length;
        if (size > maxEventBytes) {
            return new Publication.TooLarge(size, maxEventBytes);
        }
        // Only over a transactional binder: the test binder may hand the event to a consumer in the sending thread.
        if (group != null && transactions.get() != null) {
            return publishInGroup(event, record);
        }
        try {
            boolean sent = streamBridge.send(
                    BINDING,
                    MessageBuilder.withPayload(event)
                            .setHeader(KafkaHeaders.KEY, event.getArticleId())
                            .build());
            if (sent) {
                // One line per submission: with the trace id every line carries, an article can be followed.
                log.info("Submitted article {} revision {} for review", event.getArticleId(), event.getRevision());
            }
            return sent ? new Publication.Committed(record) : new Publication.NotSent();
        } catch (RuntimeException e) {
            return failed(event, e);
        }
    }

    private Publication publishInGroup(DraftSubmitted event, byte[] record) {
        try {
            group.submit(new Pending(event, CallerContext.capture()));
            log.info("Submitted article {} revision {} for review", event.getArticleId(), event.getRevision());
            return new Publication.Committed(record);
        } catch (GroupCommit.NotCommittedException e) {
            log.warn(
                    "DraftSubmitted for article {} revision {} was not published: {}",
                    event.getArticleId(),
                    event.getRevision(),
                    e.getMessage());
            return new Publication.NotSent();
        } catch (GroupCommit.CommitFailedException e) {
            return failed(event, e);
        }
    }

    /** A send that failed: certainly not published, or (a timeout: the broker may have committed it) unknown. */
    private static Publication failed(DraftSubmitted event, RuntimeException e) {
        if (SendFailures.isAmbiguous(e)) {
            log.warn(
                    "DraftSubmitted for article {} revision {} may or may not have been published; its number "
                            + "and slug stay taken",
                    event.getArticleId(),
                    event.getRevision(),
                    e);
            return new Publication.Unknown();
        }
        log.warn(
                "DraftSubmitted for article {} revision {} was not published",
                event.getArticleId(),
                event.getRevision(),
                e);
        return new Publication.NotSent();
    }

    /** One Kafka transaction for the batch: every send joins it, and only its commit makes any of them count. */
    private List<Boolean> commit(List<Pending> batch) {
        transactions.get().executeWithoutResult(status -> batch.forEach(this::send));
        return Collections.nCopies(batch.size(), Boolean.TRUE);
    }

    private void send(Pending pending) {
        DraftSubmitted event = pending.event();
        boolean sent = pending.context()
                .call(() -> streamBridge.send(
                        BINDING,
                        MessageBuilder.withPayload(event)
                                .setHeader(KafkaHeaders.KEY, event.getArticleId())
                                .build()));
        if (!sent) {
            throw new IllegalStateException("the binding " + BINDING + " refused DraftSubmitted for article "
                    + event.getArticleId() + " revision " + event.getRevision());
        }
    }
}
