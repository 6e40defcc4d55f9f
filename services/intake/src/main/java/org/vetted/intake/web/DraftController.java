package org.vetted.intake.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.intake.app.DraftSubmissions;
import org.vetted.intake.app.SubmissionOutcome;
import org.vetted.intake.config.SignedInAccounts;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.drafts.DraftFormat;
import org.vetted.intake.domain.drafts.FieldError;
import org.vetted.intake.domain.drafts.IntakeResult;
import org.vetted.intake.domain.drafts.Submission;

/** POST /api/drafts: a writer submits a new article, or a new revision with {@code ?articleId=}. */
@RestController
class DraftController {
    private static final Logger LOG = LoggerFactory.getLogger(DraftController.class);
    static final String TEXT_MARKDOWN = "text/markdown";
    /** Largest request body accepted, in bytes: 256 KiB. */
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    /**
     * When to look again after an unconfirmed submission: Kafka's default transaction timeout, after which a
     * transaction that did not commit is aborted, so the article's page shows whether the revision landed.
     */
    static final int UNCONFIRMED_RETRY_AFTER_SECONDS = 60;

    /**
     * The client's key for one request (the IETF Idempotency-Key header): sent again with the same draft, it makes no
     * second revision but answers 303 to what the first made; with another draft it is refused (422).
     */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Visible ASCII, as the header's value is an opaque string; long enough for a UUID or a client's own scheme. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** API keys and the pages' form tokens share the ledger; the prefix keeps a client's key from meeting a form's. */
    private static final String API_KEY_PREFIX = "api:";

    private final DraftSubmissions submissions;
    private final SignedInAccounts signedIn;

    private final SubmissionMetrics metrics;

    DraftController(DraftSubmissions submissions, SignedInAccounts signedIn, SubmissionMetrics metrics) {
        this.submissions = submissions;
        this.signedIn = signedIn;
        this.metrics = metrics;
    }

