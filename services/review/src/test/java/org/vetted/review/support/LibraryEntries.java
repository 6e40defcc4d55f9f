package org.vetted.review.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.LibraryEntry;

/**
 * Claims library entries of our own writing: an entry approved by Paul a day before {@code now}, offered for 300 days,
 * from revision 1 of an earlier article; each test names only what it is about.
 */
public final class LibraryEntries {
    private String eventId = "lib-event-1";
    private final String text;
    private ClaimKind kind = ClaimKind.EFFECT;
    private List<String> references = List.of("doi:10.1000/curcumin");
    private Instant approvedAt;
    private Instant expiresAt;
    private String articleId = "art-earlier";
    private String claimId = "c-pain";
    private String section = "Does It Work?";

    private LibraryEntries(String text, Instant now) {
        this.text = text;
        this.approvedAt = now.minus(Duration.ofDays(1));
        this.expiresAt = now.plus(Duration.ofDays(300));
    }

    /** An entry of the claim text {@code text}, its key the library's for that text. */
    public static LibraryEntries entry(String text, Instant now) {
        return new LibraryEntries(text, now);
    }

    /** "Curcumin may reduce knee pain.", claim c-pain of "Does It Work?". */
    public static LibraryEntries pain(Instant now) {
        return entry("Curcumin may reduce knee pain.", now);
    }

    /** "Trials used 1,000 mg a day.", a dose, claim c-dose of "How Much?". */
    public static LibraryEntries dose(Instant now) {
        return entry("Trials used 1,000 mg a day.", now)
                .eventId("lib-event-dose")
                .kind(ClaimKind.DOSE)
                .references("doi:10.1000/curcumin-dose")
                .claimId("c-dose")
                .section("How Much?");
    }

    public LibraryEntries eventId(String eventId) {
        this.eventId = eventId;
        return this;
    }

    public LibraryEntries kind(ClaimKind kind) {
        this.kind = kind;
        return this;
    }

    public LibraryEntries references(String... references) {
        this.references = List.of(references);
        return this;
    }

    public LibraryEntries approvedAt(Instant approvedAt) {
        this.approvedAt = approvedAt;
        return this;
    }

    public LibraryEntries expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public LibraryEntries articleId(String articleId) {
        this.articleId = articleId;
        return this;
    }

    public LibraryEntries claimId(String claimId) {
        this.claimId = claimId;
        return this;
    }

    public LibraryEntries section(String section) {
        this.section = section;
        return this;
    }

    public LibraryEntry build() {
        return new LibraryEntry(
                eventId,
                ClaimLibrary.keyOf(text),
                text,
                kind,
                references,
                Actors.PAUL.asReviewer(),
                approvedAt,
                expiresAt,
                articleId,
                1,
                claimId,
                null,
                section);
    }
}
