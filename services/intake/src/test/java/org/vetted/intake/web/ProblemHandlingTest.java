package org.vetted.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

/**
 * The last-resort handler: any exception, checked ones included, is a 500 problem that says nothing about it; an
 * unreachable database is a 503.
 */
class ProblemHandlingTest {
    private final ProblemHandling handling = new ProblemHandling();

    @Test
    void aCheckedExceptionIsAGeneric500ProblemWithoutItsMessage() throws Exception {
        ResponseEntity<ProblemDetail> response = handling.unexpected(new IOException("/var/secret/file.db locked"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getTitle()).isEqualTo("Internal error");
        assertThat(response.getBody().getDetail()).doesNotContain("secret").doesNotContain("IOException");
    }

    @Test
    void anUnreachableDatabaseIsA503WorthRetryingThatSaysNothingOfTheDatabase() {
        ResponseEntity<ProblemDetail> response = handling.databaseUnavailable(
                new DataAccessResourceFailureException("Connection to db.internal:5432 refused"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().getDetail()).doesNotContain("db.internal");
    }

    @Test
    void securityExceptionsAreLeftToSpringSecurity() {
        AccessDeniedException denied = new AccessDeniedException("no");

        assertThatThrownBy(() -> handling.unexpected(denied)).isSameAs(denied);
    }
}
