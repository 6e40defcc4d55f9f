package org.vetted.review.web.pages;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** Errors on the reviewers' pages are pages, never an exception or a trace; the API's stay problem+json. */
@ControllerAdvice(assignableTypes = ReviewerPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {
    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        return page(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("page request failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("reason", status.getReasonPhrase());
        page.addObject(
                "detail",
                switch (status) {
                    case NOT_FOUND -> "No revision of this article is under review.";
                    case FORBIDDEN -> "Your account may not do this.";
                    default ->
                        status.is5xxServerError()
                                ? "Something went wrong on our side."
                                : "The request was not accepted.";
                });
        return page;
    }
}
