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
import org.vetted.intake.app.SubmissionOutcome;

/**
 * The last-resort handler: any exception, checked ones included, is a 500 problem that says nothing about it; an
 * unreachable database is a 503, and so is a submission the pipeline did not confirm.
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
    void anUnconfirmedSubmissionIsA503ThatSendsTheWriterToTheArticleFirst() {
        ResponseEntity<ProblemDetail> response =
                handling.problem(DraftController.unconfirmed(new SubmissionOutcome.Unconfirmed("a-1", 4, "tea")));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
        assertThat(response.getBody().getTitle()).isEqualTo("Submission unconfirmed");
        assertThat(response.getBody().getDetail())
                .contains("may or may not have been submitted")
                .contains("/api/articles/a-1")
                .contains("revision 4")
                .contains("before sending it again");
        assertThat(response.getBody().getProperties())
                .containsEntry("articleId", "a-1")
                .containsEntry("revision", 4);
    }

    @Test
    void securityExceptionsAreLeftToSpringSecurity() {
        AccessDeniedException denied = new AccessDeniedException("no");

        assertThatThrownBy(() -> handling.unexpected(denied)).isSameAs(denied);
    }
}
