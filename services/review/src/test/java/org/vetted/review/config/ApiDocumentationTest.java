package org.vetted.review.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vetted.review.support.ReviewServiceTest;
import org.vetted.support.web.ApiDocsChecks;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document against the service (the shared {@link ApiDocsChecks}): every JSON endpoint the controllers
 * map is in it (and nothing else), every operation names its sign-in and roles, and these hold (anonymous: 401,
 * another role: 403), every error it documents is the Problem schema as application/problem+json; the document and
 * Swagger UI open without sign-in.
 */
class ApiDocumentationTest extends ReviewServiceTest {
    /** What the document covers, as springdoc.paths-to-match says. */
    static final List<String> DOCUMENTED = List.of("/api/**");

    /** A test account of each role (application-test.yml). */
    static final Map<String, List<String>> ACCOUNT_OF_ROLE = Map.of(
            "WRITER", List.of("wanda", "wanda-pass"),
            "MEDICAL_REVIEWER", List.of("rhea", "rhea-pass"),
            "EDITOR", List.of("eddie", "eddie-pass"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyJsonEndpointIsDocumentedAndNothingElse() throws Exception {
        JsonNode document = ApiDocsChecks.document(mvc);
        Set<String> mapped =
                ApiDocsChecks.assertEveryEndpointDocumented(document, mappings, DOCUMENTED, "Vetted review API");
        assertThat(mapped)
                .allSatisfy(operation -> assertThat(ApiDocumentation.rolesOf(operation))
                        .as("the roles of " + operation)
                        .isNotEmpty());
        assertThat(ApiDocumentation.REFUSALS.keySet()).isSubsetOf(mapped);
        // Answers springdoc cannot type (ResponseEntity<?>) name their schema.
        assertThat(document.at("/paths/~1api~1reviews~1{articleId}~1decision/post/responses/200/content"
                                + "/application~1json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/SignOffView");
    }

    @Test
    void everyOperationNamesItsSignInAndItsProblems() throws Exception {
        JsonNode document = ApiDocsChecks.document(mvc);
        ApiDocsChecks.assertProblemSchema(document, "reasons");
        ApiDocsChecks.assertSignedInOperations(document);
    }

    @Test
    void theDocumentedSignInIsTheOneEnforced() throws Exception {
        ApiDocsChecks.assertDocumentedSignInEnforced(mvc, ApiDocsChecks.document(mvc), ACCOUNT_OF_ROLE);
    }

    @Test
    void theDocumentAndSwaggerUiOpenWithoutSignIn() throws Exception {
        ApiDocsChecks.assertDocsOpenWithoutSignIn(mvc);
    }
}
