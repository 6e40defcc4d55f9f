package org.vetted.intake.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.vetted.intake.web.pages.PageErrors;

/**
 * Replaces Boot's /error page (plain JSON) for errors that never reach {@link ProblemHandling}: the servlet
 * container's own (sendError, an exception in a filter). Answers problem+json with the status and its reason phrase
 * only: no exception, message or trace.
 */
@RestController
class ErrorEndpoint implements ErrorController {

    /** A browser gets a page: the status and a sentence, nothing of the exception. */
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView errorPage(HttpServletRequest request) {
        return PageErrors.page(statusOf(request));
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                status,
                status.is5xxServerError() ? "The request could not be completed." : "The request was not accepted.");
        body.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer value
                        && HttpStatus.resolve(value) != null
                        && HttpStatus.resolve(value).isError()
                ? HttpStatus.resolve(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
