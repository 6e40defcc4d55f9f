package org.vetted.intake.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.vetted.intake.domain.FieldError;

/** An HTTP error this service answers on purpose, rendered as application/problem+json. */
class ProblemException extends RuntimeException {
    final HttpStatus status;
    final String title;
    final String detail;
    final List<FieldError> errors;

    ProblemException(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(title, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }
}
