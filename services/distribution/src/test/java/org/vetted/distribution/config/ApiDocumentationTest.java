package org.vetted.distribution.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vetted.support.projection.TestDatabase;
import org.vetted.support.web.ApiDocs;
import org.vetted.support.web.ApiDocsChecks;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document against the service: every machine-read endpoint the controllers map is in it (and no page),
 * every operation names its sign-in (none, or Basic as EDITOR) and that holds (anonymous: 401, a writer: 403), every
 * problem it documents is the Problem schema; the document and Swagger UI open without sign-in and while the pages
 * are still loading (this context never catches up, so every gated operation answers the 503 it documents).
 */
@SpringBootTest(
        properties = {
            "vetted.signing.demo-keys=true",
            "vetted.webhooks.dispatch=false",
            "vetted.security.users[0].username=eddie",
            "vetted.security.users[0].password={noop}eddie-pass",
            "vetted.security.users[0].roles=EDITOR",
            "vetted.security.users[1].username=wanda",
            "vetted.security.users[1].password={noop}wanda-pass",
            "vetted.security.users[1].roles=WRITER,MEDICAL_REVIEWER"
        })
@AutoConfigureMockMvc
@Import(TestChannelBinderConfiguration.class)
@ActiveProfiles("test")
class ApiDocumentationTest {
    /** What the document covers, as springdoc.paths-to-match says. */
    static final List<String> DOCUMENTED =
            List.of("/api/**", "/.well-known/jwks.json", "/feed.json", "/feed.atom", "/sitemap.xml", "/sitemaps/**");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyMachineReadEndpointIsDocumentedAndNoPage() throws Exception {
        Set<String> mapped = ApiDocsChecks.assertEveryEndpointDocumented(
                ApiDocsChecks.document(mvc), mappings, DOCUMENTED, "Vetted distribution API");
        assertThat(mapped).contains("GET /api/articles/{slug}", "GET /feed.json", "POST /api/subscriptions");
        assertThat(ApiDocumentation.REFUSALS.keySet()).isSubsetOf(mapped);
    }

    /**
     * Each operation names its sign-in and it holds; each documented 503 is answered now (the pages are still
     * loading), and every problem is the Problem schema.
     */
    @Test
    void everyOperationNamesItsSignInAndItsProblemsAndTheyHold() throws Exception {
        JsonNode document = ApiDocsChecks.document(mvc);
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path(ApiDocs.BASIC)
                        .path("scheme")
                        .asString())
                .isEqualTo("basic");
        ApiDocsChecks.assertProblemSchema(document);

        int secured = 0;
        for (var path : document.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                String operation = method.getKey() + " " + path.getKey();
                JsonNode op = method.getValue();
                HttpMethod verb = HttpMethod.valueOf(method.getKey().toUpperCase());
                String uri = path.getKey().replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
                assertThat(op.has("security"))
                        .as(operation + " names its sign-in")
                        .isTrue();
                Set<String> responses = ApiDocsChecks.names(op.path("responses"));
                boolean gated = ApiDocs.matches(ApiDocumentation.GATED, path.getKey());
                if (op.path("security").isEmpty()) {
                    int answer = mvc.perform(request(verb, uri))
                            .andReturn()
                            .getResponse()
                            .getStatus();
                    assertThat(answer).as(operation + " is public").isNotIn(401, 403);
                    assertThat(responses).doesNotContain("401", "403");
                } else {
                    secured++;
                    assertThat(op.path("security").toString()).isEqualTo("[{\"basicAuth\":[\"EDITOR\"]}]");
                    assertThat(responses).as(operation).contains("401", "403");
                    mvc.perform(request(verb, uri))
                            .andExpect(status().isUnauthorized())
                            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
                    mvc.perform(request(verb, uri).header("Authorization", ApiDocsChecks.basic("wanda:wanda-pass")))
                            .andExpect(status().isForbidden());
                }
                if (gated) {
                    assertThat(responses).as(operation).contains("503");
                    mvc.perform(request(verb, uri)
                                    .header("Authorization", ApiDocsChecks.basic("eddie:eddie-pass"))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{}"))
                            .andExpect(status().isServiceUnavailable())
                            .andExpect(header().string("Retry-After", "2"))
                            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
                } else {
                    assertThat(responses).as(operation).doesNotContain("503");
                }
                op.path("responses").properties().forEach(response -> {
                    JsonNode json = response.getValue().path("content").path(ApiDocs.PROBLEM_JSON);
                    if (!json.isMissingNode()) {
                        assertThat(ApiDocsChecks.problemRef(response.getValue()))
                                .as(operation + " " + response.getKey())
                                .isEqualTo("#/components/schemas/Problem");
                    } else if (response.getKey().matches("[45]..")) {
                        // The one error that is not a problem: the readers' not-found page of a sitemap page.
                        assertThat(operation + " " + response.getKey())
                                .isEqualTo("get /sitemaps/articles-{number}.xml 404");
                    }
                });
            }
        }
        assertThat(secured).as("operations of the subscriptions API").isPositive();
    }

    @Test
    void theDocumentAndSwaggerUiOpenWithoutSignIn() throws Exception {
        ApiDocsChecks.assertDocsOpenWithoutSignIn(mvc);
    }
}
