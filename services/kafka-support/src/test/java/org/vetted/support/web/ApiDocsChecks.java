package org.vetted.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks of an OpenAPI document (ApiDocs) against the running service, shared by the services'
 * ApiDocumentationTests: every endpoint the controllers map under the documented paths is in it and nothing else (so
 * a test fails when an endpoint is undocumented), its problems are the Problem schema, the sign-in it states is the
 * one enforced, and the document and Swagger UI open without signing in.
 */
public final class ApiDocsChecks {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiDocsChecks() {}

    public static JsonNode document(MockMvc mvc) throws Exception {
        String body = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JSON.readTree(body);
    }

    /**
     * Asserts that the document of {@code title} lists exactly the operations the controllers map under
     * {@code documented} (springdoc.paths-to-match), and answers them, "METHOD path".
     */
    public static Set<String> assertEveryEndpointDocumented(
            JsonNode document, RequestMappingHandlerMapping mappings, List<String> documented, String title) {
        AntPathMatcher matcher = new AntPathMatcher();
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            for (String path : info.getPatternValues()) {
                if (documented.stream().anyMatch(pattern -> matcher.match(pattern, path))) {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    assertThat(methods).as("the methods of " + path).isNotEmpty();
                    methods.forEach(method -> mapped.add(method.name() + " " + path));
                }
            }
        });
        Set<String> operations = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> operations.add(method.getKey().toUpperCase() + " " + path.getKey())));
        assertThat(mapped).isNotEmpty();
        assertThat(operations).as("the operations documented").isEqualTo(mapped);
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("info").path("title").asString()).isEqualTo(title);
        assertThat(document.path("info").path("version").asString()).isNotBlank();
        return mapped;
    }

    /** The Problem schema has the members of RFC 9457, the fields in error, and {@code own}. */
    public static void assertProblemSchema(JsonNode document, String... own) {
        JsonNode problem = document.path("components").path("schemas").path(ApiDocs.PROBLEM);
        Set<String> members = new TreeSet<>(List.of("type", "title", "status", "detail", "instance", "errors"));
        members.addAll(List.of(own));
        assertThat(names(problem.path("properties"))).isEqualTo(members);
        assertThat(names(problem.path("properties").path("errors").path("items").path("properties")))
                .containsExactlyInAnyOrder("field", "reason");
    }

    /**
     * An API people sign in to (ApiDocs.SignedInApi, Basic and bearer on): every operation names both schemes and the
     * problems every operation answers, and each error is the Problem schema as application/problem+json.
     */
    public static void assertSignedInOperations(JsonNode document) {
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path(ApiDocs.BASIC).path("scheme").asString()).isEqualTo("basic");
        assertThat(schemes.path(ApiDocs.BEARER).path("bearerFormat").asString()).isEqualTo("JWT");
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(method -> {
                    String operation = method.getKey() + " " + path.getKey();
                    JsonNode op = method.getValue();
                    Set<String> named = new TreeSet<>();
                    op.path("security").forEach(requirement -> named.addAll(names(requirement)));
                    assertThat(named)
                            .as(operation + " signs in with")
                            .containsExactlyInAnyOrder(ApiDocs.BASIC, ApiDocs.BEARER);
                    JsonNode responses = op.path("responses");
                    assertThat(names(responses)).as(operation).contains("401", "403", "429", "500", "503");
                    responses.properties().forEach(response -> {
                        if (response.getKey().startsWith("4")
                                || response.getKey().startsWith("5")) {
                            assertThat(names(response.getValue().path("content")))
                                    .as(operation + " " + response.getKey())
                                    .containsExactly(ApiDocs.PROBLEM_JSON);
                            assertThat(problemRef(response.getValue()))
                                    .as(operation + " " + response.getKey())
                                    .isEqualTo("#/components/schemas/Problem");
                        }
                    });
                }));
    }

    /**
     * What the document says of sign-in holds: no credentials 401 (problem+json), a user of none of the operation's
     * roles 403, and a user of one of them is not turned away by sign-in (reads only). {@code userOfRole}: a test user
     * of each role, username and password.
     */
    public static void assertDocumentedSignInEnforced(
            MockMvc mvc, JsonNode document, Map<String, List<String>> userOfRole) throws Exception {
        int checked = 0;
        for (var path : document.path("paths").properties()) {
            for (var method : path.getValue().properties()) {
                HttpMethod verb = HttpMethod.valueOf(method.getKey().toUpperCase());
                String uri = path.getKey().replaceAll("\\{[^}]+}", "doc-test");
                mvc.perform(request(verb, uri).contentType(MediaType.TEXT_PLAIN).content("x"))
                        .andExpect(status().isUnauthorized())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
                Set<String> roles = new TreeSet<>();
                method.getValue()
                        .path("security")
                        .forEach(requirement -> requirement
                                .properties()
                                .forEach(scheme -> scheme.getValue().forEach(role -> roles.add(role.asString()))));
                for (var user : userOfRole.entrySet()) {
                    String basic =
                            basic(user.getValue().get(0) + ":" + user.getValue().get(1));
                    boolean allowed = roles.isEmpty() || roles.contains(user.getKey());
                    if (!allowed) {
                        mvc.perform(request(verb, uri)
                                        .header("Authorization", basic)
                                        .contentType(MediaType.TEXT_PLAIN)
                                        .content("x"))
                                .andExpect(status().isForbidden());
                        checked++;
                    } else if (verb == HttpMethod.GET) {
                        int answer = mvc.perform(request(verb, uri).header("Authorization", basic))
                                .andReturn()
                                .getResponse()
                                .getStatus();
                        assertThat(answer)
                                .as(verb + " " + uri + " as " + user.getKey())
                                .isNotIn(401, 403);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).as("operations checked by role").isPositive();
    }

    /** The document and Swagger UI open without signing in, under ApiDocs.DOCS_POLICY (no inline script), read only. */
    public static void assertDocsOpenWithoutSignIn(MockMvc mvc) throws Exception {
        mvc.perform(get("/swagger-ui.html"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/swagger-ui/index.html"));
        String page = mvc.perform(get("/swagger-ui/index.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy", ApiDocs.DOCS_POLICY))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // Every script is a file of the jar: the policy runs no inline script.
        Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(page);
        int found = 0;
        while (scripts.find()) {
            assertThat(scripts.group(1)).contains("src=");
            found++;
        }
        assertThat(found).isPositive();
        mvc.perform(get("/swagger-ui/swagger-ui-bundle.js")).andExpect(status().isOk());
        mvc.perform(get("/swagger-ui/swagger-ui.css"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/css"));
        mvc.perform(get("/v3/api-docs/swagger-config")).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs.yaml")).andExpect(status().isOk());
        // Only reading: nothing else is let in on these paths.
        mvc.perform(request(HttpMethod.POST, "/v3/api-docs")).andExpect(status().isForbidden());
    }

    /** The schema an answer's application/problem+json refers to; empty when it has none. */
    public static String problemRef(JsonNode response) {
        return response.path("content")
                .path(ApiDocs.PROBLEM_JSON)
                .path("schema")
                .path("$ref")
                .asString();
    }

    public static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    public static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }
}
