package org.vetted.review.support;

import java.time.Instant;
import java.util.List;
import org.vetted.contract.ContentHash;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.Author;
import org.vetted.events.Claim;
import org.vetted.events.ClaimKind;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.Expert;

/** DraftSubmitted events of our own writing, with a real content hash. */
public final class DraftEvents {
    /** Intake's demo key: drafts are intake's to sign, and review skips any draft it did not sign. */
    public static final Signatures INTAKE = DemoKeys.signaturesOf(Issuer.INTAKE);

    public static final String TITLE = "Can Turmeric Calm Joint Pain?";
    public static final String SUMMARY = "What the trials say — and what they don’t.";

    public static String body(int revision) {
        return "## Does It Work?\n\n“Curcumin may reduce knee pain,” says Ada Moreno, MD.\u00a0Revision " + revision
                + ".\n\n## How Much?\n\nTrials used 1,000\u00a0mg a day — with food.\n";
    }

    /** The content hash of every article's revision {@code revision}: what a reviewer approves. */
    public static String contentHash(int revision) {
        return draft("any-article", revision, false).getContentHash();
    }

    /** A sign-off body approving the text of revision {@code revision}. */
    public static String approving(int revision) {
        return signingOff("APPROVE", revision);
    }

    /**
     * A sign-off body with {@code decision} (APPROVE, REQUEST_CHANGES, REJECT) on the text of {@code revision}; a
     * rejection says why, as the rules require.
     */
    public static String signingOff(String decision, int revision) {
        return "{\"decision\":\"" + decision + "\",\"contentHash\":\"" + contentHash(revision) + "\""
                + ("REJECT".equals(decision) ? ",\"comment\":\"Unsafe advice throughout.\"" : "") + "}";
    }

    /** Revision {@code revision} of {@code articleId} by Wanda (and Dana when {@code withDana}), two claims. */
    public static DraftSubmitted draft(String articleId, int revision, boolean withDana) {
        return draft(articleId, revision, withDana, body(revision));
    }

    /** The two claims of every draft here: an effect (hedged) and a dose, which needs two reviewers. */
    public static List<Claim> claims() {
        return List.of(
                new Claim("c-pain", "Curcumin may reduce knee pain.", ClaimKind.EFFECT, true, "Does It Work?", false),
                new Claim("c-dose", "Trials used 1,000 mg a day.", ClaimKind.DOSE, false, "How Much?", false));
    }

    /** As {@link #draft(String, int, boolean)}, with {@code body} as the text. */
    public static DraftSubmitted draft(String articleId, int revision, boolean withDana, String body) {
        return draft(articleId, revision, withDana, body, claims());
    }

    /** As {@link #draft(String, int, boolean, String)}, with these claims (as intake would have found them). */
    public static DraftSubmitted draft(
            String articleId, int revision, boolean withDana, String body, List<Claim> claims) {
        List<Author> authors = withDana
                ? List.of(new Author("wanda", "Wanda Writer"), new Author("dana", "Dana Diaz"))
                : List.of(new Author("wanda", "Wanda Writer"));
        DraftSubmitted draft = DraftSubmitted.newBuilder()
                .setEventId(articleId + "-draft-" + revision)
                .setArticleId(articleId)
                .setRevision(revision)
                .setSlug("can-turmeric-calm-joint-pain")
                .setTitle(TITLE)
                .setSummary(SUMMARY)
                .setAuthors(authors)
                .setTags(List.of("supplements"))
                .setBodyMarkdown(body)
                .setContentHash("")
                .setClaims(claims)
                .setExperts(List.of(new Expert("Ada Moreno", "MD")))
                .setWarnings(List.of())
                .setSubmittedAt(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(revision))
                .build();
        draft.setContentHash(ContentHash.of(ContentHash.reviewed(draft)));
        return INTAKE.sign(draft);
    }

    /**
     * Revision 1 of {@code articleId} as {@link #draft(String, int, boolean)}, with its own title, tags and
     * submission time: for the queue's filters and order.
     */
    public static DraftSubmitted listed(
            String articleId, boolean withDana, String title, List<String> tags, Instant submittedAt) {
        DraftSubmitted draft = draft(articleId, 1, withDana);
        draft.setTitle(title);
        draft.setTags(List.copyOf(tags));
        draft.setSubmittedAt(submittedAt);
        draft.setSignature(null);
        draft.setContentHash("");
        draft.setContentHash(ContentHash.of(ContentHash.reviewed(draft)));
        return INTAKE.sign(draft);
    }

    private DraftEvents() {}
}