    @PostMapping(
            path = "/api/drafts",
            consumes = {MediaType.TEXT_PLAIN_VALUE, TEXT_MARKDOWN, MediaType.TEXT_HTML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DraftAccepted> submit(
            HttpServletRequest request,
            Authentication authentication,
            @RequestParam(required = false) String articleId,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
            throw new ProblemException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported media type",
                    "Send the draft as UTF-8 (charset=UTF-8).");
        }
        String text = readUtf8(request);
        Account submitter = signedIn.of(authentication)
                .orElseThrow(() -> new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", "Unknown account."));
        DraftFormat format = type.isCompatibleWith(MediaType.TEXT_PLAIN)
                ? DraftFormat.PLAIN_TEXT
                : type.isCompatibleWith(MediaType.TEXT_HTML) ? DraftFormat.HTML : DraftFormat.MARKDOWN;
        String target = articleId == null || articleId.isBlank() ? null : articleId.strip();

        Submission submission = new Submission(format, text, submitter, target);
        SubmissionOutcome outcome = idempotencyKey == null
                ? submissions.submit(submission)
                : submissions.submit(submission, API_KEY_PREFIX + checkedKey(idempotencyKey));
        metrics.record("api", outcome);
        if (outcome instanceof SubmissionOutcome.AlreadySubmitted already) {
            // The request was made before: point at what it made, as the first answer's Location did.
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create("/api/articles/" + already.articleId()))
                    .header("Idempotent-Replayed", "true")
                    .build();
        }
        if (outcome instanceof SubmissionOutcome.TokenReused reused) {
            throw new ProblemException(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Idempotency-Key reused",
                    "This Idempotency-Key already made revision " + reused.revision() + " of article "
                            + reused.articleId() + " from another request; nothing was sent. Use a new key for a "
                            + "new request.",
                    List.of(new FieldError(IDEMPOTENCY_KEY, "was used for another request")));
        }
        if (outcome instanceof SubmissionOutcome.Published published) {
            return ResponseEntity.accepted()
                    .location(URI.create("/api/articles/" + published.draft().articleId()))
                    .body(DraftAccepted.of(published.draft()));
        }
        if (outcome instanceof SubmissionOutcome.Refused refused) {
            throw refusal(refused.result());
        }
        if (outcome instanceof SubmissionOutcome.TooLarge tooLarge) {
            throw new ProblemException(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "Draft too large",
                    "The draft with its claims, experts and warnings would make an event of " + tooLarge.eventBytes()
                            + " bytes; at most " + tooLarge.maxEventBytes() + " are published. Shorten the body.",
                    List.of(new FieldError(
                            "body",
                            "makes an event of " + tooLarge.eventBytes() + " bytes; at most "
                                    + tooLarge.maxEventBytes())));
        }
        if (outcome instanceof SubmissionOutcome.Unconfirmed unconfirmed) {
            throw unconfirmed(unconfirmed);
        }
        throw new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Submission not published",
                "The draft could not be handed to the review pipeline; nothing was recorded. Try again shortly.");
    }

    private static String checkedKey(String key) {
        String value = key.strip();
        if (value.startsWith("\"") && value.endsWith("\"") && value.length() > 1) {
            value = value.substring(1, value.length() - 1); // the draft's structured-field string form
        }
        if (!KEY.matcher(value).matches()) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to 128 visible ASCII characters, such as a UUID.",
                    List.of(new FieldError(IDEMPOTENCY_KEY, "must be 1 to 128 visible ASCII characters")));
        }
        return value;
    }

    /** Not a 500: the service works, but the pipeline did not say in time whether it took the draft. */
    static ProblemException unconfirmed(SubmissionOutcome.Unconfirmed unconfirmed) {
        return new ProblemException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Submission unconfirmed",
                "The draft may or may not have been submitted: the review pipeline did not confirm it in time. Check "
                        + "the article's page (/api/articles/" + unconfirmed.articleId() + ") for revision "
                        + unconfirmed.revision() + " before sending it again; if it is not there after a minute, "
                        + "send it again (it will get the next revision number).",
                List.of(),
                UNCONFIRMED_RETRY_AFTER_SECONDS,
                Map.of("articleId", unconfirmed.articleId(), "revision", unconfirmed.revision()));
    }

    private static ProblemException refusal(IntakeResult result) {
        if (result instanceof IntakeResult.Invalid invalid) {
            return new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Invalid draft",
                    "The draft breaks " + invalid.errors().size() + " rule(s); see errors.",
                    invalid.errors());
        }
        if (result instanceof IntakeResult.UnknownArticle unknown) {
            return new ProblemException(
                    HttpStatus.NOT_FOUND,
                    "Unknown article",
                    "There is no article with id " + unknown.articleId() + ".");
        }
        if (result instanceof IntakeResult.NotAnAuthor notAuthor) {
            return new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "Not an author",
                    "Only an author of article " + notAuthor.articleId() + " or an editor may submit a new revision.");
        }
        if (result instanceof IntakeResult.RejectedForGood rejected) {
            return new ProblemException(
                    HttpStatus.CONFLICT,
                    "Article rejected for good",
                    "Article " + rejected.articleId()
                            + " was rejected and is closed: it cannot be revised. Submit a new article instead.",
                    List.of(new FieldError("articleId", "was rejected and is closed: it cannot be revised")));
        }
        throw new IllegalStateException("not a refusal: " + result);
    }

    /**
     * The body as UTF-8, refusing more than {@link #MAX_REQUEST_BYTES} and bytes that are not UTF-8. A body that
     * cannot be read (the client broke off, a malformed chunk) is the request's fault: 400, without the I/O detail.
     */
    private static String readUtf8(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
        } catch (IOException e) {
            LOG.info("draft body could not be read: {}", e.toString());
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Unreadable draft",
                    "The request body could not be read completely; send it again.",
                    List.of(new FieldError("body", "could not be read")));
        }
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw tooLarge();
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "Invalid draft",
                    "The body is not valid UTF-8.",
                    List.of(new FieldError("body", "must be UTF-8 text")));
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(
                HttpStatus.CONTENT_TOO_LARGE,
                "Draft too large",
                "The request body must be at most " + MAX_REQUEST_BYTES + " bytes (256 KiB).",
                List.of(new FieldError("body", "must be at most " + MAX_REQUEST_BYTES + " bytes")));
    }
}
