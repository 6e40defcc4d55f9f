package org.vetted.intake.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.domain.ArticleRegistry;
import org.vetted.intake.domain.DraftIntake;
import org.vetted.intake.domain.IntakeResult;
import org.vetted.intake.domain.ReadDraft;
import org.vetted.intake.domain.Reading;
import org.vetted.intake.domain.Submission;

/**
 * The write path of POST /api/drafts: read the draft (the expensive part, no lock held), then number it, publish
 * DraftSubmitted (keyed by article id, transactional, sync) and record the revision in the registry so an immediate
 * resubmission sees it. Only that last step is serialized, per article (striped locks): two revisions of one article
 * never claim the same number. New articles need no lock: their id is fresh and their slug is reserved atomically in
 * the registry (and given back if the event is not published).
 */
@Component
public class DraftSubmissions {
    static final String BINDING = "draftSubmitted-out-0";
    /**
     * Largest encoded DraftSubmitted: half of Kafka's default max.request.size (1 MiB), leaving room for headers,
     * the transaction and batching. A body of 100,000 four-byte characters whose every sentence is a claim would
     * pass the body limit and still exceed this.
     */
    static final int MAX_EVENT_BYTES = 512 * 1024;
    private static final int STRIPES = 64;
    private static final Logger log = LoggerFactory.getLogger(DraftSubmissions.class);

    private final DraftIntake intake;
    private final ArticleRegistry registry;
    private final StreamBridge streamBridge;
    private final Clock clock;
    private final int maxEventBytes;
    private final Signatures signatures;
    private final EventCatalog catalog = EventCatalog.standard();
    private final ReentrantLock[] articleLocks = new ReentrantLock[STRIPES];

    @Autowired
    public DraftSubmissions(DraftIntake intake, ArticleRegistry registry, StreamBridge streamBridge, Clock clock,
                            Signatures signatures) {
        this(intake, registry, streamBridge, clock, signatures, MAX_EVENT_BYTES);
    }

    /** @param signatures intake's key: review takes no draft that intake did not sign */
    DraftSubmissions(DraftIntake intake, ArticleRegistry registry, StreamBridge streamBridge, Clock clock,
                     Signatures signatures, int maxEventBytes) {
        this.intake = intake;
        this.registry = registry;
        this.streamBridge = streamBridge;
        this.clock = clock;
        this.maxEventBytes = maxEventBytes;
        this.signatures = signatures;
        for (int i = 0; i < STRIPES; i++) {
            articleLocks[i] = new ReentrantLock();
        }
    }

    public SubmissionOutcome submit(Submission submission) {
        var refused = intake.mayRevise(submission, registry);
        if (refused.isPresent()) {
            return new SubmissionOutcome.Refused(refused.get());
        }
        Reading reading = intake.read(submission);
        if (reading instanceof IntakeResult.Invalid invalid) {
            return new SubmissionOutcome.Refused(invalid);
        }
        ReadDraft read = (ReadDraft) reading;
        if (submission.articleId() == null) {
            return numberAndPublish(submission, read);
        }
        ReentrantLock lock = articleLocks[Math.floorMod(submission.articleId().hashCode(), STRIPES)];
        lock.lock();
        try {
            return numberAndPublish(submission, read);
        } finally {
            lock.unlock();
        }
    }

    private SubmissionOutcome numberAndPublish(Submission submission, ReadDraft read) {
        IntakeResult result = intake.number(submission, read, registry, UUID.randomUUID().toString());
        if (!(result instanceof IntakeResult.Accepted accepted)) {
            return new SubmissionOutcome.Refused(result);
        }
        boolean newArticle = submission.articleId() == null;
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        DraftSubmitted event = signatures.sign(EventMapper.toEvent(accepted.draft(), eventId, now));
        int size = catalog.encode(event).length;
        if (size > maxEventBytes) {
            release(newArticle, accepted);
            return new SubmissionOutcome.TooLarge(size, maxEventBytes);
        }
        if (!send(event)) {
            release(newArticle, accepted);
            return new SubmissionOutcome.NotPublished();
        }
        registry.apply(EventMapper.recorded(accepted.draft(), eventId, now));
        return new SubmissionOutcome.Published(accepted.draft());
    }

    private void release(boolean newArticle, IntakeResult.Accepted accepted) {
        if (newArticle) {
            registry.releaseSlug(accepted.draft().slug());
        }
    }

    private boolean send(DraftSubmitted event) {
        try {
            return streamBridge.send(BINDING,
                    MessageBuilder.withPayload(event).setHeader(KafkaHeaders.KEY, event.getArticleId()).build());
        } catch (RuntimeException e) {
            log.warn("DraftSubmitted for article {} revision {} was not published", event.getArticleId(),
                    event.getRevision(), e);
            return false;
        }
    }
}
