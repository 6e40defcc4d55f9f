package org.vetted.distribution.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.distribution.Signed;
import org.vetted.distribution.app.InMemoryWithdrawalGate;
import org.vetted.distribution.app.PublishRenderedArticle;
import org.vetted.distribution.domain.ApprovalCheck;
import org.vetted.distribution.domain.ArticlePublisher;
import org.vetted.distribution.domain.Articles;
import org.vetted.distribution.domain.PublicSite;
import org.vetted.distribution.domain.WithdrawalKind;
import org.vetted.distribution.store.JdbcEmbargoes;
import org.vetted.distribution.store.JdbcPageStoreTestAccess;
import org.vetted.events.Approval;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;
import org.vetted.support.signing.Seals;
import org.vetted.support.time.MutableClock;

/** Embargoed renderings: held, published when the clock says they are due (never before), stopped by a withdrawal. */
class ReleaseEmbargoesTest {
    private static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);
    private static final Signatures RENDERING = DemoKeys.signaturesOf(Issuer.RENDERING);
    private static final Signatures READER = new Signatures(null, DemoKeys.trusted());
    private static final Instant NOW = Instant.parse("2026-12-07T11:00:00Z");
    private static final Instant PUBLISH_AT = NOW.plus(Duration.ofHours(2));

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryWithdrawalGate gate = new InMemoryWithdrawalGate();
    private final Seals seals = new Seals(Signed.DISTRIBUTION);
    private final java.util.Set<String> retired = new java.util.concurrent.CopyOnWriteArraySet<>();
    private final PublishRenderedArticle publishRendered = new PublishRenderedArticle(
            ApprovalCheck.defaults(),
            new ArticlePublisher(new PublicSite("https://vetted.example")),
            clock,
            gate,
            new org.vetted.distribution.app.RetiredClaims() {
                @Override
                public void record(String key, String eventId, boolean isRetired, byte[] entry) {}

                @Override
                public java.util.Set<String> retiredAmong(java.util.Collection<String> keys) {
                    return keys.stream().filter(retired::contains).collect(java.util.stream.Collectors.toSet());
                }
            });
    private final JdbcEmbargoes embargoes = embargoes();
    private final PublishArticle publishArticle =
            new PublishArticle(publishRendered, seals, new SimpleMeterRegistry(), embargoes);
    private final List<Message<byte[]>> sent = new CopyOnWriteArrayList<>();
    private final ReleaseEmbargoes release = new ReleaseEmbargoes(embargoes, publishRendered, seals, clock, sent::add);

    private static JdbcEmbargoes embargoes() {
        var database = JdbcPageStoreTestAccess.migratedDatabase();
        return new JdbcEmbargoes(
                new JdbcTemplate(database), new TransactionTemplate(new DataSourceTransactionManager(database)));
    }

    @Test
    void anEmbargoedRenderingIsHeldAndPublishedOnlyOnceItsTimeHasCome() {
        ArticleRendered rendered = rendered("art-1", PUBLISH_AT);

        assertThat(publishArticle.apply(MessageBuilder.withPayload(rendered).build()))
                .as("nothing goes public before its time")
                .isNull();
        assertThat(embargoes.state(rendered.getEventId())).contains("PENDING");

        clock.advance(Duration.ofHours(2).minusMillis(1));
        assertThat(release.releaseDue()).isZero();
        assertThat(sent).isEmpty();

        clock.advance(Duration.ofMillis(1));
        assertThat(release.releaseDue()).isEqualTo(1);
        assertThat(sent).singleElement().satisfies(message -> {
            assertThat(new String((byte[]) message.getHeaders().get(Topics.EVENT_TYPE_HEADER), StandardCharsets.UTF_8))
                    .isEqualTo("ArticlePublished");
            String header = new String(
                    (byte[]) message.getHeaders().get(Signatures.VALUE_SIGNATURE_HEADER), StandardCharsets.US_ASCII);
            assertThat(READER.valueProblem(Issuer.DISTRIBUTION, header, message.getPayload()))
                    .isEmpty();
            ArticlePublished published =
                    (ArticlePublished) EventCatalog.standard().decode(message.getPayload());
            assertThat(published.getPublishedAt()).isEqualTo(PUBLISH_AT);
            assertThat(published.getPublishAt()).isEqualTo(PUBLISH_AT);
            assertThat(READER.problem(published)).isEmpty();
        });
        assertThat(embargoes.state(rendered.getEventId())).contains("PUBLISHED");

        // Delivered again (a rebalance): held again under the same event id, already decided; nothing more is sent.
        clock.advance(Duration.ofMinutes(1));
        assertThat(release.releaseDue()).isZero();
        assertThat(sent).hasSize(1);
    }

    @Test
    void aTakedownRecordedBeforeTheTimeStopsIt() {
        ArticleRendered rendered = rendered("art-2", PUBLISH_AT);
        publishArticle.apply(MessageBuilder.withPayload(rendered).build());

        gate.record(Articles.decision("art-2", WithdrawalKind.UNPUBLISHED, "walking-art-2", NOW.plusSeconds(60)));
        clock.advance(Duration.ofHours(3));

        assertThat(release.releaseDue()).isEqualTo(1);
        assertThat(sent).isEmpty();
        assertThat(embargoes.state(rendered.getEventId())).contains("CANCELLED");
    }

    @Test
    void aClaimsLibraryEntryTheArticleReliesOnRetiredBeforeTheTimeStopsIt() {
        ArticleRendered relying = rendered("art-5", PUBLISH_AT, "lib-00000000000000aa");
        ArticleRendered other = rendered("art-6", PUBLISH_AT, "lib-00000000000000bb");
        publishArticle.apply(MessageBuilder.withPayload(relying).build());
        publishArticle.apply(MessageBuilder.withPayload(other).build());

        retired.add("lib-00000000000000aa");
        clock.advance(Duration.ofHours(2));

        assertThat(release.releaseDue()).isEqualTo(2);
        assertThat(embargoes.state(relying.getEventId())).contains("CANCELLED");
        assertThat(embargoes.state(other.getEventId())).contains("PUBLISHED");
        assertThat(sent)
                .singleElement()
                .satisfies(message -> assertThat(
                                ((ArticlePublished) EventCatalog.standard().decode(message.getPayload()))
                                        .getArticleId())
                        .isEqualTo("art-6"));
    }

    @Test
    void aRenderingWhoseEmbargoHasPassedIsPublishedAtOnce() {
        Message<byte[]> out = publishArticle.apply(MessageBuilder.withPayload(rendered("art-3", NOW.minusSeconds(1)))
                .build());

        assertThat(out).isNotNull();
        assertThat(embargoes.state("rendered-art-3")).isEmpty();
    }

    @Test
    void aHeldRenderingChangedInTheDatabaseIsNotPublished() {
        ArticleRendered rendered = rendered("art-4", PUBLISH_AT);
        rendered.setHtml("<p>Walking cures back pain.</p>"); // no longer what rendering signed
        embargoes.hold(new org.vetted.distribution.app.Embargoes.Held(
                rendered.getEventId(),
                "art-4",
                PUBLISH_AT,
                EventCatalog.standard().encode(rendered)));
        clock.advance(Duration.ofHours(3));

        assertThat(release.releaseDue()).isEqualTo(1);
        assertThat(sent).isEmpty();
        assertThat(embargoes.state(rendered.getEventId())).contains("CANCELLED");
    }

    @Test
    void aPollIsDecidedInOrderAndARefusedRenderingInItIsDeadLetteredAloneWhileTheOthersArePublishedOnce() {
        List<Message<byte[]>> published = new CopyOnWriteArrayList<>();
        List<Message<?>> deadLettered = new CopyOnWriteArrayList<>();
        List<RuntimeException> causes = new CopyOnWriteArrayList<>();
        PublishArticle batched = new PublishArticle(
                publishRendered,
                seals,
                new SimpleMeterRegistry(),
                embargoes,
                published::add,
                (record, cause) -> {
                    deadLettered.add(record);
                    causes.add(cause);
                },
                ObservationRegistry.NOOP);
        gate.record(Articles.decision("art-11", WithdrawalKind.UNPUBLISHED, "walking-art-11", NOW.minusSeconds(60)));
        ArticleRendered forged = rendered("art-12", null);
        forged.setHtml("<p>Walking cures back pain.</p>"); // no longer what rendering signed
        // Signed by rendering, but not the approved text: refused by the approval check, which runs in the
        // parallel preparation; for a withdrawn article the gate's reason comes first all the same.
        ArticleRendered moved = movedSlug(rendered("art-15", null));
        gate.record(Articles.decision("art-16", WithdrawalKind.RETRACTED, "walking-art-16", NOW.minusSeconds(60)));
        ArticleRendered withdrawnAndMoved = movedSlug(rendered("art-16", null));
        List<ArticleRendered> poll = List.of(
                rendered("art-10", null),
                rendered("art-11", null),
                forged,
                rendered("art-13", PUBLISH_AT),
                rendered("art-14", null),
                moved,
                withdrawnAndMoved);

        batched.accept(poll(poll));

        assertThat(published)
                .extracting(message ->
                        ((ArticlePublished) EventCatalog.standard().decode(message.getPayload())).getArticleId())
                .containsExactly("art-10", "art-14");
        assertThat(published).allSatisfy(message -> {
            String header = new String(
                    (byte[]) message.getHeaders().get(Signatures.VALUE_SIGNATURE_HEADER), StandardCharsets.US_ASCII);
            assertThat(READER.valueProblem(Issuer.DISTRIBUTION, header, message.getPayload()))
                    .isEmpty();
        });
        assertThat(deadLettered)
                .extracting(record -> ((ArticleRendered) record.getPayload()).getArticleId())
                .containsExactly("art-11", "art-12", "art-15", "art-16");
        assertThat(deadLettered)
                .extracting(record -> record.getHeaders().get(org.springframework.kafka.support.KafkaHeaders.OFFSET))
                .containsExactly(101L, 102L, 105L, 106L);
        assertThat(causes)
                .allSatisfy(cause -> assertThat(cause)
                        .isInstanceOf(org.vetted.contract.PoisonEventException.class)
                        .hasMessageStartingWith("not published: "));
        assertThat(causes.get(0)).hasMessageContaining("withdrawn is final");
        assertThat(causes.get(1)).hasMessageContaining("rendering");
        assertThat(causes.get(2)).hasMessageContaining("do not hash to the approved hash");
        assertThat(causes.get(3)).hasMessageContaining("was retracted").hasMessageContaining("withdrawn is final");
        assertThat(embargoes.state("rendered-art-13")).contains("PENDING");
    }

    /** The rendering moved to another slug and signed again by rendering: its approval no longer covers it. */
    private static ArticleRendered movedSlug(ArticleRendered rendered) {
        rendered.setSlug("someone-elses-page");
        rendered.setRenderSeal(null);
        return RENDERING.sign(rendered);
    }

    /** A poll as the batch-mode binding delivers it: payloads and Kafka's metadata as lists. */
    private static Message<Object> poll(List<ArticleRendered> renderings) {
        List<Object> topics = new java.util.ArrayList<>();
        List<Object> partitions = new java.util.ArrayList<>();
        List<Object> offsets = new java.util.ArrayList<>();
        List<Object> keys = new java.util.ArrayList<>();
        for (int i = 0; i < renderings.size(); i++) {
            topics.add(Topics.RENDERED);
            partitions.add(0);
            offsets.add(100L + i);
            keys.add(renderings.get(i).getArticleId());
        }
        return MessageBuilder.withPayload((Object) new java.util.ArrayList<Object>(renderings))
                .setHeader(org.springframework.kafka.support.KafkaHeaders.RECEIVED_TOPIC, topics)
                .setHeader(org.springframework.kafka.support.KafkaHeaders.RECEIVED_PARTITION, partitions)
                .setHeader(org.springframework.kafka.support.KafkaHeaders.OFFSET, offsets)
                .setHeader(org.springframework.kafka.support.KafkaHeaders.RECEIVED_KEY, keys)
                .build();
    }

    /** A rendering as rendering emits it, under embargo until {@code publishAt}, every signature in place. */
    private static ArticleRendered rendered(String articleId, Instant publishAt) {
        return rendered(articleId, publishAt, null);
    }

    /** @param libraryKey the claims-library entry its one claim was accepted from, or null */
    private static ArticleRendered rendered(String articleId, Instant publishAt, String libraryKey) {
        String title = "Can Walking Ease Back Pain?";
        String body = "Walking may ease back pain.";
        String slug = "walking-" + articleId;
        List<String> tags = List.of("exercise");
        String hash = ContentHash.of(new ContentHash.Reviewed(
                slug,
                title,
                body,
                body,
                tags,
                List.of(new ContentHash.Credit("wanda", "Wanda Writer")),
                null,
                publishAt));
        Approval approval = Approval.newBuilder()
                .setRevision(1)
                .setContentHash(hash)
                .setSignedOffBy(new Reviewer("rita", "Rita Reyes", "MD"))
                .setClaimReviewers(List.of())
                .setApprovedAt(NOW.minusSeconds(3600))
                .setClaimProvenance(
                        libraryKey == null
                                ? List.of()
                                : List.of(org.vetted.events.ClaimProvenance.newBuilder()
                                        .setClaimId("c-1")
                                        .setSentence(body)
                                        .setApprovals(List.of(org.vetted.events.ClaimApproval.newBuilder()
                                                .setReviewer(new Reviewer("rita", "Rita Reyes", "MD"))
                                                .setDecidedAt(NOW.minusSeconds(7200))
                                                .setRevision(1)
                                                .setLibraryKey(libraryKey)
                                                .build()))
                                        .build()))
                .setSeal(null)
                .build();
        REVIEW.signApproval(articleId, approval);
        return RENDERING.sign(ArticleRendered.newBuilder()
                .setEventId("rendered-" + articleId)
                .setArticleId(articleId)
                .setRevision(1)
                .setSlug(slug)
                .setTitle(title)
                .setSummary(body)
                .setAuthors(List.of(new Author("wanda", "Wanda Writer")))
                .setTags(tags)
                .setBodyMarkdown(body)
                .setSourceHash(hash)
                .setHtml("<p>" + body + "</p>")
                .setApproval(approval)
                .setRenderedAt(NOW.minusSeconds(60))
                .setPublishAt(publishAt)
                .setRenderSeal(null)
                .build());
    }
}
