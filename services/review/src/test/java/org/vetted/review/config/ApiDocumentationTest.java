package org.vetted.review.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vetted.review.support.ReviewServiceTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document against the service: every JSON endpoint the controllers map is in it (and nothing else),
 * every operation names its sign-in and roles, and these hold (anonymous: 401, another role: 403), every error it
 * documents is the Problem schema as application/problem+json; the document and Swagger UI open without sign-in.
 */
class ApiDocumentationTest extends ReviewServiceTest {
    /** What the document covers, as springdoc.paths-to-match says. */
    static final List<String> DOCUMENTED = List.of("/api/**");

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A test account of each role (application-test.yml). */
    static final Map<String, String[]> ACCOUNT_OF_ROLE = Map.of(
            "WRITER", new String[] {"wanda", "wanda-pass"},
            "MEDICAL_REVIEWER", new String[] {"rhea", "rhea-pass"},
            "EDITOR", new String[] {"eddie", "eddie-pass"});

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    JsonNode document() throws Exception {
        String body = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(body);
    }

    static Set<String> operations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
        return operations;
    }

    @Test
    void everyJsonEndpointIsDocumentedAndNothingElse() throws Exception {
        AntPathMatcher matcher = new AntPathMatcher();
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (String path : info.getPatternValues()) {
                if (DOCUMENTED.stream().anyMatch(pattern -> matcher.match(pattern, path))) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    assertThat(methods).as("the methods of " + path).isNotEmpty();
                    methods.forEach(method -> mapped.add(method.name() + " " + path));
                }
            }
        });

        JsonNode document = document();
        assertThat(mapped).isNotEmpty();
        assertThat(operations(document)).isEqualTo(mapped);
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("info").path("title").asString()).isEqualTo("Vetted review API");
        assertThat(document.path("info").path("version").asString()).isNotBlank();
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
        JsonNode document = document();
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path(ApiDocumentation.BASIC).path("scheme").asString())
                .isEqualTo("basic");
        assertThat(schemes.path(ApiDocumentation.BEARER).path("bearerFormat").asString())
                .isEqualTo("JWT");
        JsonNode problem = document.path("components").path("schemas").path(ApiDocumentation.PROBLEM);
        assertThat(names(problem.path("properties")))
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors", "reasons");
        assertThat(names(problem.path("properties").path("errors").path("items").path("properties")))
                .containsExactlyInAnyOrder("field", "reason");

        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    String operation = method.getKey() + " " + path.getKey();
                    JsonNode op = method.getValue();
                    Set<String> named = new TreeSet<>();
                    op.path("security").forEach(requirement -> named.addAll(names(requirement)));
                    assertThat(named)
                            .as(operation + " signs in with")
                            .containsExactlyInAnyOrder(ApiDocumentation.BASIC, ApiDocumentation.BEARER);
                    JsonNode responses = op.path("responses");
                    assertThat(names(responses)).as(operation).contains("401", "403", "429", "500", "503");
                    responses.properties().forEach(response -> {
                        if (response.getKey().startsWith("4")
                                || response.getKey().startsWith("5")) {
                            assertThat(response.getValue()
                                            .path("content")
                                            .path(ApiDocumentation.PROBLEM_JSON)
                                            .path("schema")
                                            .path("$ref")
                                            .asString())
                                    .as(operation + " " + response.getKey())
                                    .isEqualTo("#/components/schemas/Problem");
                            assertThat(names(response.getValue().path("content")))
                                    .containsExactly(ApiDocumentation.PROBLEM_JSON);
                        }
                    });
                }));
    }

    /** What the document says of sign-in holds: no credentials 401, an account of none of the roles 403. */
    @Test
    void theDocumentedSignInIsTheOneEnforced() throws Exception {
        JsonNode document = document();
        int checked = 0;
        for (var path : document.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                HttpMethod verb = HttpMethod.valueOf(method.getKey().toUpperCase());
                String uri = concrete(path.getKey());
                mvc.perform(request(verb, uri).contentType(MediaType.TEXT_PLAIN).content("x"))
                        .andExpect(status().isUnauthorized())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
                Set<String> roles = new TreeSet<>();
                method.getValue()
                        .path("security")
                        .forEach(requirement -> requirement
                                .properties()
                                .forEach(scheme -> scheme.getValue().forEach(role -> roles.add(role.asString()))));
                for (var account : ACCOUNT_OF_ROLE.entrySet()) {
                    boolean allowed = roles.isEmpty() || roles.contains(account.getKey());
                    if (!allowed) {
                        mvc.perform(request(verb, uri)
                                        .with(httpBasic(account.getValue()[0], account.getValue()[1]))
                                        .contentType(MediaType.TEXT_PLAIN)
                                        .content("x"))
                                .andExpect(status().isForbidden());
                        checked++;
                    } else if (verb == HttpMethod.GET) {
                        // Reads only: a role the document lets in is not turned away by sign-in.
                        int answer = mvc.perform(request(verb, uri)
                                        .with(httpBasic(account.getValue()[0], account.getValue()[1])))
                                .andReturn()
                                .getResponse()
                                .getStatus();
                        assertThat(answer)
                                .as(verb + " " + uri + " as " + account.getKey())
                                .isNotIn(401, 403);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("operations checked by role").isPositive();
    }

    @Test
    void theDocumentAndSwaggerUiOpenWithoutSignIn() throws Exception {
        mvc.perform(get("/swagger-ui.html"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/swagger-ui/index.html"));
        String page = mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy", ApiDocumentation.DOCS_POLICY))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Every script is a file of the jar: the policy runs no inline script.
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page);
        List<String> sources = new ArrayList<>();
        while (scripts.find()) {
            assertThat(scripts.group(1)).contains("src=");
            sources.add(scripts.group(1));
        }
        assertThat(sources).isNotEmpty();
        mvc.perform(get("/swagger-ui/swagger-ui-bundle.js")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/swagger-ui.css"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isOk());
        // Only reading: nothing else is let in on these paths.
        mvc.perform(request(HttpMethod.POST, "/v3/api-docs")).andExpect(status().isForbidden());
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", "doc-test");
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }
}
