package org.vetted.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.events.ClaimReviewed;
import org.vetted.review.app.Incoming;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.staff.Reviewer;

/** Library entries and library-accepted decisions to and from the contract, signed by review. */
class LibraryEventMapperTest {
    private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
    private static final Reviewer RITA = new Reviewer("rita", "Rita Reyes", "MD");

    private final EventMapper mapper = new EventMapper(DemoKeys.signaturesOf(Issuer.REVIEW));

    private static LibraryEntry entry() {
        return new LibraryEntry(
                "e-1",
                "lib-0123456789abcdef",
                "Ginger may ease nausea.",
                ClaimKind.EFFECT,
                List.of("doi:10.1000/ginger"),
                RITA,
                AT,
                AT.plusSeconds(86_400),
                "art-1",
                2,
                "c-nausea",
                null);
    }

    @Test
    void anEntryAndItsRetirementSurviveTheWireSigned() {
        LibraryEntry retired = entry().retiredBy(
                        "e-2",
                        new LibraryEntry.Retirement(
                                new Reviewer("paul", "Paul Park", "PharmD"), AT.plusSeconds(60), "retracted"));
        for (LibraryEntry entry : List.of(entry(), retired)) {
            ClaimLibraryEntry event = mapper.toEvent(entry);
            ClaimLibraryEntry decoded = (ClaimLibraryEntry)
                    EventCatalog.standard().decode(EventCatalog.standard().encode(event));

            assertThat(mapper.toDomain(decoded)).isEqualTo(new Incoming.Library(entry));
        }
    }

    @Test
    void anUnsignedOrAlteredEntryIsSkipped() {
        ClaimLibraryEntry signed = mapper.toEvent(entry());
        ClaimLibraryEntry altered = ClaimLibraryEntry.newBuilder(signed)
                .setReferences(List.of("https://evil.example/"))
                .build();
        ClaimLibraryEntry unsigned =
                ClaimLibraryEntry.newBuilder(signed).setSignature(null).build();

        assertThat(mapper.toDomain(altered))
                .isInstanceOfSatisfying(
                        Incoming.Unsigned.class,
                        skipped -> assertThat(skipped.reason())
                                .startsWith("ClaimLibraryEntry is not signed by the review"));
        assertThat(mapper.toDomain(unsigned)).isInstanceOf(Incoming.Unsigned.class);
    }

    @Test
    void aDecisionAcceptedFromTheLibraryNamesItsKey() {
        ClaimDecided decided = new ClaimDecided(
                "cd-1",
                "art-1",
                1,
                "sha256v2:abc",
                new ClaimDecision(
                        "c-nausea",
                        1,
                        ClaimVerdict.APPROVED,
                        "accepted from the claims library (lib-0123456789abcdef)",
                        "doi:10.1000/ginger",
                        RITA,
                        AT,
                        "lib-0123456789abcdef"));

        ClaimReviewed event = mapper.toEvent(decided);

        assertThat(event.getLibraryKey()).isEqualTo("lib-0123456789abcdef");
        assertThat(mapper.toDomain(event)).isEqualTo(new Incoming.Fact(decided));
    }
}
