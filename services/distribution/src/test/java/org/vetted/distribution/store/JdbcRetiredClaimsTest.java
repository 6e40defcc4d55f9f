package org.vetted.distribution.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.distribution.Signed;
import org.vetted.distribution.messaging.TrackLibrary;
import org.vetted.events.ClaimKind;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.events.LibraryRetirement;
import org.vetted.events.Reviewer;
import org.vetted.support.signing.Seals;

/** The library's latest word per entry, kept as review signed it and read back only while that holds. */
class JdbcRetiredClaimsTest {
    private static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final JdbcTemplate jdbc = new JdbcTemplate(JdbcPageStoreTest.migratedDatabase());
    private final Seals seals = new Seals(Signed.DISTRIBUTION);
    private final JdbcRetiredClaims claims =
            new JdbcRetiredClaims(jdbc, (key, retired, entry) -> TrackLibrary.holds(seals, key, retired, entry));

    @Test
    void aRetirementCountsUntilALaterEntryOfTheKeyAndATamperedRowCountsAsRetired() {
        keep(entry("lib-a", "e1", false));
        keep(entry("lib-b", "e2", false));
        assertThat(claims.retiredAmong(List.of("lib-a", "lib-b", "lib-unknown")))
                .isEmpty();

        keep(entry("lib-a", "e3", true));
        assertThat(claims.retiredAmong(List.of("lib-a", "lib-b"))).containsExactly("lib-a");

        keep(entry("lib-a", "e4", false)); // approved again
        assertThat(claims.retiredAmong(List.of("lib-a"))).isEmpty();

        // Whoever can write the table cannot un-retire an entry: a row that does not verify counts as retired.
        keep(entry("lib-b", "e5", true));
        jdbc.update("update library_entry set retired = false where library_key = 'lib-b'");
        assertThat(claims.retiredAmong(List.of("lib-b"))).containsExactly("lib-b");
    }

    private void keep(ClaimLibraryEntry entry) {
        claims.record(
                entry.getKey(),
                entry.getEventId(),
                entry.getRetired() != null,
                EventCatalog.standard().encode(entry));
    }

    private static ClaimLibraryEntry entry(String key, String eventId, boolean retired) {
        Reviewer rita = new Reviewer("rita", "Rita Reyes", "MD");
        return REVIEW.sign(ClaimLibraryEntry.newBuilder()
                .setEventId(eventId)
                .setKey(key)
                .setClaimText("zinc may shorten a cold")
                .setKind(ClaimKind.EFFECT)
                .setReferences(List.of("doi:10.1000/zinc"))
                .setReviewer(rita)
                .setApprovedAt(AT)
                .setExpiresAt(AT.plusSeconds(86_400 * 365))
                .setArticleId("a1")
                .setRevision(1)
                .setClaimId("c-1")
                .setRetired(retired ? new LibraryRetirement(rita, AT.plusSeconds(60), "Withdrawn evidence.") : null)
                .build());
    }
}
