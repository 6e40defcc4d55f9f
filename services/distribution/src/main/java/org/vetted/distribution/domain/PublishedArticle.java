package org.vetted.distribution.domain;

import java.time.Instant;
import java.util.List;

/**
 * An article revision as it goes public.
 *
 * @param url                 where distribution serves the page
 * @param medicallyReviewedBy the reviewer who signed the approval off
 * @param medicalReviewers    everyone the approval rests on, the signer first, as signed; empty in publications
 *                            made before the contract carried it (see {@link #credited()})
 * @param contentHash         the approved hash, equal to the hash of the published source
 * @param seal                distribution's signature over all the other fields, opaque here: null until the
 *                            messaging edge signs what it publishes; kept with the page, so that a page read back
 *                            from outside the process is served only while it still verifies
 * @param claimProvenance     how each claim was reviewed, as review signed it in the approval; empty in
 *                            publications made before the contract carried it (last so the older constructors stay)
 * @param correction          the correction note review approved, null when this revision is no correction; its
 *                            {@link #publishedAt} is when it was corrected
 * @param publishAt           the embargo review approved (not published before it), null when none
 */
public record PublishedArticle(
        String eventId,
        String articleId,
        int revision,
        String slug,
        String title,
        String summary,
        String html,
        String url,
        List<Author> authors,
        List<String> tags,
        Reviewer medicallyReviewedBy,
        List<Reviewer> medicalReviewers,
        Instant medicallyReviewedAt,
        String contentHash,
        Instant publishedAt,
        String seal,
        List<ClaimProvenance> claimProvenance,
        String correction,
        Instant publishAt)
        implements PublicEvent {
    public PublishedArticle {
        authors = List.copyOf(authors);
        tags = List.copyOf(tags);
        medicalReviewers = List.copyOf(medicalReviewers);
        claimProvenance = List.copyOf(claimProvenance);
    }

    /** No correction, no embargo. */
    public PublishedArticle(
            String eventId,
            String articleId,
            int revision,
            String slug,
            String title,
            String summary,
            String html,
            String url,
            List<Author> authors,
            List<String> tags,
            Reviewer medicallyReviewedBy,
            List<Reviewer> medicalReviewers,
            Instant medicallyReviewedAt,
            String contentHash,
            Instant publishedAt,
            String seal,
            List<ClaimProvenance> claimProvenance) {
        this(
                eventId,
                articleId,
                revision,
                slug,
                title,
                summary,
                html,
                url,
                authors,
                tags,
                medicallyReviewedBy,
                medicalReviewers,
                medicallyReviewedAt,
                contentHash,
                publishedAt,
                seal,
                claimProvenance,
                null,
                null);
    }

    /** Without provenance, signed or not. */
    public PublishedArticle(
            String eventId,
            String articleId,
            int revision,
            String slug,
            String title,
            String summary,
            String html,
            String url,
            List<Author> authors,
            List<String> tags,
            Reviewer medicallyReviewedBy,
            List<Reviewer> medicalReviewers,
            Instant medicallyReviewedAt,
            String contentHash,
            Instant publishedAt,
            String seal) {
        this(
                eventId,
                articleId,
                revision,
                slug,
                title,
                summary,
                html,
                url,
                authors,
                tags,
                medicallyReviewedBy,
                medicalReviewers,
                medicallyReviewedAt,
                contentHash,
                publishedAt,
                seal,
                List.of());
    }

    /** Not signed yet, as {@link ArticlePublisher} makes it. */
    public PublishedArticle(
            String eventId,
            String articleId,
            int revision,
            String slug,
            String title,
            String summary,
            String html,
            String url,
            List<Author> authors,
            List<String> tags,
            Reviewer medicallyReviewedBy,
            List<Reviewer> medicalReviewers,
            Instant medicallyReviewedAt,
            String contentHash,
            Instant publishedAt) {
        this(
                eventId,
                articleId,
                revision,
                slug,
                title,
                summary,
                html,
                url,
                authors,
                tags,
                medicallyReviewedBy,
                medicalReviewers,
                medicallyReviewedAt,
                contentHash,
                publishedAt,
                null);
    }

    /** The same publication carrying {@code provenance}. */
    public PublishedArticle withProvenance(List<ClaimProvenance> provenance) {
        return new PublishedArticle(
                eventId,
                articleId,
                revision,
                slug,
                title,
                summary,
                html,
                url,
                authors,
                tags,
                medicallyReviewedBy,
                medicalReviewers,
                medicallyReviewedAt,
                contentHash,
                publishedAt,
                seal,
                provenance,
                correction,
                publishAt);
    }

    /** The same publication as a correction with this note (null: none) and embargo (null: none). */
    public PublishedArticle withCorrectionAndEmbargo(String note, Instant embargo) {
        return new PublishedArticle(
                eventId,
                articleId,
                revision,
                slug,
                title,
                summary,
                html,
                url,
                authors,
                tags,
                medicallyReviewedBy,
                medicalReviewers,
                medicallyReviewedAt,
                contentHash,
                publishedAt,
                seal,
                claimProvenance,
                note,
                embargo);
    }

    /** A corrected revision of a published article: goes public as {@code ArticleCorrected}, with its note. */
    public boolean isCorrection() {
        return correction != null;
    }

    /**
     * Who is credited with the medical review, the signer first. Kept apart from {@link #medicalReviewers()}, which
     * stays exactly as signed: a publication made before the list existed credits its signer alone.
     */
    public List<Reviewer> credited() {
        return medicalReviewers.isEmpty() ? List.of(medicallyReviewedBy) : medicalReviewers;
    }
}
