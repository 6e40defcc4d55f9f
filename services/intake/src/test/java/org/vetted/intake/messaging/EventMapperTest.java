package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.claims.Claim;
import org.vetted.intake.domain.claims.ClaimKind;
import org.vetted.intake.domain.drafts.Draft;

class EventMapperTest {
    private static final Author WANDA = new Author("wanda", "Wanda Writer");
    private static final Author EDDIE = new Author("eddie", "Eddie Editor");

    @Test
    void aRevisionPostedByAnEditorNamesTheEditorAsSubmitterAndActorAfterReplay() {
        Draft draft = new Draft(
                "a-9",
                2,
                "slug",
                "Title",
                null,
                List.of(WANDA),
                EDDIE,
                List.of(),
                "Body.\n",
                "sha256:x",
                List.of(),
                List.of(),
                List.of());

        DraftSubmitted event = EventMapper.toEvent(draft, "e-9", Instant.parse("2026-03-01T08:00:00Z"));

        assertThat(event.getSubmittedBy().getUsername()).isEqualTo("eddie");
        assertThat(event.getSubmittedBy().getDisplayName()).isEqualTo("Eddie Editor");
        assertThat(event.getAuthors()).extracting(a -> a.getUsername()).containsExactly("wanda");
        assertThat(EventMapper.toArticleEvent(event).actor()).isEqualTo("eddie");
        assertThat(draft.recorded("e-9", event.getSubmittedAt()).actor()).isEqualTo("eddie");
    }

    @Test
    void absoluteTravelsInTheEventForReviewAndIsDecidedAgainForEventsWrittenBeforeIt() {
        List<Claim> claims = List.of(
                new Claim("c-1", "Elderberry cures the flu.", ClaimKind.EFFECT, false, true, null),
                new Claim("c-2", "Zinc may prevent colds.", ClaimKind.EFFECT, true, false, null));
        Draft draft = new Draft(
                "a-9",
                1,
                "slug",
                "Title",
                null,
                List.of(WANDA),
                WANDA,
                List.of(),
                "Body.\n",
                "sha256:x",
                claims,
                List.of(),
                List.of());

        DraftSubmitted event = EventMapper.toEvent(draft, "e-9", Instant.parse("2026-03-01T08:00:00Z"));

        assertThat(event.getClaims())
                .extracting(org.vetted.events.Claim::getAbsolute)
                .containsExactly(true, false);
        assertThat(((ArticleEvent.DraftRecorded) EventMapper.toArticleEvent(event)).claims())
                .isEqualTo(claims);
        // Written before v4: the field reads false, and the text decides.
        event.getClaims().forEach(claim -> claim.setAbsolute(false));
        assertThat(((ArticleEvent.DraftRecorded) EventMapper.toArticleEvent(event)).claims())
                .isEqualTo(claims);
    }
}
