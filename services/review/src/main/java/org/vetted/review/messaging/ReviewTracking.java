package org.vetted.review.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.RecordGuard;
import org.vetted.review.domain.ReviewBoard;
import org.vetted.review.domain.ReviewEvent;

/** The consumer that builds the review board from drafts and from this service's own decisions. */
@Configuration(proxyBeanMethods = false)
public class ReviewTracking {
    /** How many skipped approval event ids are remembered so each is warned about once; the oldest are forgotten. */
    static final int MAX_REMEMBERED_SKIPS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(ReviewTracking.class);

    /**
     * Bound to article.draft-submitted, article.claim-reviewed, article.approved, article.review-returned and
     * claims.library (the claims library, latest record per key; its signature checked like the others).
     * <ul>
     * <li>A draft with the known revision number but other text is dead-lettered, and the text first seen under
     * that number stays under review unchanged: intake numbers revisions, so two texts under one number mean a
     * broken or forged writer, and the board will not silently swap the text a reviewer may be reading.</li>
     * <li>An event without a valid signature of its topic's owner (a draft not signed by intake; a decision, return
     * or approval not signed by review: forged, altered, or from before signatures) is skipped with one WARN per
     * event id, not dead-lettered: this consumer replays from the start at every boot, so throwing would
     * dead-letter it again at each restart. Rendering and distribution dead-letter unsigned approvals themselves.</li>
     * </ul>
     */
    @Bean
    public Consumer<Message<Object>> trackReview(ReviewWorkflow workflow, EventMapper mapper) {
        Set<String> warnedAbout = Collections.synchronizedSet(Collections.newSetFromMap(
                new LinkedHashMap<String, Boolean>() {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                        return size() > MAX_REMEMBERED_SKIPS;
                    }
                }));
        return message -> RecordGuard.run(() -> {
            Incoming incoming = mapper.toDomain(message.getPayload());
            if (incoming instanceof Incoming.Unsigned unsigned) {
                if (warnedAbout.add(unsigned.eventId())) {
                    log.warn("skipped {} {} of article {}: {}; it counts for nothing", unsigned.type(),
                            unsigned.eventId(), unsigned.articleId(), unsigned.reason());
                }
                return;
            }
            if (incoming instanceof Incoming.Library library) {
                boolean latest = workflow.recordLibrary(library.entry());
                log.debug("library entry {} ({}): {}", library.entry().key(), library.entry().eventId(),
                        latest ? "recorded" : "older than the one known");
                return;
            }
            ReviewEvent event = ((Incoming.Fact) incoming).event();
            ReviewBoard.Applied applied = workflow.record(event);
            if (applied == ReviewBoard.Applied.CONFLICTING) {
                throw new PoisonEventException("draft " + event.articleId() + " revision " + event.revision()
                        + " (event " + event.eventId() + ") has other text than the revision " + event.revision()
                        + " already under review; a revision number names exactly one text");
            }
            log.debug("{} {} for article {} revision {}: {}", event.getClass().getSimpleName(), event.eventId(),
                    event.articleId(), event.revision(), applied);
        });
    }
}
