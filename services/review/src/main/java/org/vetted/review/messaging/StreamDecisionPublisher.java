package org.vetted.review.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.ReviewReturned;
import org.vetted.review.app.DecisionPublisher;
import org.vetted.review.app.PublishFailedException;
import org.vetted.support.batch.CallerContext;
import org.vetted.support.batch.GroupCommit;

/**
 * Sends the review service's decisions through StreamBridge, keyed by article id (library entries by library key).
 * The output bindings are transactional and synchronous: when {@link #publish} returns, the event is committed.
 * {@link #publishTogether} commits several events in one Kafka transaction: all are read (read_committed) or none.
 * <p>
 * Group commit ({@link #withGroupCommit}): claim decisions made at the same time share one Kafka transaction. A
 * decision's {@link #publish} hands its event to a {@link GroupCommit}, whose one thread sends every decision waiting
 * meanwhile in one transaction and returns to each caller only once it committed; a failed commit fails every decision
 * in it ({@link PublishFailedException}, so each caller's database transaction rolls back, as before). Each record
 * keeps its own request's trace ({@link CallerContext}); one article's decisions are made one at a time under its
 * lock, and one committer keeps the order of what it sends. Other events (sign-offs, withdrawals, library entries,
 * review status) are sent as before.
 */
public class StreamDecisionPublisher implements DecisionPublisher, AutoCloseable {
    static final String CLAIM_REVIEWED = "claimReviewed-out-0";
    static final String ARTICLE_APPROVED = "articleApproved-out-0";
    static final String REVIEW_RETURNED = "reviewReturned-out-0";
    static final String CLAIMS_LIBRARY = "claimsLibrary-out-0";
    static final String ARTICLE_WITHDRAWN = "articleWithdrawn-out-0";
    static final String REVIEW_STATUS = "reviewStatus-out-0";

    private static final Map<Kind, String> BINDINGS = Map.of(
            Kind.REVIEW_STATUS,
            REVIEW_STATUS,
            Kind.ARTICLE_WITHDRAWN,
            ARTICLE_WITHDRAWN,
            Kind.CLAIM_REVIEWED,
            CLAIM_REVIEWED,
            Kind.ARTICLE_APPROVED,
            ARTICLE_APPROVED,
            Kind.REVIEW_RETURNED,
            REVIEW_RETURNED,
            Kind.CLAIMS_LIBRARY,
            CLAIMS_LIBRARY);

    private static final Logger log = LoggerFactory.getLogger(StreamDecisionPublisher.class);

    private final StreamBridge streamBridge;
    private final Supplier<TransactionTemplate> transactions;
    private final EventCatalog catalog = EventCatalog.standard();

    private final MeterRegistry meters;
    private GroupCommit<Grouped, Boolean> decisions;

    /** A claim decision waiting for its group's commit, with its request's context (its trace). */
    private record Grouped(Outgoing outgoing, CallerContext context) {}

    public StreamDecisionPublisher(StreamBridge streamBridge) {
        this(streamBridge, null, () -> null);
    }

    /**
     * @param transactions a transaction over the binder's transactional producer factory (the one every output
     *                     binding sends with), or null where the binder has none (the test binder): then the events
     *                     are sent one after the other
     */
    public StreamDecisionPublisher(
            StreamBridge streamBridge, MeterRegistry meters, Supplier<TransactionTemplate> transactions) {
        this.streamBridge = streamBridge;
        this.meters = meters;
        this.transactions = transactions;
    }

    /**
     * Claim decisions share Kafka transactions of at most {@code maxBatchSize} events.
     *
     * @return this
     */
    public StreamDecisionPublisher withGroupCommit(int maxBatchSize) {
        decisions = new GroupCommit<>(CLAIM_REVIEWED, maxBatchSize, this::commit, size -> {
            if (meters != null) {
                meters.summary("vetted.group.commit.batch", "binding", CLAIM_REVIEWED)
                        .record(size);
            }
        });
        return this;
    }

