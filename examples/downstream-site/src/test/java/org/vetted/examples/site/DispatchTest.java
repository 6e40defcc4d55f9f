package org.vetted.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetted.examples.site.Records.DISTRIBUTION;
import static org.vetted.examples.site.Records.article;
import static org.vetted.examples.site.Records.signed;
import static org.vetted.examples.site.Records.value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetted.contract.EventCatalog;
import org.vetted.events.ArticlePublished;
import org.vetted.events.DraftSubmitted;

class DispatchTest {
    @TempDir
    Path root;

    Dispatch dispatch;

    @BeforeEach
    void site() throws IOException {
        Path keys = Files.createDirectory(root.resolve("keys"));
        dispatch = new Dispatch(new RecordVerifier(Records.servedKeys(keys)), StaticSite.open(root.resolve("site")));
    }

    @Test
    void aSignedPublicationBecomesAPage() {
        byte[] value = value(article("a-1", 1, "walking", "Walking"));

        assertThat(dispatch.handle("p-0@0", signed(value), value)).isEqualTo(Dispatch.Outcome.APPLIED);
        assertThat(root.resolve("site/articles/walking.html")).exists();
    }

    @Test
    void aSealedPublicationWithoutTheHeaderOrWithAChangedByteIsRefusedAndWritesNothing() {
        byte[] value = value(article("a-1", 1, "walking", "Walking"));
        byte[] altered = value.clone();
        altered[altered.length - 1] ^= 1;

        assertThat(dispatch.handle("p-0@0", new RecordHeaders(), value)).isEqualTo(Dispatch.Outcome.REFUSED);
        assertThat(dispatch.handle("p-0@1", signed(value), altered)).isEqualTo(Dispatch.Outcome.REFUSED);
        assertThat(root.resolve("site/articles/walking.html")).doesNotExist();
    }

    @Test
    void aTypeNamedByTheHeaderThatThisSiteDoesNotHandleIsSkipped() {
        // As a record type added to the topic after this site was written arrives: signed, typed, of a schema it may
        // not know.
        byte[] value = value(article("a-1", 1, "walking", "Walking"));
        Headers headers = signed(value);
        headers.add(
                Dispatch.EVENT_TYPE_HEADER,
                "org.vetted.events.ArticleFromAFutureRelease".getBytes(StandardCharsets.UTF_8));

        assertThat(dispatch.handle("p-0@0", headers, value)).isEqualTo(Dispatch.Outcome.SKIPPED);
        assertThat(root.resolve("site/articles/walking.html")).doesNotExist();
    }

    @Test
    void aRetractionMarksThePageAndATakedownRemovesIt() throws Exception {
        byte[] published = value(article("a-1", 1, "walking", "Walking"));
        assertThat(dispatch.handle("p-0@0", signed(published), published)).isEqualTo(Dispatch.Outcome.APPLIED);
        org.vetted.events.Reviewer rita = new org.vetted.events.Reviewer("rita", "Rita Reyes", "MD");
        byte[] retracted = EventCatalog.standard()
                .encode(DISTRIBUTION.sign(org.vetted.events.ArticleRetracted.newBuilder()
                        .setEventId("r-1")
                        .setArticleId("a-1")
                        .setRevision(1)
                        .setSlug("walking")
                        .setTitle("Walking")
                        .setReason("The dose table was wrong.")
                        .setDecidedBy(rita)
                        .setDecidedAt(Records.AT)
                        .build()));

        assertThat(dispatch.handle("p-0@1", signed(retracted), retracted)).isEqualTo(Dispatch.Outcome.APPLIED);
        assertThat(Files.readString(root.resolve("site/articles/walking.html"))).contains("The dose table was wrong.");

        byte[] unpublished = EventCatalog.standard()
                .encode(DISTRIBUTION.sign(org.vetted.events.ArticleUnpublished.newBuilder()
                        .setEventId("u-1")
                        .setArticleId("a-1")
                        .setRevision(1)
                        .setSlug("walking")
                        .setReason("Legal request.")
                        .setDecidedBy(rita)
                        .setDecidedAt(Records.AT)
                        .build()));
        assertThat(dispatch.handle("p-0@2", signed(unpublished), unpublished)).isEqualTo(Dispatch.Outcome.APPLIED);
        assertThat(root.resolve("site/articles/walking.html")).doesNotExist();
    }

