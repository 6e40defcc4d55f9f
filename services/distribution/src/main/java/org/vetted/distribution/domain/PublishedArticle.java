package org.vetted.distribution.domain;

import java.time.Instant;
import java.util.List;

/**
 * An article revision as it goes public. Made with {@link #builder()} (or {@link #toBuilder()} from another).
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
 *                            publications made before the contract carried it
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

    /** A publication to fill in by name: lists empty, no seal, no correction and no embargo unless set. */
    public static Builder builder() {
        return new Builder();
    }

    /** This publication to change by name: the builder starts from every field of this one. */
    public Builder toBuilder() {
        return new Builder()
                .eventId(eventId)
                .articleId(articleId)
                .revision(revision)
                .slug(slug)
                .title(title)
                .summary(summary)
                .html(html)
                .url(url)
                .authors(authors)
                .tags(tags)
                .medicallyReviewedBy(medicallyReviewedBy)
                .medicalReviewers(medicalReviewers)
                .medicallyReviewedAt(medicallyReviewedAt)
                .contentHash(contentHash)
                .publishedAt(publishedAt)
                .seal(seal)
                .claimProvenance(claimProvenance)
                .correction(correction)
                .publishAt(publishAt);
    }

    /** Fills a {@link PublishedArticle} by field name; {@link #build} makes it with the canonical constructor. */
    public static final class Builder {
        private String eventId;
        private String articleId;
        private int revision;
        private String slug;
        private String title;
        private String summary;
        private String html;
        private String url;
        private List<Author> authors = List.of();
        private List<String> tags = List.of();
        private Reviewer medicallyReviewedBy;
        private List<Reviewer> medicalReviewers = List.of();
        private Instant medicallyReviewedAt;
        private String contentHash;
        private Instant publishedAt;
        private String seal;
        private List<ClaimProvenance> claimProvenance = List.of();
        private String correction;
        private Instant publishAt;

        private Builder() {}

        public Builder eventId(String eventId) {
            this.eventId = eventId;
            return this;
        }

        public Builder articleId(String articleId) {
            this.articleId = articleId;
            return this;
        }

        public Builder revision(int revision) {
            this.revision = revision;
            return this;
        }

        public Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        public Builder html(String html) {
            this.html = html;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder authors(List<Author> authors) {
            this.authors = authors;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder medicallyReviewedBy(Reviewer medicallyReviewedBy) {
            this.medicallyReviewedBy = medicallyReviewedBy;
            return this;
        }

        public Builder medicalReviewers(List<Reviewer> medicalReviewers) {
            this.medicalReviewers = medicalReviewers;
            return this;
        }

        public Builder medicallyReviewedAt(Instant medicallyReviewedAt) {
            this.medicallyReviewedAt = medicallyReviewedAt;
            return this;
        }

        public Builder contentHash(String contentHash) {
            this.contentHash = contentHash;
            return this;
        }

        public Builder publishedAt(Instant publishedAt) {
            this.publishedAt = publishedAt;
            return this;
        }

        public Builder seal(String seal) {
            this.seal = seal;
            return this;
        }

        public Builder claimProvenance(List<ClaimProvenance> claimProvenance) {
            this.claimProvenance = claimProvenance;
            return this;
        }

        public Builder correction(String correction) {
            this.correction = correction;
            return this;
        }

        public Builder publishAt(Instant publishAt) {
            this.publishAt = publishAt;
            return this;
        }

        public PublishedArticle build() {
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
                    correction,
                    publishAt);
        }
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
