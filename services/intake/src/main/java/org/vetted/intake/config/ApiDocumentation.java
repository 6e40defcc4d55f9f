package org.vetted.intake.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
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
import org.vetted.intake.domain.accounts.Accounts;

/**
 * The OpenAPI 3.1 document of intake's JSON API ({@code /v3/api-docs}, springdoc builds it from the controllers of
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

    /** Roles an operation needs, any one of them, as SecurityConfiguration grants them; absent: any account. */
    static final Map<String, List<String>> ROLES = Map.of("POST /api/drafts", List.of("WRITER", "EDITOR"));

    /** What each operation refuses on purpose, beyond what every operation of the API answers (see below). */
    static final Map<String, Map<String, String>> REFUSALS = Map.of(
            "POST /api/drafts",
            Map.of(
                    "400",
                    "The draft breaks the house rules (each field and reason in errors), is not UTF-8, or the "
                            + "Idempotency-Key is not 1 to 128 visible ASCII characters.",
                    "403",
                    "The account may not submit drafts, is not an author of the article (new revision), or the "
                            + "request comes from another site's page.",
                    "404",
                    "articleId names no article.",
                    "409",
                    "The article was rejected for good and cannot be revised.",
                    "413",
                    "The body is over 256 KiB, or the draft would make a larger event than is published.",
                    "415",
                    "Not text/plain, text/markdown or text/html in UTF-8.",
                    "422",
                    "The Idempotency-Key already made another revision from another request.",
                    "503",
                    "Starting up (replaying article history), the database is out of reach, or the review pipeline "
                            + "did not take or confirm the draft (Retry-After; an unconfirmed one names articleId and "
                            + "revision)."),
            "GET /api/articles",
            Map.of("400", "limit is not 1 to 100, or cursor is not one a listing handed out."),
            "GET /api/articles/{id}",
            Map.of("404", "No article with this id that the account may see."));

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
    OpenAPI intakeApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("Vetted intake API")
                        .version(properties == null ? "unknown" : properties.getVersion())
                        .description("Writers submit drafts of health articles (a new article, or a new revision "
                                + "with ?articleId=) and follow their status through review, rendering and "
                                + "publication. Every error is application/problem+json (the Problem schema), "
                                + "naming the field and the reason where there is one. Until intake has replayed "
                                + "the article history after a start, every operation answers 503 with "
                                + "Retry-After."));
    }

    /** The sign-in schemes that are on (Basic with configured accounts, bearer with an issuer), and the problems. */
    @Bean
    OpenApiCustomizer intakeSecurityAndProblems(Accounts accounts, ObjectProvider<JwtDecoder> bearer) {
        return openApi -> {
            // Here rather than on the OpenAPI bean: springdoc drops the schemas nothing refers to before this runs.
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            List<String> schemes = new ArrayList<>();
            if (!accounts.all().isEmpty()) {
                schemes.add(BASIC);
                openApi.getComponents()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A configured account's username and password."));
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
                                                + "audience; its subject names a configured account."));
            }
            forEachOperation(openApi, (key, operation) -> {
                operation.setSecurity(requirements(schemes, ROLES.getOrDefault(key, List.of())));
                if ("POST /api/drafts".equals(key)) {
                    describeSubmission(operation);
                }
                ApiResponses responses = operation.getResponses();
                responses.addApiResponse("401", problem("No credentials, or wrong ones (WWW-Authenticate)."));
                responses.addApiResponse("403", problem("The account's roles do not allow this request."));
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

    /** The body is the draft itself, read as bytes (not bound by Spring), so springdoc cannot see it. */
    private static void describeSubmission(Operation operation) {
        Schema<String> text =
                new StringSchema().description("The draft: a title line, then the body; at most 256 KiB.");
        Content content = new Content();
        for (String type : List.of("text/plain", "text/markdown", "text/html")) {
            content.addMediaType(type, new MediaType().schema(text));
        }
        operation.setRequestBody(new RequestBody().required(true).content(content));
        ApiResponses responses = operation.getResponses();
        ApiResponse accepted = responses.remove("200");
        responses.addApiResponse(
                "202",
                (accepted == null ? new ApiResponse() : accepted)
                        .description("Handed to review; Location is the article's status.")
                        .addHeaderObject("Location", new Header().schema(new StringSchema())));
        responses.addApiResponse(
                "303",
                new ApiResponse()
                        .description("This Idempotency-Key made a revision before: Location points at it "
                                + "(Idempotent-Replayed: true); nothing new was sent.")
                        .addHeaderObject("Location", new Header().schema(new StringSchema())));
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
                .description("RFC 9457 problem details. A few answers add members of their own (articleId and "
                        + "revision of an unconfirmed submission).")
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
