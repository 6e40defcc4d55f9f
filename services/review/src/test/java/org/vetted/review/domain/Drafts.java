package org.vetted.review.domain;

import java.time.Instant;
import java.util.List;
import org.vetted.review.domain.draft.Author;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.draft.Expert;

/** Drafts of our own writing, shaped like real submissions: a question title, curly quotes, dashes, hedges. */
public final class Drafts {
    public static final String ARTICLE = "art-ginger";
    public static final Author WANDA = new Author("wanda", "Wanda Writer");
    public static final Author DANA = new Author("dana", "Dana Diaz");

    public static final Claim NAUSEA = new Claim(
            "c-nausea", "Ginger may ease nausea in early pregnancy.", ClaimKind.EFFECT, true, "Does It Help?");
    public static final Claim DOSE = new Claim(
            "c-dose",
            "Most studies used 1\u00a0g of ginger a day — split into several doses.",
            ClaimKind.DOSE,
            false,
            "How Much?");

    /** Revision 1 by Wanda with two claims. */
    public static Draft withTwoClaims() {
        return revision(1, List.of(WANDA), List.of(NAUSEA, DOSE), "“Ginger is an old remedy,” says one expert.\n");
    }

    /** Revision {@code revision} by Wanda with both claims and a body that differs per revision. */
    public static Draft revision(int revision) {
        return revision(
                revision, List.of(WANDA), List.of(NAUSEA, DOSE), "Revision " + revision + " — “ginger” text.\n");
    }

    /** Co-written by Dana, who is also a medical reviewer. */
    public static Draft coWrittenByDana() {
        return revision(1, List.of(WANDA, DANA), List.of(NAUSEA), "Dana’s notes.\n");
    }

    /** Co-written by Dana under a name spelled another way, with no account behind the credit. */
    public static Draft coWrittenByDanaAs(String credit) {
        return revision(
                1,
                List.of(WANDA, new Author("external:" + credit.hashCode(), credit)),
                List.of(NAUSEA),
                "Dana’s notes.\n");
    }

    public static Draft withoutClaims() {
        return revision(1, List.of(WANDA), List.of(), "A personal story, no health claims.\n");
    }

    public static Draft revision(int revision, List<Author> authors, List<Claim> claims, String body) {
        String title = "Does Ginger Really Settle a Queasy Stomach?";
        return new Draft(
                ARTICLE,
                revision,
                "does-ginger-really-settle-a-queasy-stomach",
                title,
                null,
                authors,
                List.of("nutrition"),
                body,
                "sha256:rev" + revision + "-" + Integer.toHexString(body.hashCode()),
                claims,
                List.of(new Expert("Ada Moreno", "MD"), new Expert("Sam Lee", null)),
                List.of("claim without a citation"),
                Instant.parse("2026-03-01T10:00:00Z").plusSeconds(revision));
    }

    private Drafts() {}
}
