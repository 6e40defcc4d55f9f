package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vetted.events.Approval;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;

class SealsTest {
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final Reviewer RITA = new Reviewer("rita", "Rita Reyes", "MD");
    private static final List<Author> AUTHORS = List.of(new Author("wanda", "Wanda Writer"));
    private final Seals seals = Seals.withSecret("a test key that is long enough for HMAC-SHA256");

    @Test
    void anApprovalSealVerifiesOnlyForExactlyWhatWasApproved() {
        Approval approval = sealed(approval("sha256:abc", RITA));

        assertThat(approval.getSeal()).startsWith(Seals.PREFIX);
        assertThat(seals.approvalIsSealed("a-1", "slug", AUTHORS, List.of("sleep"), approval)).isTrue();
        assertThat(seals.approvalIsSealed("a-2", "slug", AUTHORS, List.of("sleep"), approval)).isFalse();
        assertThat(seals.approvalIsSealed("a-1", "other-slug", AUTHORS, List.of("sleep"), approval)).isFalse();
        assertThat(seals.approvalIsSealed("a-1", "slug", List.of(), List.of("sleep"), approval)).isFalse();
        assertThat(seals.approvalIsSealed("a-1", "slug", AUTHORS, List.of(), approval)).isFalse();
        assertThat(seals.approvalIsSealed("a-1", "slug", AUTHORS, List.of("sleep"),
                Approval.newBuilder(approval).setContentHash("sha256:abd").build())).isFalse();
        assertThat(seals.approvalIsSealed("a-1", "slug", AUTHORS, List.of("sleep"),
                Approval.newBuilder(approval).setRevision(2).build())).isFalse();
        assertThat(seals.approvalIsSealed("a-1", "slug", AUTHORS, List.of("sleep"),
                Approval.newBuilder(approval).setApprovedAt(AT.plusMillis(1)).build())).isFalse();
        assertThat(seals.approvalIsSealed("a-1", "slug", AUTHORS, List.of("sleep"),
                Approval.newBuilder(approval).setSeal(null).build())).isFalse();
    }

    @Test
    void theBylineIsSealedToo() {
        Approval approval = sealed(approval("sha256:abc", RITA));
        Approval promoted = Approval.newBuilder(approval)
                .setSignedOffBy(new Reviewer("rita", "Dr. Rita Reyes", "MD, PhD")).build();

        assertThat(seals.approvalIsSealed("a-1", "slug", AUTHORS, List.of("sleep"), promoted)).isFalse();
    }

    @Test
    void aRenderingSealCoversTheHtmlAndWhereItGoes() {
        ArticleRendered rendered = rendered("<p>Zinc may shorten a cold.</p>");
        rendered.setRenderSeal(seals.rendering(rendered));

        assertThat(seals.renderingIsSealed(rendered)).isTrue();
        assertThat(seals.renderingIsSealed(ArticleRendered.newBuilder(rendered)
                .setHtml("<p>Zinc will cure a cold.</p>").build())).isFalse();
        assertThat(seals.renderingIsSealed(ArticleRendered.newBuilder(rendered).setSlug("elsewhere").build())).isFalse();
        assertThat(seals.renderingIsSealed(ArticleRendered.newBuilder(rendered).setTitle("Other").build())).isFalse();
    }

    @Test
    void aPublicationSealCoversEveryFieldAReaderSees() {
        ArticlePublished published = ArticlePublished.newBuilder()
                .setEventId("e-1").setArticleId("a-1").setRevision(1).setSlug("slug").setTitle("T").setSummary("S")
                .setHtml("<p>x</p>").setUrl("https://example.org/articles/slug").setAuthors(AUTHORS)
                .setTags(List.of()).setMedicallyReviewedBy(RITA).setMedicallyReviewedAt(AT)
                .setContentHash("sha256:abc").setPublishedAt(AT).build();
        published.setSeal(seals.publication(published));

        assertThat(seals.publicationIsSealed(published)).isTrue();
        assertThat(seals.publicationIsSealed(ArticlePublished.newBuilder(published).setSummary("Cures all").build()))
                .isFalse();
        assertThat(seals.publicationIsSealed(ArticlePublished.newBuilder(published)
                .setMedicallyReviewedBy(new Reviewer("x", "Dr. X", "MD")).build())).isFalse();
    }

    @Test
    void aSealFromAnotherKeyDoesNotVerifyAndShortKeysAreRefused() {
        Seals other = Seals.withSecret("another key, also long enough for HMAC-SHA256");
        Approval foreign = Approval.newBuilder(approval("sha256:abc", RITA))
                .setSeal(other.approval("a-1", "slug", AUTHORS, List.of("sleep"), approval("sha256:abc", RITA)))
                .build();

        assertThat(seals.approvalIsSealed("a-1", "slug", AUTHORS, List.of("sleep"), foreign)).isFalse();
        assertThatThrownBy(() -> Seals.withSecret("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Seals.withSecret(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private Approval sealed(Approval approval) {
        return Approval.newBuilder(approval)
                .setSeal(seals.approval("a-1", "slug", AUTHORS, List.of("sleep"), approval)).build();
    }

    private static Approval approval(String hash, Reviewer signer) {
        return Approval.newBuilder().setRevision(1).setContentHash(hash).setSignedOffBy(signer)
                .setClaimReviewers(List.of(signer)).setApprovedAt(AT).setSeal(null).build();
    }

    private ArticleRendered rendered(String html) {
        return ArticleRendered.newBuilder()
                .setEventId("e-1").setArticleId("a-1").setRevision(1).setSlug("slug").setTitle("T").setSummary(null)
                .setAuthors(AUTHORS).setTags(List.of()).setBodyMarkdown("Zinc may shorten a cold.\n")
                .setSourceHash("sha256:abc").setHtml(html).setApproval(sealed(approval("sha256:abc", RITA)))
                .setRenderedAt(AT).setRenderSeal(null).build();
    }
}
