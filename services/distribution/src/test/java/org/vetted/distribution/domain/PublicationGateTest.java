package org.vetted.distribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublicationGateTest {
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final Withdrawal RETRACTION = Articles.decision("a1", WithdrawalKind.RETRACTED, "walking", MONDAY);
    private static final Withdrawal TAKEDOWN =
            Articles.decision("a1", WithdrawalKind.UNPUBLISHED, "walking", MONDAY.plusSeconds(60));

    @Test
    void anArticleNotWithdrawnMayBePublishedAWithdrawnOneNeverAgain() {
        assertThat(PublicationGate.refusal(Optional.empty())).isEmpty();
        assertThat(PublicationGate.refusal(Optional.of(RETRACTION)))
                .hasValue(
                        "article a1 was retracted on 2026-11-23T10:00:00Z by rita; withdrawn is final for an article id");
    }

    @Test
    void onlyADecisionGoingFurtherChangesAWithdrawnArticleAndTheSameOneIsRepeated() {
        assertThat(PublicationGate.next(Optional.empty(), RETRACTION)).isEqualTo(PublicationGate.Next.PUBLISH);
        assertThat(PublicationGate.next(Optional.of(RETRACTION), TAKEDOWN)).isEqualTo(PublicationGate.Next.PUBLISH);
        assertThat(PublicationGate.next(Optional.of(RETRACTION), RETRACTION)).isEqualTo(PublicationGate.Next.REPEAT);
        assertThat(PublicationGate.next(Optional.of(TAKEDOWN), RETRACTION)).isEqualTo(PublicationGate.Next.IGNORE);
    }

    @Test
    void thePublicEventOfATakedownNamesNoTitleAndItsIdFollowsTheDecisions() {
        PublicSite site = new PublicSite("https://vetted.example");
        WithdrawnArticle retracted = WithdrawnArticle.of(RETRACTION, "walking-old", site);
        WithdrawnArticle unpublished = WithdrawnArticle.of(TAKEDOWN, null, site);

        assertThat(retracted.title()).isEqualTo("Title of walking");
        assertThat(retracted.url()).isEqualTo("https://vetted.example/articles/walking-old");
        assertThat(unpublished.title()).isNull();
        assertThat(unpublished.slug()).isEqualTo("walking");
        assertThat(WithdrawnArticle.of(TAKEDOWN, null, site).eventId()).isEqualTo(unpublished.eventId());
        assertThat(retracted.eventId()).isNotEqualTo(unpublished.eventId());
    }
}
