package org.vetted.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

/** The last-resort handler: any exception, checked ones included, is a 500 problem that says nothing about it. */
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
    void securityExceptionsAreLeftToSpringSecurity() {
        AccessDeniedException denied = new AccessDeniedException("no");

        assertThatThrownBy(() -> handling.unexpected(denied)).isSameAs(denied);
    }
}
