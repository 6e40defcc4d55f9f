package org.vetted.distribution.web.webhooks;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.vetted.distribution.app.webhooks.InvalidSubscriptionException;

/**
 * The subscriptions API's errors as application/problem+json, naming each field and its reason; no exception message
 * or stack trace reaches the client. Scoped to the subscriptions API: the public pages keep their own 404s.
 */
@RestControllerAdvice(assignableTypes = SubscriptionController.class)
public class SubscriptionProblems extends ResponseEntityExceptionHandler {

    @ExceptionHandler(InvalidSubscriptionException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSubscriptionException ex) {
        List<Map<String, String>> errors = ex.problems().stream()
                .map(problem -> Map.of("field", problem.field(), "reason", problem.reason()))
                .toList();
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid subscription",
                "The subscription is refused: "
                        + errors.stream()
                                .map(error -> error.get("field") + " " + error.get("reason"))
                                .toList(),
                errors);
    }

    @ExceptionHandler(SubscriptionController.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(SubscriptionController.InvalidParameterException ex) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid parameter",
                ex.field + " " + ex.reason,
                List.of(Map.of("field", ex.field, "reason", ex.reason)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String field = ex.getName();
        String reason = "must be " + (field.toLowerCase().endsWith("id") ? "a UUID" : "a number");
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid parameter",
                field + " " + reason,
                List.of(Map.of("field", field, "reason", reason)));
    }

    @ExceptionHandler(SubscriptionController.NoSuchSubscriptionException.class)
    ResponseEntity<ProblemDetail> notFound() {
        return problem(HttpStatus.NOT_FOUND, "Not found", "No such subscription or delivery.", null);
    }

    @ExceptionHandler(SubscriptionController.NotDeadException.class)
    ResponseEntity<ProblemDetail> notDead() {
        return problem(
                HttpStatus.CONFLICT,
                "Not dead",
                "Only a dead delivery can be replayed; this one is pending or delivered.",
                null);
    }

    @ExceptionHandler(SubscriptionController.BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge() {
        return problem(
                HttpStatus.CONTENT_TOO_LARGE,
                "Request body too large",
                "A subscription request is at most " + SubscriptionController.MAX_BODY_BYTES + " bytes.",
                List.of(Map.of("field", "body", "reason", "is too large")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The request body is missing or is not a JSON object {\"url\": string, \"events\": [string]}.");
        problem.setTitle("Unreadable request body");
        problem.setProperty("errors", List.of(Map.of("field", "body", "reason", "must be a JSON object")));
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String title, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
