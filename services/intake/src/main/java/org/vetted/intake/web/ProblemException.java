package org.vetted.intake.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.vetted.intake.domain.drafts.FieldError;

/** An HTTP error this service answers on purpose, rendered as application/problem+json. */
class ProblemException extends RuntimeException {
    final HttpStatus status;
    final String title;
    final String detail;
    final List<FieldError> errors;
    /** Seconds for a Retry-After header, or null for none. */
    final Integer retryAfterSeconds;
    /** Further members of the problem object (beside title, status, detail and errors). */
    final Map<String, Object> properties;

    ProblemException(
            HttpStatus status,
            String title,
            String detail,
            List<FieldError> errors,
            Integer retryAfterSeconds,
            Map<String, Object> properties) {
        super(title, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
        this.properties = Map.copyOf(properties);
    }

    ProblemException(
            HttpStatus status, String title, String detail, List<FieldError> errors, Integer retryAfterSeconds) {
        this(status, title, detail, errors, retryAfterSeconds, Map.of());
    }

    ProblemException(HttpStatus status, String title, String detail, List<FieldError> errors) {
        this(status, title, detail, errors, null);
    }

    ProblemException(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of());
    }
}
