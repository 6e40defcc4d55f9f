package org.vetted.distribution.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.AntPathMatcher;

/**
 * The OpenAPI 3.1 document of distribution's machine-read endpoints ({@code /v3/api-docs}; springdoc builds it from
 * the controllers of {@code springdoc.paths-to-match}): the public article API, the feeds, the sitemaps and the keys,
 * open to all, and the editors' webhook subscriptions API, HTTP Basic with role EDITOR
 * ({@link WebhookSecurityConfiguration}). Swagger UI at {@code /swagger-ui.html}. Springdoc sees the mappings, not the
 * security chain, the readiness gate nor the errors thrown by hand, so this adds them, every problem+json answer with
 * the one {@value #PROBLEM} schema. ApiDocumentationTest fails when they drift apart.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASIC = "basicAuth";

    /** The document and the UI: they describe the API and hold no data, so they are read without signing in. */
    static final String[] DOCS = {
        "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
    };

    /** The readers' pages' rules (no inline script, no framing); Swagger UI's stylesheet draws icons from data: URLs. */
    static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Behind sign-in, as WebhookSecurityConfiguration matches it; everything else documented is public. */
    static final List<String> SUBSCRIPTIONS = List.of("/api/subscriptions", "/api/subscriptions/**");

    /** What the readiness gate holds (ReplayGate), answering 503 problem+json until the pages have caught up. */
    static final List<String> GATED =
            List.of("/", "/articles/**", "/feed.json", "/feed.atom", "/sitemap.xml", "/sitemaps/**", "/api/**");

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private static final String NOT_A_UUID = "A path parameter is not a UUID.";
    private static final String NO_SUBSCRIPTION = "No such subscription (or delivery).";

    /** What each operation refuses on purpose, beyond the sign-in and the gate. */
    static final Map<String, Map<String, String>> REFUSALS = Map.of(
            "POST /api/subscriptions",
            Map.of(
                    "400",
                    "The body is not {\"url\": string, \"events\": [string]}, or the URL or an event type is refused "
                            + "(each field and reason in errors).",
                    "413",
                    "The body is over 16 KiB."),
            "GET /api/subscriptions/{id}",
            Map.of("400", NOT_A_UUID, "404", NO_SUBSCRIPTION),
            "POST /api/subscriptions/{id}/secret",
            Map.of("400", NOT_A_UUID, "404", NO_SUBSCRIPTION),
            "DELETE /api/subscriptions/{id}",
            Map.of("400", NOT_A_UUID, "404", NO_SUBSCRIPTION),
            "GET /api/subscriptions/{id}/deliveries",
            Map.of("400", "id is not a UUID, or page or size is out of range.", "404", NO_SUBSCRIPTION),
            "POST /api/subscriptions/{id}/deliveries/{deliveryId}/replay",
            Map.of(
                    "400",
                    NOT_A_UUID,
                    "404",
                    NO_SUBSCRIPTION,
                    "409",
                    "Only a dead delivery is replayed; this one is pending or delivered."),
            "GET /api/articles/{slug}",
            Map.of("404", "No published article has this slug (slug names it)."));

    /** Answers other than 200, and the type of a body springdoc sees as a plain String. */
    private static final Map<String, String> SUCCESS = Map.of(
            "POST /api/subscriptions", "201",
            "DELETE /api/subscriptions/{id}", "204",
            "POST /api/subscriptions/{id}/deliveries/{deliveryId}/replay", "202");

    private static final Map<String, String> XML = Map.of(
            "GET /feed.atom", "application/atom+xml",
            "GET /sitemap.xml", "application/xml",
            "GET /sitemaps/articles-{number}.xml", "application/xml");

    @Bean
    @Order(0)
    SecurityFilterChain apiDocsChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(DOCS)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, DOCS)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DOCS_POLICY)))
                .build();
    }

    @Bean
    OpenAPI distributionApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Vetted distribution API")
                        .version(properties == null ? "unknown" : properties.getVersion())
                        .description("The published articles for downstream sites: each article as signed JSON, "
                                + "the JSON Feed and the Atom feed, the sitemaps, and the public keys that check the "
                                + "signatures (/.well-known/jwks.json); all public. Editors manage webhook "
                                + "subscriptions with HTTP Basic. Until distribution has loaded the published "
                                + "articles after a start, everything but the keys answers 503 problem+json with "
                                + "Retry-After."));
    }

    @Bean
    OpenApiCustomizer distributionSecurityAndProblems() {
        return openApi -> {
            // Here rather than on the OpenAPI bean: springdoc drops the schemas nothing refers to before this runs.
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSchemas(PROBLEM, problemSchema())
                    .addSecuritySchemes(
                            BASIC,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("basic")
                                    .description("An editor's username and password (vetted.security.users)."));
            forEachOperation(openApi, (key, operation) -> {
                String path = key.split(" ", 2)[1];
                ApiResponses responses = operation.getResponses();
                String success = SUCCESS.get(key);
                if (success != null) {
                    ApiResponse ok = responses.remove("200");
                    ok = ok == null ? new ApiResponse() : ok;
                    if ("204".equals(success)) {
                        ok.setContent(null);
                    }
                    responses.addApiResponse(success, ok.description(success.equals("201") ? "Created" : "Done"));
                }
                String xml = XML.get(key);
                if (xml != null && responses.get("200") != null) {
                    responses
                            .get("200")
                            .content(new Content().addMediaType(xml, new MediaType().schema(new StringSchema())));
                }
                if (matches(SUBSCRIPTIONS, path)) {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC, "EDITOR")));
                    responses.addApiResponse("401", problem("No credentials, or wrong ones (WWW-Authenticate)."));
                    responses.addApiResponse("403", problem("Only editors manage webhook subscriptions."));
                } else {
                    operation.setSecurity(List.of());
                }
                if (matches(GATED, path)) {
                    responses.addApiResponse(
                            "503",
                            problem("Starting up: the published articles are being loaded; try again after "
                                    + "Retry-After."));
                }
                REFUSALS.getOrDefault(key, Map.of())
                        .forEach((status, description) -> responses.addApiResponse(status, problem(description)));
                if ("GET /sitemaps/articles-{number}.xml".equals(key)) {
                    // The readers' plain not-found page, as for a page of the front page beyond the listing.
                    responses.addApiResponse(
                            "404",
                            new ApiResponse()
                                    .description("No such page of the sitemap.")
                                    .content(new Content()
                                            .addMediaType("text/html", new MediaType().schema(new StringSchema()))));
                }
                operation.setResponses(sorted(responses));
            });
        };
    }

    static boolean matches(List<String> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** RFC 9457 problem details, with the fields in error as this API names them. */
    static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field or parameter in error."))
                .addProperty("reason", new StringSchema().description("Why it is refused."))
                .required(List.of("field", "reason"));
        return new ObjectSchema()
                .description("RFC 9457 problem details. A few answers add members of their own (slug of an unknown "
                        + "article).")
                .addProperty("type", new StringSchema().format("uri-reference")._default("about:blank"))
                .addProperty("title", new StringSchema().description("The kind of problem, the same for every case."))
                .addProperty("status", new IntegerSchema().description("The HTTP status."))
                .addProperty("detail", new StringSchema().description("What went wrong in this case."))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("Each field in error."))
                .required(List.of("title", "status"));
    }

    static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new LinkedHashMap<>(responses)
                .entrySet().stream()
                        .sorted(Comparator.comparing(Map.Entry::getKey))
                        .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
        return sorted;
    }

    interface OperationVisitor {
        void visit(String key, Operation operation);
    }

    /** Each operation with its key, "METHOD path" as in the tables above. */
    static void forEachOperation(OpenAPI openApi, OperationVisitor visitor) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((PathItem.HttpMethod method, Operation operation) ->
                                visitor.visit(method.name() + " " + path, operation)));
    }
}
