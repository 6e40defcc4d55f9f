package org.vetted.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Seals;
import org.vetted.events.ArticleApproved;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.domain.Approval;
import org.vetted.review.domain.ClaimKind;
import org.vetted.review.domain.Draft;
import org.vetted.review.domain.ReviewEvent.DraftArrived;
import org.vetted.review.domain.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.Reviewer;
import org.vetted.review.support.DraftEvents;

class EventMapperTest {
    private final EventMapper mapper = new EventMapper(Seals.withSecret("event-mapper-test-seal-key-of-32-bytes"));

    @Test
    void aDraftKeepsItsTextExactly() {
        DraftSubmitted draft = DraftEvents.draft("art-1", 1, true);

        DraftArrived arrived = (DraftArrived) mapper.toDomain(draft);

        assertThat(arrived.draft().bodyMarkdown()).isEqualTo(draft.getBodyMarkdown()).contains("\u00a0", "“", "—");
        assertThat(arrived.draft().claims()).extracting(claim -> claim.kind())
                .containsExactly(ClaimKind.EFFECT, ClaimKind.DOSE);
        assertThat(arrived.draft().isAuthoredBy("dana")).isTrue();
    }

    @Test
    void aDraftWhoseTextDoesNotMatchItsHashIsPoison() {
        DraftSubmitted tampered = DraftSubmitted.newBuilder(DraftEvents.draft("art-1", 1, false))
                .setBodyMarkdown("Turmeric cures arthritis.\n").build();

        assertThatThrownBy(() -> mapper.toDomain(tampered)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("does not hash");
    }

    @Test
    void anEventReviewDoesNotConsumeIsPoison() {
        assertThatThrownBy(() -> mapper.toDomain("hello")).isInstanceOf(PoisonEventException.class);
    }

    @Test
    void anApprovalReadBackMustCarryTheSeal() {
        Draft draft = ((DraftArrived) mapper.toDomain(DraftEvents.draft("art-1", 1, false))).draft();
        Reviewer paul = new Reviewer("paul", "Paul Park", "PharmD");
        ArticleApproved sealed = mapper.toEvent(new RevisionApproved("a1", "art-1", new Approval(1,
                draft.contentHash(), paul, List.of(paul), Instant.parse("2026-03-02T09:00:00.123456Z")), null), draft);

        assertThat(mapper.toDomain(sealed)).isInstanceOf(RevisionApproved.class);
        ArticleApproved forged = ArticleApproved.newBuilder(sealed)
                .setApproval(org.vetted.events.Approval.newBuilder(sealed.getApproval()).setSeal(null).build()).build();
        assertThatThrownBy(() -> mapper.toDomain(forged)).isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("seal");
        ArticleApproved otherSigner = ArticleApproved.newBuilder(sealed)
                .setApproval(org.vetted.events.Approval.newBuilder(sealed.getApproval())
                        .setSignedOffBy(new org.vetted.events.Reviewer("mallory", "Mallory", "MD")).build())
                .build();
        assertThatThrownBy(() -> mapper.toDomain(otherSigner)).isInstanceOf(PoisonEventException.class);
    }
}
