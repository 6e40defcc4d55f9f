package org.vetted.distribution.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A listing's cursor that is not one this site made: 400 problem+json naming the parameter and why. */
class InvalidCursorException extends RuntimeException {
    private final String parameter;

    InvalidCursorException(String parameter, String reason) {
        super(reason, null, false, false);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }

    @RestControllerAdvice
    static class Advice {
        @ExceptionHandler
        ResponseEntity<ProblemDetail> invalidCursor(InvalidCursorException invalid) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, invalid.parameter() + ": " + invalid.getMessage());
            problem.setTitle("Invalid cursor");
            problem.setType(URI.create("about:blank"));
            problem.setProperty("field", invalid.parameter());
            problem.setProperty("reason", invalid.getMessage());
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }
}
