package org.vetted.rendering.app;

import java.time.Clock;
import java.time.Instant;
import org.vetted.rendering.domain.ApprovedArticle;
import org.vetted.rendering.domain.ArticleRenderer;
import org.vetted.rendering.domain.RenderResult;

/**
 * The one use case of rendering: an approved article (its seals already verified) rendered, or refused with the
 * domain's reason. The domain decides; this adds the time of rendering, since the domain reads no clock.
 */
public final class RenderApprovedArticle {
    private final ArticleRenderer renderer;
    private final Clock clock;

    public RenderApprovedArticle(ArticleRenderer renderer, Clock clock) {
        this.renderer = renderer;
        this.clock = clock;
    }

    /** What became of an approved article. */
    public sealed interface Outcome permits Rendered, Refused {}

    public record Rendered(RenderResult.Rendered result, Instant renderedAt) implements Outcome {}

    public record Refused(String reason) implements Outcome {}

    public Outcome render(ApprovedArticle article) {
        RenderResult result = renderer.render(article);
        if (result instanceof RenderResult.Refused refused) {
            return new Refused(refused.reason());
        }
        return new Rendered((RenderResult.Rendered) result, clock.instant());
    }
}
