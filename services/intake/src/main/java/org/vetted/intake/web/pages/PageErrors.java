package org.vetted.intake.web.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on the writers' pages are pages (the API's stay problem+json): the status and a sentence, never an exception
 * or a stack trace. Ahead of the API's handler, for the pages' controller only.
 */
@ControllerAdvice(assignableTypes = WriterPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrors {
    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        ModelAndView page = page(e.getStatusCode());
        // A bad request names what was wrong (a parameter); other reasons stay in the log, not on the page.
        if (e.getStatusCode().value() == HttpStatus.BAD_REQUEST.value() && e.getReason() != null) {
            page.addObject("detail", "The " + e.getReason() + ".");
        }
        return page;
    }

    /** A submission whose send timed out: it may have landed, so the writer is sent to look before sending again. */
    static final class UnconfirmedSubmission extends RuntimeException {
        final String articleId;
        final int revision;

        UnconfirmedSubmission(String articleId, int revision) {
            super("unconfirmed submission", null, false, false);
            this.articleId = articleId;
            this.revision = revision;
        }
    }

    @ExceptionHandler(UnconfirmedSubmission.class)
    ModelAndView unconfirmed(UnconfirmedSubmission e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, "60");
        ModelAndView page = page(HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject(
                "detail",
                "Your draft may or may not have been submitted: the review pipeline did not confirm "
                        + "it in time. Check the article's page for revision " + e.revision + " (in a minute, under My "
                        + "articles) before sending it again; if it is not there, send it again.");
        return page;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge() {
        return page(HttpStatus.CONTENT_TOO_LARGE);
    }

    /** The articles' database out of reach: worth retrying in a moment, not an internal error. */
    @ExceptionHandler(DataAccessException.class)
    ModelAndView databaseUnavailable(DataAccessException e) {
        log.warn("the article database did not answer: {}", e.getMessage());
        return page(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("page request failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    public static ModelAndView page(HttpStatusCode code) {
        HttpStatus status = HttpStatus.resolve(code.value()) == null
                ? HttpStatus.INTERNAL_SERVER_ERROR
                : HttpStatus.resolve(code.value());
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("reason", status.getReasonPhrase());
        page.addObject("detail", detail(status));
        return page;
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing here, or it is not yours to see.";
            case FORBIDDEN -> "Your account may not do this.";
            case SERVICE_UNAVAILABLE -> "Intake is starting up or cannot reach the pipeline; try again in a moment.";
            case CONTENT_TOO_LARGE -> "The draft is too large: at most 256 KiB.";
            default ->
                status.is5xxServerError() ? "Something went wrong on our side." : "The request was not accepted.";
        };
    }
}
