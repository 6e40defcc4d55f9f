package org.vetted.distribution.app;

import java.util.Locale;
import java.util.Optional;
import org.vetted.distribution.domain.PublicSite;
import org.vetted.distribution.domain.PublicationGate;
import org.vetted.distribution.domain.Withdrawal;
import org.vetted.distribution.domain.WithdrawnArticle;

/**
 * The withdrawal use case: review's decision (its signature verified) recorded in the publication gate, then made
 * public. Recorded first, so that no rendering read after the public event is published; a decision that does not go
 * further than the recorded one makes nothing public.
 */
public final class WithdrawArticle {
    private final WithdrawalGate gate;
    private final PageStore pages;
    private final PublicSite site;

    public WithdrawArticle(WithdrawalGate gate, PageStore pages, PublicSite site) {
        this.gate = gate;
        this.pages = pages;
        this.site = site;
    }

    /** What became of a decision. */
    public sealed interface Outcome permits Publish, Ignored {}

    /** @param withdrawal unsigned: the seal is set by the messaging edge */
    public record Publish(WithdrawnArticle withdrawal) implements Outcome {}

    public record Ignored(String reason) implements Outcome {}

    public Outcome withdraw(Withdrawal decision) {
        Optional<Withdrawal> recorded = gate.find(decision.articleId());
        return switch (PublicationGate.next(recorded, decision)) {
            case IGNORE ->
                new Ignored("article " + decision.articleId() + " is already "
                        + recorded.orElseThrow().kind().name().toLowerCase(Locale.ROOT));
            case REPEAT -> new Publish(WithdrawnArticle.of(recorded.orElseThrow(), servedSlug(decision), site));
            case PUBLISH -> {
                gate.record(decision);
                yield new Publish(WithdrawnArticle.of(decision, servedSlug(decision), site));
            }
        };
    }

    /** The slug the article is served under, which may be an earlier revision's than the one review last approved. */
    private String servedSlug(Withdrawal decision) {
        return pages.findByArticle(decision.articleId())
                .map(page -> page.article().slug())
                .orElse(null);
    }
}
