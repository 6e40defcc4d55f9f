package org.vetted.contract;

import java.time.Instant;
import java.util.List;
import org.vetted.events.Author;
import org.vetted.events.Claim;
import org.vetted.events.ClaimKind;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.Expert;

/** Sample events for the contract's own tests. */
public final class EventsForTests {
    public static DraftSubmitted draft() {
        return draft("a-1", "Does Vitamin D Help in Winter?");
    }

    public static DraftSubmitted draft(String articleId, String title) {

        String body = "Vitamin D may support bone health.\n";
        DraftSubmitted draft = DraftSubmitted.newBuilder()
                .setEventId("e-1")
                .setArticleId(articleId)
                .setRevision(1)
                .setSlug("does-vitamin-d-help-in-winter")
                .setTitle(title)
                .setSummary(null)
                .setAuthors(List.of(new Author("wanda", "Wanda Writer")))
                .setTags(List.of("nutrition"))
                .setBodyMarkdown(body)
                .setContentHash("")
                .setClaims(List.of(
                        new Claim("c-1", "Vitamin D may support bone health.", ClaimKind.EFFECT, true, null, false)))
                .setExperts(List.of(new Expert("Ada Lovelace", "MD")))
                .setWarnings(List.of())
                .setSubmittedAt(Instant.parse("2026-01-02T03:04:05Z"))
                .build();
        draft.setContentHash(ContentHash.of(ContentHash.reviewed(draft)));
        return draft;
    }

    private EventsForTests() {}
}
