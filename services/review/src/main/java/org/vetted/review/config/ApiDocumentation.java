package org.vetted.review.config;

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
import java.util.ArrayList;
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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.AntPathMatcher;
import org.vetted.review.domain.staff.Staff;

/**
 * The OpenAPI 3.1 document of review's JSON API ({@code /v3/api-docs}, springdoc builds it from the controllers of
 * {@code /api/**}) and Swagger UI ({@code /swagger-ui.html}). Springdoc sees the mappings, not the security chain nor
 * the errors thrown by hand, so this adds them: the sign-in schemes that are on, the roles of each operation (as
 * {@link SecurityConfiguration} grants them), and every application/problem+json answer an operation gives on
 * purpose, all with the one {@value #PROBLEM} schema. ApiDocumentationTest fails when they drift apart.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    /** The document and the UI: they describe the API and hold no data, so they are read without signing in. */
    static final String[] DOCS = {
        "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"
    };

    /**
     * The pages' policy, but Swagger UI's stylesheet draws a few icons from data: URLs. Its scripts are files of the
     * jar (no inline script), and "try it out" calls this origin only.
     */
    static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * Roles an operation needs, any one of them, as {@link SecurityConfiguration} grants them: the first rule whose
     * method and path pattern match. An operation no rule matches is refused to everyone there.
     */
    static final List<Rule> ROLES = List.of(
            new Rule("GET", "/api/reviews", List.of("MEDICAL_REVIEWER", "EDITOR")),
            new Rule("GET", "/api/reviews/**", List.of("MEDICAL_REVIEWER", "EDITOR")),
            new Rule("POST", "/api/reviews/*/retraction", List.of("MEDICAL_REVIEWER", "EDITOR")),
            new Rule("POST", "/api/reviews/*/takedown", List.of("MEDICAL_REVIEWER", "EDITOR")),
            new Rule("POST", "/api/reviews/**", List.of("MEDICAL_REVIEWER")),
            new Rule("GET", "/api/claims", List.of("MEDICAL_REVIEWER", "EDITOR")),
            new Rule("POST", "/api/claims/*/retire", List.of("MEDICAL_REVIEWER")));

    record Rule(String method, String pathPattern, List<String> roles) {
        private static final AntPathMatcher PATHS = new AntPathMatcher();

        boolean matches(String key) {
            String[] parts = key.split(" ", 2);
            return parts[0].equals(method) && PATHS.match(pathPattern, parts[1]);
        }
    }

    static List<String> rolesOf(String key) {
        return ROLES.stream()
                .filter(rule -> rule.matches(key))
                .findFirst()
                .map(Rule::roles)
                .orElse(List.of());
    }

    private static final String DECISION_400 = "The body is not a JSON object of the expected shape, or a field is "
            + "refused (each field and reason in errors).";
    private static final String DECISION_403 = "Not a credentialed medical reviewer, or the reviewer's own article.";
    private static final String DECISION_409 =
            "The revision is no longer open, or a newer one is under review (reasons).";
    private static final String DECISION_413 = "The body is over the size limit.";
    private static final String WITHDRAWAL_400 =
            "reason is missing, blank once invisible characters are set aside, or over 2000 characters.";
    private static final String DECISION_503 = "Starting up (replaying article history), the database is out of "
            + "reach, or the decision could not be published and was not recorded; try again after Retry-After.";

    /** What each operation refuses on purpose, beyond what every operation of the API answers (see below). */
    static final Map<String, Map<String, String>> REFUSALS = Map.of(
            "POST /api/reviews/{articleId}/retraction",
            Map.of(
                    "400", WITHDRAWAL_400,
                    "404", "No article of this id.",
                    "409", "Never approved, or already taken down (a retraction cannot follow a takedown).",
                    "413", DECISION_413,
                    "503", DECISION_503),
            "POST /api/reviews/{articleId}/takedown",
            Map.of(
                    "400", WITHDRAWAL_400,
                    "404", "No article of this id.",
                    "409", "Never approved.",
                    "413", DECISION_413,
                    "503", DECISION_503),
            "GET /api/reviews",
            Map.of("400", "A query parameter is none of its kind (limit, cursor, sort, flags, text length)."),
            "GET /api/reviews/{articleId}",
            Map.of("404", "No revision of this article is under review."),
            "POST /api/reviews/{articleId}/claims/{claimId}",
            Map.of(
                    "400", DECISION_400,
                    "403", DECISION_403,
                    "404", "No revision of this article is under review, or it has no such claim.",
                    "409", DECISION_409,
                    "413", DECISION_413,
                    "503", DECISION_503),
            "POST /api/reviews/{articleId}/claims/{claimId}/accept-library",
            Map.of(
                    "400", DECISION_400,
                    "403", DECISION_403,
                    "404", "No revision of this article is under review, or it has no such claim.",
                    "409", DECISION_409 + " Or the claims library has no standing entry of this exact text.",
                    "413", DECISION_413,
                    "503", DECISION_503),
            "POST /api/reviews/{articleId}/decision",
            Map.of(
                    "400",
                    DECISION_400 + " contentHash is required; a rejection or a sign-off without claims needs "
                            + "a comment.",
                    "403",
                    DECISION_403,
                    "404",
                    "No revision of this article is under review.",
                    "409",
                    DECISION_409 + " Or the review gate blocks the approval (reasons).",
                    "413",
                    DECISION_413,
                    "503",
                    DECISION_503),
            "GET /api/claims",
            Map.of("400", "query is missing, too short or too long."),
            "POST /api/claims/{key}/retire",
            Map.of(
                    "400", "reason is missing or too long, or the body is not a JSON object.",
                    "403", "Only a credentialed medical reviewer retires entries.",
                    "404", "No claims library entry has this key.",
                    "413", DECISION_413));

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
    OpenAPI reviewApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Vetted review API")
                        .version(properties == null ? "unknown" : properties.getVersion())
                        .description("Medical reviewers work through the review queue: read a revision with what the "
                                + "claims library offers, decide each claim, accept a claim from the library, sign "
                                + "the revision off; search the claims library and retire entries. Editors read. "
                                + "Every error is application/problem+json (the Problem schema), naming the field "
                                + "and the reason where there is one. Until review has replayed the article history "
                                + "after a start, every operation answers 503 with Retry-After."));
    }

    /** The sign-in schemes that are on (Basic with configured accounts, bearer with an issuer), and the problems. */
    @Bean
    OpenApiCustomizer reviewSecurityAndProblems(Staff staff, ObjectProvider<JwtDecoder> bearer) {
        return openApi -> {
            // Here rather than on the OpenAPI bean: springdoc drops the schemas nothing refers to before this runs.
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            List<String> schemes = new ArrayList<>();
            if (!staff.isEmpty()) {
                schemes.add(BASIC);
                openApi.getComponents()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A configured member of staff's username and password."));
            }
            if (bearer.getIfAvailable() != null) {
                schemes.add(BEARER);
                openApi.getComponents()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A token of the configured issuer for this service's "
                                                + "audience; its subject names a configured member of staff."));
            }
            forEachOperation(openApi, (key, operation) -> {
                operation.setSecurity(requirements(schemes, rolesOf(key)));
                ApiResponses responses = operation.getResponses();
                responses.addApiResponse("401", problem("No credentials, or wrong ones (WWW-Authenticate)."));
                responses.addApiResponse("403", problem("The member of staff's roles do not allow this request."));
                if (schemes.contains(BASIC)) {
                    responses.addApiResponse(
                            "429", problem("Too many failed sign-ins for this username or address (Retry-After)."));
                }
                responses.addApiResponse(
                        "503",
                        problem("Starting up (replaying article history), or the database is out of reach; "
                                + "try again after Retry-After."));
                responses.addApiResponse("500", problem("Unexpected error; nothing of it is shown."));
                REFUSALS.getOrDefault(key, Map.of())
                        .forEach((status, description) -> responses.addApiResponse(status, problem(description)));
                operation.setResponses(sorted(responses));
            });
        };
    }

    /** One requirement per scheme and role: any of them lets the request in (OpenAPI 3.1 lists roles there). */
    static List<SecurityRequirement> requirements(List<String> schemes, List<String> roles) {
        List<SecurityRequirement> requirements = new ArrayList<>();
        for (String scheme : schemes) {
            if (roles.isEmpty()) {
                requirements.add(new SecurityRequirement().addList(scheme));
            }
            for (String role : roles) {
                requirements.add(new SecurityRequirement().addList(scheme, role));
            }
        }
        return requirements;
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
                .addProperty("field", new StringSchema().description("The field, parameter or header in error."))
                .addProperty("reason", new StringSchema().description("Why it is refused."))
                .required(List.of("field", "reason"));
        return new ObjectSchema()
                .description("RFC 9457 problem details. Refusals of a decision add reasons, the sentences of "
                        + "the review gate.")
                .addProperty("type", new StringSchema().format("uri-reference")._default("about:blank"))
                .addProperty("title", new StringSchema().description("The kind of problem, the same for every case."))
                .addProperty("status", new IntegerSchema().description("The HTTP status."))
                .addProperty("detail", new StringSchema().description("What went wrong in this case."))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("Each field in error."))
                .addProperty(
                        "reasons",
                        new ArraySchema()
                                .items(new StringSchema())
                                .description("Why the review " + "gate refuses (409, 403)."))
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