    @Test
    void aReviewDueThenExpiredIsShownOnThePageUntilAPublicationReviewedAgainClearsIt() throws Exception {
        ArticlePublished article = article("a-1", 1, "walking", "Walking");
        byte[] published = value(article);
        assertThat(dispatch.handle("p-0@0", signed(published), published)).isEqualTo(Dispatch.Outcome.APPLIED);
        java.time.Instant reviewed = article.getMedicallyReviewedAt();
        byte[] due = EventCatalog.standard()
                .encode(DISTRIBUTION.sign(org.vetted.events.ArticleReviewDue.newBuilder()
                        .setEventId("d-1")
                        .setArticleId("a-1")
                        .setRevision(1)
                        .setContentHash(article.getContentHash())
                        .setSlug("walking")
                        .setLastReviewedAt(reviewed)
                        .setReviewBy(reviewed.plusSeconds(86_400 * 365))
                        .setReason("the medical review is due")
                        .setDueAt(Records.AT)
                        .build()));
        byte[] expired = EventCatalog.standard()
                .encode(DISTRIBUTION.sign(org.vetted.events.ArticleReviewExpired.newBuilder()
                        .setEventId("e-1")
                        .setArticleId("a-1")
                        .setRevision(1)
                        .setContentHash(article.getContentHash())
                        .setSlug("walking")
                        .setLastReviewedAt(reviewed)
                        .setReviewBy(reviewed.plusSeconds(86_400 * 365))
                        .setReason("the medical review expired")
                        .setExpiredAt(Records.AT)
                        .build()));
        Headers dueHeaders = signed(due);
        dueHeaders.add(Dispatch.EVENT_TYPE_HEADER, "ArticleReviewDue".getBytes(StandardCharsets.UTF_8));

        assertThat(dispatch.handle("p-0@1", dueHeaders, due)).isEqualTo(Dispatch.Outcome.APPLIED);
        assertThat(Files.readString(root.resolve("site/articles/walking.html"))).contains("Medical review due");
        assertThat(dispatch.handle("p-0@2", signed(expired), expired)).isEqualTo(Dispatch.Outcome.APPLIED);
        String overdue = Files.readString(root.resolve("site/articles/walking.html"));
        assertThat(overdue).contains("Medical review overdue").contains("the medical review expired");
        // Replayed from offset 0: the same page, byte for byte; a "due" read again does not undo the expiry.
        assertThat(dispatch.handle("p-0@1", signed(due), due)).isEqualTo(Dispatch.Outcome.APPLIED);
        assertThat(Files.readString(root.resolve("site/articles/walking.html"))).isEqualTo(overdue);

        ArticlePublished again = article("a-1", 1, "walking", "Walking");
        again.setEventId("again");
        again.setMedicallyReviewedAt(Records.AT.plusSeconds(60));
        again.setSeal(null);
        DISTRIBUTION.sign(again);
        byte[] reviewedAgain = value(again);
        assertThat(dispatch.handle("p-0@3", signed(reviewedAgain), reviewedAgain))
                .isEqualTo(Dispatch.Outcome.APPLIED);
        assertThat(Files.readString(root.resolve("site/articles/walking.html"))).doesNotContain("Medical review");
    }

    @Test
    void aTypeHeaderThatDisagreesWithTheSignedRecordIsRefused() {
        byte[] value = value(article("a-1", 1, "walking", "Walking"));
        Headers headers = signed(value);
        headers.add(Dispatch.EVENT_TYPE_HEADER, "ArticlePublished".getBytes(StandardCharsets.UTF_8));
        byte[] draft = EventCatalog.standard()
                .encode(org.vetted.contract.signing.DemoKeys.signaturesOf(org.vetted.contract.signing.Issuer.INTAKE)
                        .sign(draft()));
        Headers draftHeaders = signed(draft);
        draftHeaders.add(Dispatch.EVENT_TYPE_HEADER, "ArticlePublished".getBytes(StandardCharsets.UTF_8));

        assertThat(dispatch.handle("p-0@0", headers, value)).isEqualTo(Dispatch.Outcome.APPLIED);
        assertThat(dispatch.handle("p-0@1", draftHeaders, draft)).isEqualTo(Dispatch.Outcome.REFUSED);
    }

    @Test
    void aRecordOfAnUnknownWriterSchemaIsSkipped() {
        byte[] value = value(article("a-1", 1, "walking", "Walking"));
        value[2] ^= (byte) 0xFF; // another fingerprint: a schema of a release newer than this site's contract
        String header = DISTRIBUTION.signValue(value);

        assertThat(dispatch.handle("p-0@0", Records.headers(header), value)).isEqualTo(Dispatch.Outcome.SKIPPED);
    }

    @Test
    void aKnownRecordTypeThisSiteDoesNotHandleIsSkipped() {
        byte[] draft = EventCatalog.standard().encode(draft());

        assertThat(dispatch.handle("p-0@0", signed(draft), draft)).isEqualTo(Dispatch.Outcome.SKIPPED);
    }

    private static DraftSubmitted draft() {
        ArticlePublished published = article("a-9", 1, "x", "X");
        return DraftSubmitted.newBuilder()
                .setEventId("d-1")
                .setArticleId("a-9")
                .setRevision(1)
                .setSlug("x")
                .setTitle("X")
                .setSummary(null)
                .setAuthors(published.getAuthors())
                .setTags(java.util.List.of())
                .setBodyMarkdown("Body.")
                .setContentHash("sha256v2:abc")
                .setClaims(java.util.List.of())
                .setExperts(java.util.List.of())
                .setWarnings(java.util.List.of())
                .setSubmittedAt(Records.AT)
                .build();
    }
}
