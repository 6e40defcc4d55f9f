package org.vetted.intake.app;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetted.intake.domain.drafts.Draft;
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
 * <p>
 * A submission may carry the writer's form token ({@link SubmissionLedger}): the token is claimed before anything is
 * read, so a second post of the same form (a refresh, a double click, a retry through another instance) is told the
 * revision the first one made instead of making another article or revision.
 */
public class DraftSubmissions {
    /** Numbers tried when a claim is refused: only a claim racing outside the lock could take one first. */
    private static final int CLAIM_ATTEMPTS = 5;

    private static final long TOKEN_POLL_MILLIS = 50;
    private static final Logger log = LoggerFactory.getLogger(DraftSubmissions.class);

    private final DraftIntake intake;
    private final ArticleRegistry registry;
    private final DraftPublisher publisher;
    private final Clock clock;
    private final SubmissionLedger ledger;
    private final Duration tokenWait;

    /** Without a ledger: no form tokens, and no warnings kept for the pages (the API's tests and benchmarks). */
    public DraftSubmissions(DraftIntake intake, ArticleRegistry registry, DraftPublisher publisher, Clock clock) {
        this(intake, registry, publisher, clock, null, Duration.ZERO);
    }

    /**
     * @param tokenWait how long a second post of a form waits for the first one to finish before it is told to try
     *                  again: a submission takes a moment (reading, a Kafka transaction)
     */
    public DraftSubmissions(
            DraftIntake intake,
            ArticleRegistry registry,
            DraftPublisher publisher,
            Clock clock,
            SubmissionLedger ledger,
            Duration tokenWait) {
        this.intake = intake;
        this.registry = registry;
        this.publisher = publisher;
        this.clock = clock;
        this.ledger = ledger;
        this.tokenWait = tokenWait;
    }

    /** Reads the draft as a submission would, without numbering or sending anything: the writer's "Check draft". */
    public SubmissionOutcome check(Submission submission) {
        var refused = intake.mayRevise(submission, registry);
        if (refused.isPresent()) {
            return new SubmissionOutcome.Refused(refused.get());
        }
        Reading reading = intake.read(submission);
        return reading instanceof ReadDraft read
                ? new SubmissionOutcome.Checked(read)
                : new SubmissionOutcome.Refused((IntakeResult.Invalid) reading);
    }

    /**
     * Submits once per {@code token} and writer: a token seen before answers {@link SubmissionOutcome.AlreadySubmitted}
     * (or, while its first submission still runs after {@code tokenWait}, {@link SubmissionOutcome.NotPublished}: try
     * again). A submission that made nothing gives its token back, so the corrected form may use it again.
     */
    public SubmissionOutcome submit(Submission submission, String token) {
        if (token == null || token.isBlank() || ledger == null) {
            return submit(submission);
        }
        String username = submission.submitter().username();
        try {
            SubmissionOutcome earlier = awaitToken(username, token, fingerprint(submission));
            if (earlier != null) {
                return earlier;
            }
        } catch (RuntimeException e) {
            if (!registry.isUnavailable(e)) {
                throw e;
            }
            log.warn("the submission ledger is unavailable; a submission was not taken: {}", e.getMessage());
            return new SubmissionOutcome.NotPublished();
        }
        SubmissionOutcome outcome;
        try {
            outcome = submit(submission);
        } catch (RuntimeException e) {
            ledger.release(username, token);
            throw e;
        }
        try {
            if (outcome instanceof SubmissionOutcome.Published published) {
                ledger.settle(
                        username,
                        token,
                        published.draft().articleId(),
                        published.draft().revision());
            } else if (outcome instanceof SubmissionOutcome.Unconfirmed unconfirmed) {
                // It may have landed: the same form sent again is pointed at the revision to look for.
                ledger.settle(username, token, unconfirmed.articleId(), unconfirmed.revision());
            } else {
                ledger.release(username, token);
            }
        } catch (RuntimeException e) {
            if (!registry.isUnavailable(e)) {
                throw e;
            }
            // The outcome stands; the unsettled claim lapses, after which the token may be used again.
            log.warn("the form token of a submission could not be settled: {}", e.getMessage());
        }
        return outcome;
    }

    /** Null once the token is this submission's; otherwise the answer for a repeated post. */
    private SubmissionOutcome awaitToken(String username, String token, String request) {
        long deadline = System.nanoTime() + tokenWait.toNanos();
        while (true) {
            SubmissionLedger.TokenClaim claim = ledger.claim(username, token, request);
            if (claim instanceof SubmissionLedger.TokenClaim.Ours) {
                return null;
            }
            if (claim instanceof SubmissionLedger.TokenClaim.Done done) {
                return done.madeFor(request)
                        ? new SubmissionOutcome.AlreadySubmitted(done.articleId(), done.revision())
                        : new SubmissionOutcome.TokenReused(done.articleId(), done.revision());
            }
            if (System.nanoTime() - deadline >= 0) {
                return new SubmissionOutcome.NotPublished();
            }
            try {
                Thread.sleep(TOKEN_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new SubmissionOutcome.NotPublished();
            }
        }
    }

    /**
     * The request a token is bound to: SHA-256 over the format, the target article and the exact text, each part
     * length-prefixed so no two requests share an encoding. The whole hash, never a prefix of it.
     */
    static String fingerprint(Submission submission) {
        MessageDigest sha256; // the JDK's own: use cases depend on the domain and java.* only (HouseRules)
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        for (String part : new String[] {
            submission.format().name(),
            submission.articleId() == null ? "" : submission.articleId(),
            submission.text() == null ? "" : submission.text()
        }) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(
                    ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
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
            IntakeResult result =
                    intake.number(submission, read, registry, UUID.randomUUID().toString());
            if (!(result instanceof IntakeResult.Accepted numbered)) {
                return new SubmissionOutcome.Refused(result);
            }
            if (registry.claimRevision(
                    numbered.draft().articleId(), numbered.draft().revision())) {
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
            return new SubmissionOutcome.Unconfirmed(
                    accepted.draft().articleId(),
                    accepted.draft().revision(),
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
            log.warn(
                    "DraftSubmitted {} of article {} is published but not recorded yet: {}",
                    eventId,
                    accepted.draft().articleId(),
                    e.getMessage());
        }
        keepNotes(accepted.draft());
        return new SubmissionOutcome.Published(accepted.draft());
    }

    /** Best effort: the revision is published whatever becomes of its warnings. */
    private void keepNotes(Draft draft) {
        if (ledger == null) {
            return;
        }
        try {
            ledger.keepNotes(
                    draft.articleId(),
                    draft.revision(),
                    new SubmissionLedger.RevisionNotes(draft.warnings(), draft.experts()));
        } catch (RuntimeException e) {
            if (!registry.isUnavailable(e)) {
                throw e;
            }
            log.warn(
                    "the warnings and experts of revision {} of article {} were not kept: {}",
                    draft.revision(),
                    draft.articleId(),
                    e.getMessage());
        }
    }

    private void release(boolean newArticle, IntakeResult.Accepted accepted, boolean claimed) {
        if (newArticle) {
            registry.releaseSlug(accepted.draft().slug());
        }
        if (claimed) {
            registry.releaseRevision(
                    accepted.draft().articleId(), accepted.draft().revision());
        }
    }
}
