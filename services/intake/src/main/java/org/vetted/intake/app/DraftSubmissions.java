package org.vetted.intake.app;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetted.intake.domain.drafts.DraftIntake;
import org.vetted.intake.domain.drafts.IntakeResult;
import org.vetted.intake.domain.drafts.ReadDraft;
import org.vetted.intake.domain.drafts.Reading;
import org.vetted.intake.domain.drafts.Submission;

/**
 * The write path of POST /api/drafts: read the draft (the expensive part, no lock held), then number it, claim the
 * number, publish DraftSubmitted (keyed by article id, transactional, sync) and record the revision in the registry
 * so an immediate resubmission sees it. Only that last step is serialized, per article and across instances
 * ({@link ArticleRegistry#exclusively}): revisions are published in the order of their numbers. The claim makes a
 * number unique whatever happens: it is taken before publishing, so a revision that was published but could not be
 * recorded still counts for the next number. New articles need no lock: their id is fresh and their slug is reserved
 * atomically in the registry. A slug or number whose event was certainly not published is given back; one whose send
 * failed ambiguously (a timeout: the broker may have committed it) stays taken, since handing it out again could
 * make two texts "revision n" or give two articles one slug. The gap this leaves when the event did not land is
 * harmless: numbering, the status view and review only compare revision numbers.
 */
public class DraftSubmissions {
    /** Numbers tried when a claim is refused: only a claim racing outside the lock could take one first. */
    private static final int CLAIM_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(DraftSubmissions.class);

    private final DraftIntake intake;
    private final ArticleRegistry registry;
    private final DraftPublisher publisher;
    private final Clock clock;

    public DraftSubmissions(DraftIntake intake, ArticleRegistry registry, DraftPublisher publisher, Clock clock) {
        this.intake = intake;
        this.registry = registry;
        this.publisher = publisher;
        this.clock = clock;
    }

    public SubmissionOutcome submit(Submission submission) {
        var refused = intake.mayRevise(submission, registry);
        if (refused.isPresent()) {
            return new SubmissionOutcome.Refused(refused.get());
        }
        Reading reading = intake.read(submission);
        if (reading instanceof IntakeResult.Invalid invalid) {
            return new SubmissionOutcome.Refused(invalid);
        }
        ReadDraft read = (ReadDraft) reading;
        try {
            if (submission.articleId() == null) {
                return numberAndPublish(submission, read);
            }
            return registry.exclusively(submission.articleId(), () -> numberAndPublish(submission, read));
        } catch (RuntimeException e) {
            if (!registry.isUnavailable(e)) {
                throw e;
            }
            // The registry's database is out of reach: nothing was published, the writer may retry.
            log.warn("the article registry is unavailable; a submission was not taken: {}", e.getMessage());
            return new SubmissionOutcome.NotPublished();
        }
    }

    private SubmissionOutcome numberAndPublish(Submission submission, ReadDraft read) {
        boolean newArticle = submission.articleId() == null;
        IntakeResult.Accepted accepted = null;
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS && accepted == null; attempt++) {
            IntakeResult result = intake.number(submission, read, registry, UUID.randomUUID().toString());
            if (!(result instanceof IntakeResult.Accepted numbered)) {
                return new SubmissionOutcome.Refused(result);
            }
            if (registry.claimRevision(numbered.draft().articleId(), numbered.draft().revision())) {
                accepted = numbered;
            } else {
                release(newArticle, numbered, false);
            }
        }
        if (accepted == null) {
            log.warn("no revision number could be claimed for article {}", submission.articleId());
            return new SubmissionOutcome.NotPublished();
        }
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        DraftPublisher.Publication sent = publisher.publish(accepted.draft(), eventId, now);
        if (sent instanceof DraftPublisher.Publication.TooLarge tooLarge) {
            release(newArticle, accepted, true);
            return new SubmissionOutcome.TooLarge(tooLarge.eventBytes(), tooLarge.maxEventBytes());
        }
        if (sent instanceof DraftPublisher.Publication.NotSent) {
            release(newArticle, accepted, true);
            return new SubmissionOutcome.NotPublished();
        }
        if (sent instanceof DraftPublisher.Publication.Unknown) {
            if (newArticle) {
                registry.holdSlug(accepted.draft().slug());
            }
            return new SubmissionOutcome.Unconfirmed(accepted.draft().articleId(), accepted.draft().revision(),
                    accepted.draft().slug());
        }
        byte[] record = ((DraftPublisher.Publication.Committed) sent).record();
        try {
            registry.apply(accepted.draft().recorded(eventId, now), record);
        } catch (RuntimeException e) {
            if (!registry.isUnavailable(e)) {
                throw e;
            }
            // Published all the same: the view applies the event when it reads it back, and the claim keeps the
            // number from being handed out again meanwhile.
            log.warn("DraftSubmitted {} of article {} is published but not recorded yet: {}", eventId,
                    accepted.draft().articleId(), e.getMessage());
        }
        return new SubmissionOutcome.Published(accepted.draft());
    }

    private void release(boolean newArticle, IntakeResult.Accepted accepted, boolean claimed) {
        if (newArticle) {
            registry.releaseSlug(accepted.draft().slug());
        }
        if (claimed) {
            registry.releaseRevision(accepted.draft().articleId(), accepted.draft().revision());
        }
    }
}
