package org.vetted.review.domain.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.Drafts;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.board.ReviewBoard;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.DraftArrived;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.staff.Reviewer;

/** The library's rules, on entries kept in memory; {@code JdbcClaimLibraryTest} runs the same on PostgreSQL. */
public class ClaimLibraryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Reviewer RITA = Actors.RITA.asReviewer();
    private static final Reviewer PAUL = Actors.PAUL.asReviewer();

    private final ClaimLibrary library = newLibrary();

    protected ClaimLibrary newLibrary() {
        return new ClaimLibrary(new InMemoryLibraryEntries());
    }

    private static LibraryEntry entry(String text, Instant approvedAt, Duration validity) {
        return new LibraryEntry(
                "e-" + approvedAt,
                ClaimLibrary.keyOf(text),
                text,
                ClaimKind.EFFECT,
                List.of("doi:10.1000/ginger"),
                RITA,
                approvedAt,
                approvedAt.plus(validity),
                "art-1",
                1,
                "c-1",
                null);
    }

    private static LibraryEntry entry(String text) {
        return entry(text, T0, Duration.ofDays(365));
    }

    private static Claim claim(String text) {
        return new Claim("c-1", text, ClaimKind.EFFECT, false, null);
    }

    @Test
    void anExactMatchComparesTheWholeTextSectionPathAndKindNeverOnlyTheKey() {
        String benign = "Vitamin C may shorten colds a little.";
        String harmful = "Vitamin C cures cancer, so skip chemotherapy.";
        // Two texts whose short keys collide: an entry recorded under the key the harmful text also has.
        library.record(new LibraryEntry(
                "e-1",
                ClaimLibrary.keyOf(harmful),
                benign,
                ClaimKind.EFFECT,
                List.of("doi:10.1000/c"),
                RITA,
                T0,
                T0.plus(Duration.ofDays(30)),
                "art-1",
                1,
                "c-1",
                null));
        assertThat(library.exactMatch(claim(harmful), T0))
                .as("same key, other text")
                .isEmpty();

        library.record(new LibraryEntry(
                "e-2",
                ClaimLibrary.keyOf("Arnica cream is safe."),
                "Arnica cream is safe.",
                ClaimKind.EFFECT,
                List.of("doi:10.1000/a"),
                RITA,
                T0,
                T0.plus(Duration.ofDays(30)),
                "art-2",
                1,
                "c-2",
                null,
                "Bruises › For adults"));
        Claim inPregnancy =
                new Claim("c-9", "Arnica cream is safe.", ClaimKind.EFFECT, false, "Bruises › In pregnancy");
        Claim forAdults = new Claim("c-9", "arnica  cream is safe.", ClaimKind.EFFECT, false, "bruises › for adults");
        Claim asRisk = new Claim("c-9", "Arnica cream is safe.", ClaimKind.RISK, false, "Bruises › For adults");
        assertThat(library.exactMatch(inPregnancy, T0))
                .as("another section path")
                .isEmpty();
        assertThat(library.exactMatch(asRisk, T0)).as("another kind").isEmpty();
        assertThat(library.exactMatch(forAdults, T0))
                .as("the same path, case and spacing aside")
                .isPresent();
    }

    @Test
    void theKeyIsTheClaimsCanonicalTextSoCaseQuotesAndSpacingDoNotMatter() {
        assertThat(ClaimLibrary.keyOf("Ginger  may ease “nausea”."))
                .isEqualTo(ClaimLibrary.keyOf("ginger may ease \"nausea\"."))
                .matches("lib-[0-9a-f]{16}");
        assertThat(ClaimLibrary.keyOf("Ginger may ease nausea."))
                .isNotEqualTo(ClaimLibrary.keyOf("Ginger eases nausea."));
    }

    @Test
    void anExactMatchIsOfferedUntilItExpires() {
        library.record(entry("Ginger may ease nausea in early pregnancy.", T0, Duration.ofDays(30)));

        assertThat(library.exactMatch(claim("GINGER may ease nausea in early  pregnancy."), T0.plusSeconds(60)))
                .isPresent();
        assertThat(library.exactMatch(
                        claim("Ginger may ease nausea in early pregnancy."), T0.plus(Duration.ofDays(30))))
                .as("expired at expiresAt")
                .isEmpty();
        assertThat(library.exactMatch(claim("Ginger eases nausea in early pregnancy."), T0))
                .as("close is not exact")
                .isEmpty();
    }

    @Test
    void theLatestRecordOfAKeyWinsWhateverOrderTheyAreReadIn() {
        LibraryEntry approved = entry("Ginger may ease nausea.");
        LibraryEntry retired = approved.retiredBy(
                "e-retire", new LibraryEntry.Retirement(PAUL, T0.plusSeconds(3600), "superseded by a 2026 review"));

        assertThat(library.record(retired)).isTrue();
        assertThat(library.record(approved)).as("the older record, read late").isFalse();

        assertThat(library.find(approved.key())).hasValueSatisfying(entry -> {
            assertThat(entry.isRetired()).isTrue();
            assertThat(entry.retired().reason()).isEqualTo("superseded by a 2026 review");
        });
        assertThat(library.exactMatch(claim("Ginger may ease nausea."), T0.plusSeconds(7200)))
                .as("retired")
                .isEmpty();

        LibraryEntry approvedAgain =
                entry("Ginger may ease nausea.", T0.plus(Duration.ofDays(2)), Duration.ofDays(365));
        assertThat(library.record(approvedAgain)).isTrue();
        assertThat(library.exactMatch(claim("Ginger may ease nausea."), T0.plus(Duration.ofDays(3))))
                .isPresent();
    }

    @Test
    void closeMatchesAreSuggestedNeverOfferedAndRetiredOrExpiredOnesNot() {
        library.record(entry("Ginger may ease nausea in early pregnancy."));
        library.record(entry("Ginger may ease nausea in late pregnancy."));
        library.record(entry(
                "Ginger may ease nausea during pregnancy.", T0.minus(Duration.ofDays(400)), Duration.ofDays(365)));
        library.record(entry("Vitamin D prevents colds."));

        List<ClaimLibrary.Suggestion> suggestions =
                library.suggestions(claim("Ginger may ease nausea in pregnancy."), T0);

        assertThat(suggestions)
                .extracting(suggestion -> suggestion.entry().claimText())
                .containsExactlyInAnyOrder(
                        "Ginger may ease nausea in early pregnancy.", "Ginger may ease nausea in late pregnancy.");
        assertThat(suggestions)
                .allSatisfy(suggestion -> assertThat(suggestion.similarity()).isBetween(0.6, 1.0));
        assertThat(library.exactMatch(claim("Ginger may ease nausea in pregnancy."), T0))
                .isEmpty();
        assertThat(library.suggestions(claim("Ginger may ease nausea in early pregnancy."), T0))
                .as("the exact entry is the offer, not a suggestion")
                .extracting(suggestion -> suggestion.entry().claimText())
                .containsExactly("Ginger may ease nausea in late pregnancy.");
    }

    @Test
    void atMostThreeSuggestionsClosestFirst() {
        for (String place : List.of("a", "b", "c", "d", "e")) {
            library.record(entry("Ginger may ease nausea in pregnancy " + place + "."));
        }
        assertThat(library.suggestions(claim("Ginger may ease nausea in pregnancy."), T0))
                .hasSize(3);
    }

    @Test
    void searchFindsEveryQueryWordNewestFirstRetiredAndExpiredIncluded() {
        library.record(entry("Ginger may ease nausea.", T0, Duration.ofDays(1)));
        library.record(entry("Ginger may ease nausea in pregnancy.", T0.plusSeconds(10), Duration.ofDays(365)));
        library.record(entry("Vitamin D prevents colds.", T0.plusSeconds(20), Duration.ofDays(365)));

        assertThat(library.search("NAUSEA ginger"))
                .extracting(LibraryEntry::claimText)
                .containsExactly("Ginger may ease nausea in pregnancy.", "Ginger may ease nausea.");
        assertThat(library.search("ginger colds")).isEmpty();
        assertThat(library.search("…")).isEmpty();
    }

    @Test
    void anApprovalAddsEachApprovedClaimWithAReferenceByItsLatestApproval() {
        ReviewBoard board = new ReviewBoard();
        Draft draft = Drafts.withTwoClaims();
        board.apply(new DraftArrived("d1", draft));
        decide(board, Drafts.NAUSEA, RITA, "https://example.org/old", T0, null);
        decide(board, Drafts.NAUSEA, PAUL, "PMID: 123", T0.plusSeconds(60), null);
        decide(board, Drafts.DOSE, RITA, null, T0, null);
        decide(board, Drafts.DOSE, PAUL, "the leaflet", T0, null);
        AtomicInteger ids = new AtomicInteger();

        List<LibraryEntry> entries = ClaimLibrary.entriesOf(
                board.find(Drafts.ARTICLE).orElseThrow(),
                Duration.ofDays(365),
                () -> "lib-event-" + ids.incrementAndGet());

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.claimText()).isEqualTo(Drafts.NAUSEA.text());
            assertThat(entry.references()).containsExactly("PMID:123");
            assertThat(entry.reviewer()).isEqualTo(PAUL);
            assertThat(entry.approvedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(entry.expiresAt()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofDays(365)));
            assertThat(entry.claimId()).isEqualTo("c-nausea");
            assertThat(entry.isRetired()).isFalse();
        });
    }

    @Test
    void aRetiredEntryReopensTheClaimsAcceptedFromItUntilTheRevisionIsApproved() {
        ReviewBoard board = new ReviewBoard();
        board.apply(new DraftArrived("d1", Drafts.withTwoClaims()));
        String key = ClaimLibrary.keyOf(Drafts.NAUSEA.text());
        decide(board, Drafts.NAUSEA, RITA, "doi:10.1000/ginger", T0, key);
        decide(board, Drafts.DOSE, PAUL, null, T0, null);
        assertThat(board.find(Drafts.ARTICLE)
                        .orElseThrow()
                        .claimState("c-nausea")
                        .orElseThrow()
                        .approvals())
                .isEqualTo(1);

        board.libraryEntryRetired(key, T0.plusSeconds(5));

        ArticleReview review = board.find(Drafts.ARTICLE).orElseThrow();
        assertThat(review.claimState("c-nausea").orElseThrow().isOpen()).isTrue();
        assertThat(review.claimState("c-nausea").orElseThrow().approvals()).isZero();
        assertThat(review.claimState("c-dose").orElseThrow().decisions()).hasSize(1);

        // A decision made after the retirement, even naming the key, counts.
        decide(board, Drafts.NAUSEA, RITA, "doi:10.1000/ginger", T0.plusSeconds(10), key);
        assertThat(board.find(Drafts.ARTICLE)
                        .orElseThrow()
                        .claimState("c-nausea")
                        .orElseThrow()
                        .approvals())
                .isEqualTo(1);
    }

    private static void decide(
            ReviewBoard board, Claim claim, Reviewer reviewer, String reference, Instant at, String libraryKey) {
        board.apply(new ClaimDecided(
                "cd-" + claim.id() + reviewer.username() + at,
                Drafts.ARTICLE,
                1,
                Drafts.withTwoClaims().contentHash(),
                new ClaimDecision(claim.id(), 1, ClaimVerdict.APPROVED, null, reference, reviewer, at, libraryKey)));
    }
}
