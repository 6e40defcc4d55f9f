package org.vetted.intake.app;

import org.vetted.intake.domain.drafts.Draft;
import org.vetted.intake.domain.drafts.IntakeResult;
import org.vetted.intake.domain.drafts.ReadDraft;

/** What became of a POSTed draft once intake tried to publish it. */
public sealed interface SubmissionOutcome {
    /** DraftSubmitted is committed on article.draft-submitted and the article registry knows the revision. */
    record Published(Draft draft) implements SubmissionOutcome {}

    /** The domain did not accept the draft (invalid, unknown article, not an author): nothing was sent. */
    record Refused(IntakeResult result) implements SubmissionOutcome {}

    /** The draft's event, encoded, would be larger than intake publishes: nothing was sent. */
    record TooLarge(int eventBytes, int maxEventBytes) implements SubmissionOutcome {}

    /** The draft was fine but Kafka did not take it: nothing changed, the writer may retry. */
    record NotPublished() implements SubmissionOutcome {}

    /**
     * Publishing failed in a way where the broker may still have committed the event (a timeout): the revision number
     * and, for a new article, the slug stay taken, so whether or not it landed nothing else gets them. The writer
     * should look at the article before sending again.
     */
    record Unconfirmed(String articleId, int revision, String slug) implements SubmissionOutcome {}

    /** The form's token already made this revision: nothing new was sent. */
    record AlreadySubmitted(String articleId, int revision) implements SubmissionOutcome {}

    /**
     * The token already made revision {@code revision} of {@code articleId} from another draft: nothing was sent. A
     * client reused its Idempotency-Key, or a writer went back to a sent form and changed it.
     */
    record TokenReused(String articleId, int revision) implements SubmissionOutcome {}

    /** A check only ({@link DraftSubmissions#check}): what intake reads in the draft; nothing was sent. */
    record Checked(ReadDraft read) implements SubmissionOutcome {}
}
