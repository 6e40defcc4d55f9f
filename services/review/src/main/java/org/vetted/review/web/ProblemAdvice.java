package org.vetted.review.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.vetted.review.app.NoLibraryMatchException;
import org.vetted.review.app.PublishFailedException;
import org.vetted.review.app.UnknownArticleException;
import org.vetted.review.app.UnknownLibraryEntryException;

/**
 * Every error as application/problem+json, naming the field and the reason where there is one. Exception messages
 * and stack traces never reach the client.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(error -> error.getField()))
                .map(error -> Map.of(
                        "field",
                        error.getField(),
                        "reason",
                        error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The request body is invalid: "
                        + errors.stream()
                                .map(error -> error.get("field") + " " + error.get("reason"))
                                .toList());
        problem.setTitle("Invalid decision");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is missing or is not a JSON object of the expected shape.");
        problem.setTitle("Unreadable request body");
        problem.setProperty("errors", List.of(Map.of("field", "body", "reason", "must be a JSON object")));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidFieldException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request is invalid: [" + ex.field() + " " + ex.getMessage() + "]");
        problem.setTitle(ex.title());
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "reason", ex.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(NoLibraryMatchException.class)
    ResponseEntity<ProblemDetail> noLibraryMatch(NoLibraryMatchException ex) {
        return problem(
                HttpStatus.CONFLICT,
                "Not in the claims library",
                ex.getMessage() + " (none, retired or expired): decide the claim yourself");
    }

    @ExceptionHandler(UnknownLibraryEntryException.class)
    ResponseEntity<ProblemDetail> unknownLibraryEntry(UnknownLibraryEntryException ex) {
        return problem(HttpStatus.NOT_FOUND, "Unknown library entry", "No claims library entry has this key.");
    }

    @ExceptionHandler(UnknownArticleException.class)
    ResponseEntity<ProblemDetail> unknownArticle(UnknownArticleException ex) {
        return problem(HttpStatus.NOT_FOUND, "Unknown article", "No revision of this article is under review.");
    }

    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> publishFailed(PublishFailedException ex) {
        return problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Decision not recorded",
                "The decision could not be published and was not recorded; try again shortly.");
    }

    /**
     * The board's database out of reach (down, restarting, no connection free): the request may succeed in a moment,
     * so 503 with Retry-After rather than a 500. A decision published just before the database failed is recorded
     * when the consumer reads it back; deciding again is harmless (a reviewer's latest decision on a claim counts).
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException ex) {
        log.warn("the review database did not answer: {}", ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The review board could not be read or written just now; reload the review in a moment.");
        problem.setTitle("Review board unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(problem);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException ex) {
        return problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                "A request body may be at most " + ex.limit() + " bytes.");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex) {
        return problem(
                HttpStatus.UNAUTHORIZED,
                "Unauthenticated",
                "Sign in with HTTP Basic as a member of staff, or send a bearer token of the configured issuer.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException ex) {
        return problem(
                HttpStatus.FORBIDDEN,
                "Forbidden",
                "Your role does not allow this: reviews are for medical reviewers (and editors may read them).");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong on our side.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
