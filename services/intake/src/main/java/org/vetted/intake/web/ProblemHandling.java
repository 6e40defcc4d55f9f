package org.vetted.intake.web;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.vetted.support.web.ReadinessGate;

/**
 * Every error as application/problem+json: Spring MVC's own (415, 404, 405, ...) through
 * {@link ResponseEntityExceptionHandler}, ours through {@link ProblemException}, and anything else, checked or not,
 * as a generic 500. Nothing of an exception's message or stack reaches the client; the log has it.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status, e.detail);
        body.setTitle(e.title);
        if (!e.errors.isEmpty()) {
            body.setProperty("errors", e.errors);
        }
        e.properties.forEach(body::setProperty);
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfterSeconds != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds));
        }
        return response.body(body);
    }

    /**
     * The articles' database out of reach (down, restarting, no connection free): the request may succeed in a
     * moment, so 503 with Retry-After rather than a 500. Nothing was published.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> databaseUnavailable(DataAccessException e) {
        logger.warn("the article database did not answer: " + e.getMessage());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The articles could not be read just now; try again in a moment.");
        body.setTitle("Articles unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(ReadinessGate.RETRY_AFTER_SECONDS))
                .body(body);
    }

    /**
     * The last resort, for checked exceptions too (an IOException from a servlet stream, ...). Spring Security's
     * own exceptions are rethrown so its filters still answer 401/403.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        logger.error("unexpected error", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed.");
        body.setTitle("Internal error");
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
