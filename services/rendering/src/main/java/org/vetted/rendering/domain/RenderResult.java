package org.vetted.rendering.domain;

/** What became of an approved article: rendered to safe HTML, or refused with the reason. */
public sealed interface RenderResult permits RenderResult.Rendered, RenderResult.Refused {

    /**
     * @param html       sanitized article HTML followed by the medical-review byline
     * @param sourceHash the content hash of the title, summary and body exactly as rendered
     */
    record Rendered(String html, String sourceHash) implements RenderResult {}

    /** The approval does not cover this text; nothing may be rendered from it. */
    record Refused(String reason) implements RenderResult {}
}
