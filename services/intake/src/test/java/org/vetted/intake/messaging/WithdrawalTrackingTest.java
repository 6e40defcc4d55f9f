package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleUnpublished;
import org.vetted.events.Reviewer;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.articles.ArticleStatus;

/** The public topic's withdrawals in the writers' status view: the article's status, and a line of its history. */
class WithdrawalTrackingTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Reviewer RITA = new Reviewer("rita", "Rita Reyes", "MD");

    @Test
    void aRetractionAndATakedownAreStatusesWithWhoAndWhy() {
        ArticleEvent retracted = EventMapper.toArticleEvent(ArticleRetracted.newBuilder()
                .setEventId("e1")
                .setArticleId("a1")
                .setRevision(2)
                .setSlug("zinc")
                .setTitle("Zinc")
                .setReason("Wrong dose")
                .setDecidedBy(RITA)
                .setDecidedAt(AT)
                .build());
        ArticleEvent unpublished = EventMapper.toArticleEvent(ArticleUnpublished.newBuilder()
                .setEventId("e2")
                .setArticleId("a1")
                .setRevision(2)
                .setSlug("zinc")
                .setReason("Legal request")
                .setDecidedBy(RITA)
                .setDecidedAt(AT.plusSeconds(60))
                .build());

        assertThat(retracted).isInstanceOfSatisfying(ArticleEvent.StatusChanged.class, status -> {
            assertThat(status.status()).isEqualTo(ArticleStatus.RETRACTED);
            assertThat(status.detail()).isEqualTo("retracted by Rita Reyes: Wrong dose");
        });
        assertThat(unpublished).isInstanceOfSatisfying(ArticleEvent.StatusChanged.class, status -> {
            assertThat(status.status()).isEqualTo(ArticleStatus.UNPUBLISHED);
            assertThat(status.actor()).isEqualTo("rita");
        });
    }
}
