package org.vetted.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.DraftSubmitted;

/**
 * The drafts the projection and queue steps write must be what review and intake accept: else they are skipped or
 * dead-lettered and the step waits for a queue that never fills.
 */
class SignedDraftsTest {
    @Test
    void aBenchDraftCarriesItsTrueContentHashAndIntakesSignatureAndSurvivesTheContractsEncoding() {
        DraftSubmitted draft = SignedDrafts.draft("bench-1", Instant.parse("2026-12-07T10:00:00Z"));
        EventCatalog catalog = EventCatalog.standard();

        DraftSubmitted read = (DraftSubmitted) catalog.decode(catalog.encode(draft));

        assertTrue(ContentHash.matches(read.getContentHash(), ContentHash.reviewed(read)));
        Signatures anyService = DemoKeys.signaturesOf(Issuer.REVIEW);
        assertTrue(anyService.isSigned(read), "verified with the demo keys every service trusts");
        assertEquals("bench-1", read.getArticleId());
    }
}
