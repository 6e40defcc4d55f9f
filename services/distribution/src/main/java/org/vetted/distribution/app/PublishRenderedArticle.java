package org.vetted.distribution.app;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.vetted.distribution.domain.ApprovalCheck;
import org.vetted.distribution.domain.ApprovalVerdict;
import org.vetted.distribution.domain.ArticlePublisher;
import org.vetted.distribution.domain.PublicationGate;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.RenderedArticle;

/**
 * The publishing use case: a rendered article (its seals already verified) checked once more against its approval,
 * then made public at the time the clock tells, or refused with the check's reason. The domain decides; this adds
 * the time, since the domain reads no clock. A rendering under embargo ({@code publishAt} still ahead) is held; when
 * it is due, the same call decides it again at that time (a withdrawal recorded meanwhile stops it).
 */
public final class PublishRenderedArticle {
    private final ApprovalCheck approvalCheck;
    private final ArticlePublisher publisher;
    private final Clock clock;
    private final WithdrawalGate withdrawals;
    private final RetiredClaims retiredClaims;

    public PublishRenderedArticle(ApprovalCheck approvalCheck, ArticlePublisher publisher, Clock clock) {
        this(approvalCheck, publisher, clock, WithdrawalGate.NONE);
    }

    /** @param withdrawals the articles review withdrew: none of their renderings is published */
    public PublishRenderedArticle(
            ApprovalCheck approvalCheck, ArticlePublisher publisher, Clock clock, WithdrawalGate withdrawals) {
        this(approvalCheck, publisher, clock, withdrawals, RetiredClaims.NONE);
    }

    /** @param retiredClaims the claims library's retirements, checked when an embargo is due ({@link #release}) */
    public PublishRenderedArticle(
            ApprovalCheck approvalCheck,
            ArticlePublisher publisher,
            Clock clock,
            WithdrawalGate withdrawals,
            RetiredClaims retiredClaims) {
        this.retiredClaims = retiredClaims;
        this.approvalCheck = approvalCheck;
        this.publisher = publisher;
        this.clock = clock;
        this.withdrawals = withdrawals;
    }

    /** What became of a rendered article. */
    public sealed interface Outcome permits Published, Refused, Held {}

    /** Embargoed: approved and checked, but not to go public before {@code publishAt}; held, then checked again. */
    public record Held(Instant publishAt) implements Outcome {}

    /** @param article unsigned: the seal covers the finished event and is set by the messaging edge */
    public record Published(PublishedArticle article) implements Outcome {}

    public record Refused(String reason) implements Outcome {}

    public Outcome publish(RenderedArticle rendered) {
        Optional<Refused> withdrawn = withdrawn(rendered.articleId());
        if (withdrawn.isPresent()) {
            return withdrawn.get();
        }
        return decide(rendered);
    }

    /**
     * The publication gate alone: refused when review withdrew the article (withdrawn is final for an article id).
     * It reads the gate's store, so a batch asks it in the order of its records, after {@link #decide}.
     */
    public Optional<Refused> withdrawn(String articleId) {
        return PublicationGate.refusal(withdrawals.find(articleId)).map(Refused::new);
    }

    /**
     * What {@link #publish} decides from the rendering and the clock alone, without the publication gate: reads no
     * store, so it may run on any thread, ahead of the gate. The outcome counts only with the gate's answer, which
     * comes first: {@code withdrawn(id)}, when present, else this.
     */
    public Outcome decide(RenderedArticle rendered) {
        if (approvalCheck.check(rendered) instanceof ApprovalVerdict.Rejected rejected) {
            return new Refused(rejected.reason());
        }
        Instant now = clock.instant();
        if (rendered.publishAt() != null && rendered.publishAt().isAfter(now)) {
            return new Held(rendered.publishAt());
        }
        return new Published(publisher.publish(rendered, now));
    }

    /**
     * A held rendering whose embargo is due, decided again now: as {@link #publish}, and refused when a claims-library
     * entry it relies on (the claim provenance review signed) has been retired meanwhile.
     */
    public Outcome release(RenderedArticle rendered) {
        List<String> relied = rendered.approval().claimProvenance().stream()
                .flatMap(claim -> claim.approvals().stream())
                .map(approval -> approval.libraryKey())
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Set<String> retired = retiredClaims.retiredAmong(relied);
        if (!retired.isEmpty()) {
            return new Refused("it relies on claims-library entries retired since its approval: "
                    + String.join(", ", retired.stream().sorted().toList()));
        }
        return publish(rendered);
    }
}
