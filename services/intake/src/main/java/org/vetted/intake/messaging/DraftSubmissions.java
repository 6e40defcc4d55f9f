package org.vetted.intake.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.domain.ArticleRegistry;
import org.vetted.intake.domain.DraftIntake;
import org.vetted.intake.domain.IntakeResult;
import org.vetted.intake.domain.Submission;

/**
 * The write path of POST /api/drafts: ask the domain, publish DraftSubmitted (keyed by article id, transactional,
 * sync), then record the revision in the registry so an immediate resubmission sees it. One submission at a time,
 * so two concurrent posts can never claim the same revision number or slug.
 */
@Component
public class DraftSubmissions {
    static final String BINDING = "draftSubmitted-out-0";
    private static final Logger log = LoggerFactory.getLogger(DraftSubmissions.class);

    private final DraftIntake intake;
    private final ArticleRegistry registry;
    private final StreamBridge streamBridge;
    private final Clock clock;
    private final Object oneAtATime = new Object();

    public DraftSubmissions(DraftIntake intake, ArticleRegistry registry, StreamBridge streamBridge, Clock clock) {
        this.intake = intake;
        this.registry = registry;
        this.streamBridge = streamBridge;
        this.clock = clock;
    }

    public SubmissionOutcome submit(Submission submission) {
        synchronized (oneAtATime) {
            IntakeResult result = intake.evaluate(submission, registry, UUID.randomUUID().toString());
            if (!(result instanceof IntakeResult.Accepted accepted)) {
                return new SubmissionOutcome.Refused(result);
            }
            String eventId = UUID.randomUUID().toString();
            Instant now = clock.instant();
            DraftSubmitted event = EventMapper.toEvent(accepted.draft(), eventId, now);
            if (!send(event)) {
                return new SubmissionOutcome.NotPublished();
            }
            registry.apply(EventMapper.recorded(accepted.draft(), eventId, now));
            return new SubmissionOutcome.Published(accepted.draft());
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
