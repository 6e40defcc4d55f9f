package org.vetted.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.vetted.contract.PoisonEventException;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.domain.ClaimKind;
import org.vetted.review.domain.ReviewEvent.DraftArrived;
import org.vetted.review.support.DraftEvents;

class EventMapperTest {
    private final EventMapper mapper = new EventMapper();

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
}
