package org.vetted.distribution.messaging;

import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.vetted.contract.RecordGuard;
import org.vetted.distribution.app.AnnounceReReview;
import org.vetted.distribution.domain.ReReview;
import org.vetted.distribution.domain.ReReviewNotice;
import org.vetted.events.ArticleReviewStatus;
import org.vetted.support.signing.Seals;
import org.vetted.support.stream.Inbound;
import org.vetted.support.stream.Outbound;
import org.vetted.support.stream.Refusal;

/**
 * The {@code reviewStatus} function: article.review-status in, article.published out ({@code ArticleReviewDue} or
 * {@code ArticleReviewExpired}, sealed by distribution, keyed by article id, with the {@code vetted-event-type} and
 * {@code vetted-signature} headers). A notice without review's valid signature is poison: dead-lettered, nothing
 * published. A notice about a withdrawn article publishes nothing.
 */
@Component("reviewStatus")
public class ReviewStatusFunction implements Function<Message<ArticleReviewStatus>, Message<byte[]>> {
    private static final Logger log = LoggerFactory.getLogger(ReviewStatusFunction.class);

    private final AnnounceReReview announce;
    private final Inbound<ArticleReviewStatus, ReReview> inbound;
    private final Outbound<Object, ReReviewNotice, SpecificRecordBase> outbound;

    public ReviewStatusFunction(AnnounceReReview announce, Seals seals) {
        this.announce = announce;
        this.inbound = new Inbound<>(
                seals,
                EventMapper::toDomain,
                new Refusal<ArticleReviewStatus>(
                        log,
                        "Refusing the re-review notice",
                        "not announced",
                        status -> "article " + status.getArticleId() + " (event " + status.getEventId() + ")"));
        this.outbound = Outbound.of(seals, EventMapper::toEvent, event -> (String) event.get("articleId"));
    }

    @Override
    public Message<byte[]> apply(Message<ArticleReviewStatus> message) {
        return RecordGuard.process(() -> {
            Inbound.Verified<ArticleReviewStatus, ReReview> notice = inbound.verify(message);
            Optional<ReReviewNotice> announced = announce.announce(notice.domain());
            if (announced.isEmpty()) {
                log.info(
                        "Not announcing the re-review of article {} (event {}): it was withdrawn",
                        notice.domain().articleId(),
                        notice.domain().eventId());
                return null;
            }
            ReReviewNotice published = announced.get();
            log.info(
                    "Article {} revision {}: review {} ({})",
                    published.articleId(),
                    published.revision(),
                    published.kind(),
                    published.reason());
            return PublicRecords.typed(outbound.signedBytes(notice.event(), published));
        });
    }
}