    /** Claim decisions waiting for a commit to take them (tests wait on it). */
    int waitingDecisions() {
        return decisions == null ? 0 : decisions.waiting();
    }

    @Override
    public void close() {
        if (decisions != null) {
            decisions.close();
        }
    }

    /** One transaction for the batch. */
    private List<Boolean> commit(List<Grouped> batch) {
        transactions.get().executeWithoutResult(status -> batch.forEach(this::send));
        return Collections.nCopies(batch.size(), Boolean.TRUE);
    }

    private void send(Grouped grouped) {
        grouped.context().call(() -> {
            send(grouped.outgoing());
            return null;
        });
    }

    /** The bindings' sends join the transaction, so nothing is visible to a read_committed consumer unless all is. */
    @Override
    public void publishTogether(List<Outgoing> events) {
        TransactionTemplate transaction = transactions.get();
        if (transaction == null) {
            events.forEach(this::publish);
            return;
        }
        try {
            transaction.executeWithoutResult(status -> events.forEach(this::send));
            events.forEach(this::count);
        } catch (PublishFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("committing {} events failed", events.size(), e);
            throw new PublishFailedException("could not commit " + events.size() + " events", e);
        }
    }

    /** @throws PublishFailedException when the binding refuses or fails to send */
    @Override
    public void publish(Outgoing outgoing) {
        // Only over a transactional binder: the test binder may hand the event to review's own consumer in the
        // sending thread, which would then wait on the caller's database transaction from the committer's thread.
        if (decisions != null && outgoing.kind() == Kind.CLAIM_REVIEWED && transactions.get() != null) {
            try {
                decisions.submit(new Grouped(outgoing, CallerContext.capture()));
            } catch (GroupCommit.CommitFailedException e) {
                log.warn("committing {} for {} failed", outgoing.kind(), outgoing.key(), e.getCause());
                throw new PublishFailedException("could not commit the decision", e);
            } catch (GroupCommit.NotCommittedException e) {
                throw new PublishFailedException("the decision was not sent: " + e.getMessage(), e);
            }
        } else {
            send(outgoing);
        }
        count(outgoing);
    }

    /**
     * {@code vetted.review.decisions{kind,outcome}}, once the decision is sent (committed, in a transaction): claim
     * approved/rejected, article approved, changes_requested or rejected.
     */
    private void count(Outgoing outgoing) {
        SpecificRecordBase event = catalog.decode(outgoing.record());
        if (event instanceof ClaimReviewed claim) {
            decision("claim", claim.getDecision().name());
        } else if (event instanceof ArticleApproved approved) {
            decision("article", "approved");
            log.info(
                    "Approved article {} revision {} for publication",
                    approved.getArticleId(),
                    approved.getApproval().getRevision());
        } else if (event instanceof ReviewReturned returned) {
            decision("article", returned.getOutcome().name());
        }
    }

    private void decision(String kind, String outcome) {
        if (meters == null) {
            return;
        }
        meters.counter("vetted.review.decisions", "kind", kind, "outcome", outcome.toLowerCase(Locale.ROOT))
                .increment();
    }

    private void send(Outgoing outgoing) {
        String binding = BINDINGS.get(outgoing.kind());
        String key = outgoing.key();
        // The record was signed and encoded as the store keeps it; what goes out is exactly that event.
        SpecificRecordBase event = catalog.decode(outgoing.record());
        boolean sent;
        try {
            sent = streamBridge.send(
                    binding,
                    MessageBuilder.withPayload(event)
                            .setHeader(KafkaHeaders.KEY, key)
                            .build());
        } catch (RuntimeException e) {
            log.warn("publishing {} for {} failed", event.getClass().getSimpleName(), key, e);
            throw new PublishFailedException("could not publish to " + binding, e);
        }
        if (!sent) {
            log.warn("publishing {} for {} was refused by {}", event.getClass().getSimpleName(), key, binding);
            throw new PublishFailedException("could not publish to " + binding, null);
        }
    }
}
