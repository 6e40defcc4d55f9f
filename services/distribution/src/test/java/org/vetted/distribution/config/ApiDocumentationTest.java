package org.vetted.distribution.config;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.vetted.support.projection.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    MockMvc mvc;

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

    @Test
    void everyMachineReadEndpointIsDocumentedAndNoPage() throws Exception {
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
        Set<String> documented = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> documented.add(method.getKey().toUpperCase() + " " + path.getKey())));
        assertThat(mapped).contains("GET /api/articles/{slug}", "GET /feed.json", "POST /api/subscriptions");
        assertThat(documented).isEqualTo(mapped);
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("info").path("title").asString()).isEqualTo("Vetted distribution API");
        assertThat(document.path("info").path("version").asString()).isNotBlank();
        assertThat(ApiDocumentation.REFUSALS.keySet()).isSubsetOf(mapped);
    }

    /**
     * Each operation names its sign-in and it holds; each documented 503 is answered now (the pages are still
     * loading), and every problem is the Problem schema.
     */
    @Test
    void everyOperationNamesItsSignInAndItsProblemsAndTheyHold() throws Exception {
        JsonNode document = document();
        assertThat(document.path("components")
                        .path("securitySchemes")
                        .path(ApiDocumentation.BASIC)
                        .path("scheme")
                        .asString())
                .isEqualTo("basic");
        JsonNode problem = document.path("components").path("schemas").path(ApiDocumentation.PROBLEM);
        assertThat(names(problem.path("properties")))
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");

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
                Set<String> responses = names(op.path("responses"));
                boolean gated = ApiDocumentation.matches(ApiDocumentation.GATED, path.getKey());
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
                    mvc.perform(request(verb, uri).header("Authorization", basic("wanda:wanda-pass")))
                            .andExpect(status().isForbidden());
                }
                if (gated) {
                    assertThat(responses).as(operation).contains("503");
                    mvc.perform(request(verb, uri)
                                    .header("Authorization", basic("eddie:eddie-pass"))
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .content("{}"))
                            .andExpect(status().isServiceUnavailable())
                            .andExpect(header().string("Retry-After", "2"))
                            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
                } else {
                    assertThat(responses).as(operation).doesNotContain("503");
                }
                op.path("responses").properties().forEach(response -> {
                    JsonNode json = response.getValue().path("content").path(ApiDocumentation.PROBLEM_JSON);
                    if (!json.isMissingNode()) {
                        assertThat(json.path("schema").path("$ref").asString())
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
        mvc.perform(request(HttpMethod.POST, "/v3/api-docs")).andExpect(status().isForbidden());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }
}
