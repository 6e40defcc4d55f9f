package org.vetted.intake.web;

import java.util.List;
import org.vetted.intake.domain.drafts.Draft;

/** The 202 answer to POST /api/drafts. */
public record DraftAccepted(
        String articleId,
        int revision,
        String slug,
        String title,
        String summary,
        List<String> tags,
        List<AuthorJson> authors,
        String contentHash,
        List<ClaimJson> claims,
        List<ExpertJson> experts,
        List<String> warnings) {

    public record AuthorJson(String username, String displayName) {}

    /** {@code absolute}: worded as a cure, a guarantee, prevention, no side effects or a dose to take. */
    public record ClaimJson(String id, String text, String kind, boolean hedged, boolean absolute, String section) {}

    public record ExpertJson(String name, String credential) {}

    static DraftAccepted of(Draft draft) {
        return new DraftAccepted(
                draft.articleId(),
                draft.revision(),
                draft.slug(),
                draft.title(),
                draft.summary(),
                draft.tags(),
                draft.authors().stream()
                        .map(a -> new AuthorJson(a.username(), a.displayName()))
                        .toList(),
                draft.contentHash(),
                draft.claims().stream()
                        .map(c ->
                                new ClaimJson(c.id(), c.text(), c.kind().name(), c.hedged(), c.absolute(), c.section()))
                        .toList(),
                draft.experts().stream()
                        .map(e -> new ExpertJson(e.name(), e.credential()))
                        .toList(),
                draft.warnings());
    }
}
