package org.vetted.intake.domain.drafts;

import java.util.List;

/** What became of a submission. */
public sealed interface IntakeResult {
    /** A well-formed revision, ready to be submitted for review. */
    record Accepted(Draft draft) implements IntakeResult {
        public List<String> warnings() {
            return draft.warnings();
        }
    }

    /** The draft breaks the rules; each error names the field and the reason. */
    record Invalid(List<FieldError> errors) implements IntakeResult, Reading {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** A new revision of an article intake has never seen. */
    record UnknownArticle(String articleId) implements IntakeResult {}

    /** A new revision sent by someone who is neither an author of the article nor an editor. */
    record NotAnAuthor(String articleId, String username) implements IntakeResult {}

    /** A new revision of an article whose rejection closed it ({@code vetted.intake.rejected-articles: final}). */
    record RejectedForGood(String articleId) implements IntakeResult {}
}
