package org.vetted.review.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vetted.review.domain.Drafts;
import org.vetted.review.domain.board.ArticleHistory;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.draft.Author;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.web.pages.ReviewPage.Segment;

class ReviewPageTest {
    private static final Claim PAIN =
            new Claim("c-pain", "Curcumin may reduce knee pain.", ClaimKind.EFFECT, true, null);
    private static final Claim DOSE = new Claim("c-dose", "Trials used 1,000 mg a day.", ClaimKind.DOSE, false, null);

    @Test
    void eachClaimIsMarkedWhereItStandsAndTheTextIsKeptWhole() {
        String body = "## Does It Work?\n\nCurcumin may reduce knee pain. Good.\n\nTrials used 1,000 mg a day.\n";

        List<Segment> segments = ReviewPage.segments(body, List.of(PAIN, DOSE));

        assertThat(segments).extracting(Segment::claimId).containsExactly(null, "c-pain", null, "c-dose", null);
        assertThat(segments.stream().map(Segment::text).reduce("", String::concat))
                .isEqualTo(body);
    }

    @Test
    void theFirstRevisionHasNothingToCompareWith() {
        assertThat(ReviewPage.changes(new ArticleHistory(ArticleReview.opened(Drafts.revision(1)), null, null)))
                .isEmpty();
    }

    @Test
    void aRevisionIsComparedWithThePreviousAndWithTheLastApprovedWhenThatIsAnother() {
        ArticleHistory history =
                new ArticleHistory(ArticleReview.opened(Drafts.revision(3)), Drafts.revision(2), Drafts.revision(1));

        List<RevisionChanges> changes = ReviewPage.changes(history);

        assertThat(changes).extracting(RevisionChanges::id).containsExactly("changes-previous", "changes-approved");
        assertThat(changes)
                .extracting(RevisionChanges::heading)
                .containsExactly(
                        "Changes since revision 2, the previous one",
                        "Changes since revision 1, the last approved one");
        assertThat(changes.get(1).texts())
                .extracting(RevisionChanges.TextChange::name)
                .containsExactly("Body");
        assertThat(changes.get(1).texts().get(0).diff().segments())
                .contains(
                        new WordDiff.Segment(WordDiff.Kind.REMOVED, "1"),
                        new WordDiff.Segment(WordDiff.Kind.ADDED, "3"));
        assertThat(changes.get(1).lists()).isEmpty();
    }

    @Test
    void aPreviousRevisionThatWasApprovedIsComparedOnce() {
        ArticleHistory history =
                new ArticleHistory(ArticleReview.opened(Drafts.revision(2)), Drafts.revision(1), Drafts.revision(1));

        assertThat(ReviewPage.changes(history))
                .extracting(RevisionChanges::heading)
                .containsExactly("Changes since revision 1, the previous and last approved one");
    }

    @Test
    void tagsAndCreditsAreListedAsAddedRemovedOrReordered() {
        Draft before = draft(List.of("nutrition", "pregnancy"), List.of(Drafts.WANDA));
        Draft after = draft(List.of("pregnancy", "nutrition"), List.of(Drafts.WANDA, Drafts.DANA));

        RevisionChanges changes = RevisionChanges.between("changes-previous", "since 1", before, after);

        assertThat(changes.texts()).isEmpty();
        assertThat(changes.lists())
                .containsExactly(
                        new RevisionChanges.ListChange("Tags", List.of(), List.of(), true),
                        new RevisionChanges.ListChange("Credited", List.of("Dana Diaz"), List.of(), false));
        assertThat(RevisionChanges.between("changes-previous", "since 1", before, before)
                        .unchanged())
                .isTrue();
    }

    private static Draft draft(List<String> tags, List<Author> authors) {
        Draft draft = Drafts.revision(1);
        return new Draft(
                draft.articleId(),
                draft.revision(),
                draft.slug(),
                draft.title(),
                draft.summary(),
                authors,
                tags,
                draft.bodyMarkdown(),
                draft.contentHash(),
                draft.claims(),
                draft.experts(),
                draft.warnings(),
                draft.submittedAt());
    }

    @Test
    void aClaimNotInTheTextAsWrittenIsLeftUnmarked() {
        String body = "**Curcumin** may reduce knee pain.\n";

        assertThat(ReviewPage.segments(body, List.of(PAIN))).containsExactly(new Segment(body, null));
    }
}
