package org.vetted.distribution.app;

import java.time.Clock;
import org.vetted.distribution.domain.ApprovalCheck;
import org.vetted.distribution.domain.ApprovalVerdict;
import org.vetted.distribution.domain.ArticlePublisher;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.RenderedArticle;

/**
 * The publishing use case: a rendered article (its seals already verified) checked once more against its approval,
 * then made public at the time the clock tells, or refused with the check's reason. The domain decides; this adds
 * the time, since the domain reads no clock.
 */
public final class PublishRenderedArticle {
    private final ApprovalCheck approvalCheck;
    private final ArticlePublisher publisher;
    private final Clock clock;

    public PublishRenderedArticle(ApprovalCheck approvalCheck, ArticlePublisher publisher, Clock clock) {
        this.approvalCheck = approvalCheck;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What became of a rendered article. */
    public sealed interface Outcome permits Published, Refused {}

    /** @param article unsigned: the seal covers the finished event and is set by the messaging edge */
    public record Published(PublishedArticle article) implements Outcome {}

    public record Refused(String reason) implements Outcome {}

    public Outcome publish(RenderedArticle rendered) {
        if (approvalCheck.check(rendered) instanceof ApprovalVerdict.Rejected rejected) {
            return new Refused(rejected.reason());
        }
        return new Published(publisher.publish(rendered, clock.instant()));
    }
}
