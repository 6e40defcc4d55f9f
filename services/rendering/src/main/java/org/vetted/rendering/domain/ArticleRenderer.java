package org.vetted.rendering.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.vetted.contract.ContentHash;
import org.vetted.markdown.SafeMarkdown;

/**
 * Renders an approved article's Markdown to HTML a reader may safely be shown ({@link SafeMarkdown}: Flexmark, then
 * an allowlist sanitizer), then appends the medical-review byline. Only text whose approval covers it is rendered.
 */
public final class ArticleRenderer {
    /**
     * Largest article HTML, in UTF-8 bytes. The largest body intake accepts (100,000 characters) renders to at most
     * about 1.2 MB (footnotes and autolinks grow most, about twelve-fold), so no approved article meets this limit;
     * with the Markdown beside it, ArticleRendered stays inside the 4 MiB the article.rendered topic takes.
     */
    public static final int MAX_HTML_BYTES = SafeMarkdown.MAX_PUBLISHED_HTML_BYTES;

    private final ApprovalBinding binding;
    private final MedicalReviewByline byline;
    private final SafeMarkdown markdown = new SafeMarkdown();

    public ArticleRenderer(ApprovalBinding binding, MedicalReviewByline byline) {
        this.binding = binding;
        this.byline = byline;
    }

    /** Renders the article when its approval covers exactly this text, and refuses it otherwise. */
    public RenderResult render(ApprovedArticle article) {
        Optional<String> refusal = binding.refusalReason(article);
        if (refusal.isPresent()) {
            return new RenderResult.Refused(refusal.get());
        }
        SafeMarkdown.Result body = markdown.render(article.bodyMarkdown());
        if (body instanceof SafeMarkdown.Refused refused) {
            return new RenderResult.Refused(refused.reason());
        }
        String html = ((SafeMarkdown.Html) body).html() + byline.of(article.signOff());
        int htmlBytes = html.getBytes(StandardCharsets.UTF_8).length;
        if (htmlBytes > MAX_HTML_BYTES) {
            return new RenderResult.Refused(
                    "the rendered HTML has " + htmlBytes + " bytes; at most " + MAX_HTML_BYTES + " are published");
        }
        String sourceHash = ContentHash.of(article.reviewed());
        return new RenderResult.Rendered(html, sourceHash);
    }
}
