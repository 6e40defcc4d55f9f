package org.vetted.intake.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vetted.intake.IntakeAppTest;
import org.vetted.support.web.ApiDocsChecks;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document against the service (the shared {@link ApiDocsChecks}): every JSON endpoint the controllers
 * map is in it (and nothing else), every operation names its sign-in and roles, and these hold (anonymous: 401,
 * another role: 403), every error it documents is the Problem schema as application/problem+json; the document and
 * Swagger UI open without sign-in.
 */
class ApiDocumentationTest extends IntakeAppTest {
    /** What the document covers, as springdoc.paths-to-match says. */
    static final List<String> DOCUMENTED = List.of("/api/**");

    /** A test account of each role (application-test.yml). */
    static final Map<String, List<String>> ACCOUNT_OF_ROLE = Map.of(
            "WRITER", List.of("wanda", "wanda-pass"),
            "MEDICAL_REVIEWER", List.of("rhea", "rhea-pass"),
            "EDITOR", List.of("eddie", "eddie-pass"));

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyJsonEndpointIsDocumentedAndNothingElse() throws Exception {
        Set<String> mapped = ApiDocsChecks.assertEveryEndpointDocumented(
                ApiDocsChecks.document(mvc), mappings, DOCUMENTED, "Vetted intake API");
        assertThat(ApiDocumentation.ROLES.keySet()).isSubsetOf(mapped);
        assertThat(ApiDocumentation.REFUSALS.keySet()).isSubsetOf(mapped);
    }

    @Test
    void everyOperationNamesItsSignInAndItsProblems() throws Exception {
        JsonNode document = ApiDocsChecks.document(mvc);
        ApiDocsChecks.assertProblemSchema(document);
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
