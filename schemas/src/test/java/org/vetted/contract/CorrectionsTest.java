package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;

class CorrectionsTest {
    private static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");
    private static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);

    @Test
    void everyFieldOfArticlePublishedIsInArticleCorrectedWithTheSameSchema() {
        for (Schema.Field field : ArticlePublished.SCHEMA$.getFields()) {
            Schema.Field same = ArticleCorrected.SCHEMA$.getField(field.name());
            assertThat(same).as(field.name()).isNotNull();
            assertThat(same.schema()).as(field.name()).isEqualTo(field.schema());
        }
    }

    @Test
    void articleCorrectedAddsOnlyTheNoteAndItsTime() {
        List<String> extra = ArticleCorrected.SCHEMA$.getFields().stream()
                .map(Schema.Field::name)
                .filter(name -> ArticlePublished.SCHEMA$.getField(name) == null)
                .toList();
        assertThat(extra).containsExactlyInAnyOrderElementsOf(Corrections.CORRECTION_ONLY);
    }

    @Test
    void aCorrectionIsTheSameRecordAsBuiltFieldByField() {
        ArticlePublished published = published();
        ArticleCorrected copied = Corrections.asCorrected(published, "Dose fixed.", AT);

        ArticleCorrected byHand = ArticleCorrected.newBuilder()
                .setEventId(published.getEventId())
                .setArticleId(published.getArticleId())
                .setRevision(published.getRevision())
                .setSlug(published.getSlug())
                .setTitle(published.getTitle())
                .setSummary(published.getSummary())
                .setHtml(published.getHtml())
                .setUrl(published.getUrl())
                .setAuthors(published.getAuthors())
                .setTags(published.getTags())
                .setMedicallyReviewedBy(published.getMedicallyReviewedBy())
                .setMedicalReviewers(published.getMedicalReviewers())
                .setMedicallyReviewedAt(published.getMedicallyReviewedAt())
                .setClaimProvenance(published.getClaimProvenance())
                .setContentHash(published.getContentHash())
                .setPublishedAt(published.getPublishedAt())
                .setPublishAt(published.getPublishAt())
                .setCorrection("Dose fixed.")
                .setCorrectedAt(AT)
                .setSeal(null)
                .build();
        assertThat(copied).isEqualTo(byHand);
        assertThat(Corrections.asPublished(copied)).isEqualTo(published);
        // Signed in place: the same bytes signed, the same seal.
        assertThat(DISTRIBUTION.sign(copied).getSeal())
                .isEqualTo(DISTRIBUTION.sign(byHand).getSeal());
    }

    @Test
    void theSignedCorrectionReadsBackAsThePublicationItMakes() {
        ArticleCorrected signed = DISTRIBUTION.sign(Corrections.asCorrected(published(), "Dose fixed.", AT));
        ArticlePublished page = Corrections.asPublished(signed);

        assertThat(DISTRIBUTION.problem(signed)).isEmpty();
        assertThat(page.getSeal()).isEqualTo(signed.getSeal());
        assertThat(page.getTitle()).isEqualTo("T");
        assertThat(page.getPublishAt()).isEqualTo(AT.plusSeconds(60));
    }

    private static ArticlePublished published() {
        return ArticlePublished.newBuilder()
                .setEventId("p-1")
                .setArticleId("a-1")
                .setRevision(2)
                .setSlug("s")
                .setTitle("T")
                .setSummary("S")
                .setHtml("<p>B</p>")
                .setUrl("https://example.org/articles/s")
                .setAuthors(List.of(new Author("wanda", "Wanda Writer")))
                .setTags(List.of("nutrition"))
                .setMedicallyReviewedBy(new Reviewer("paul", "Paul Park", "PharmD"))
                .setMedicalReviewers(List.of(new Reviewer("paul", "Paul Park", "PharmD")))
                .setMedicallyReviewedAt(AT)
                .setContentHash("sha256v2:abc")
                .setPublishedAt(AT)
                .setPublishAt(AT.plusSeconds(60))
                .build();
    }
}
