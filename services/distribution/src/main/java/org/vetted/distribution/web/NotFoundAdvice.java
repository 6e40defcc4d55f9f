package org.vetted.distribution.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.ModelAndView;

/**
 * An unknown article: a plain not-found page for browsers, problem+json for clients that ask for JSON. A page of the
 * front page that does not exist: the plain page.
 */
@RestControllerAdvice
class NotFoundAdvice {

    @ExceptionHandler(produces = {MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE})
    ModelAndView notFoundPage(ArticleNotFoundException notFound) {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }

    /** A page of the front page beyond the listing: the same plain page, whatever the client takes. */
    @ExceptionHandler
    ModelAndView noSuchListingPage(PageNotFoundException notFound) {
        return new ModelAndView("error/404", HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ProblemDetail> notFoundProblem(ArticleNotFoundException notFound) {
        return problem(notFound.slug());
    }

    @ExceptionHandler(produces = {MediaType.TEXT_HTML_VALUE, MediaType.ALL_VALUE})
    ModelAndView gonePage(ArticleGoneException gone) {
        return new ModelAndView("error/410", HttpStatus.GONE);
    }

    @ExceptionHandler(produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<ProblemDetail> goneProblem(ArticleGoneException gone) {
        return gone(gone.slug());
    }

    /** A taken-down article: 410 Gone, naming nothing of it but the slug asked for. */
    static ResponseEntity<ProblemDetail> gone(String slug) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.GONE, "The article under this slug was taken down and is no longer served.");
        problem.setTitle("Article taken down");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("slug", slug.length() > 100 ? slug.substring(0, 100) : slug);
        return ResponseEntity.status(HttpStatus.GONE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    static ResponseEntity<ProblemDetail> problem(String slug) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No published article has this slug.");
        problem.setTitle("Article not found");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("slug", slug.length() > 100 ? slug.substring(0, 100) : slug);
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
