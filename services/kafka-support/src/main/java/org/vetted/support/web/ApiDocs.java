package org.vetted.support.web;

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
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.AntPathMatcher;

/**
 * What the OpenAPI documents of intake, review and distribution have in common, written once: the docs' own filter
 * chain, the {@value #PROBLEM} schema every error answer refers to, the sign-in schemes and the walk over the
 * operations. Springdoc sees the mappings, not the security chains nor the errors thrown by hand, so each service's
 * {@code ApiDocumentation} adds them with these, keeping only its title, description, roles and refusals. Here
 * rather than in web-support: distribution has no sign-in and must not take web-support's error page.
 */
public final class ApiDocs {
    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final String BASIC = "basicAuth";
    public static final String BEARER = "bearerAuth";

    /** The document and the UI: they describe the API and hold no data, so they are read without signing in. */
    public static final List<String> DOCS =
            List.of("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**");

    /**
     * The pages' policy, but Swagger UI's stylesheet draws a few icons from data: URLs. Its scripts are files of the
     * jar (no inline script), and "try it out" calls this origin only.
     */
    public static final String DOCS_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** The 401 of every operation behind sign-in. */
    public static final String NO_CREDENTIALS = "No credentials, or wrong ones (WWW-Authenticate).";

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private ApiDocs() {}

    /** The chain of {@link #DOCS} (the service registers it first, {@code @Order(0)}): reading only, no session. */
    public static SecurityFilterChain docsChain(HttpSecurity http) throws Exception {
        String[] docs = DOCS.toArray(String[]::new);
        return http.securityMatcher(docs)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, docs)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(DOCS_POLICY)))
                .build();
    }

    /** The document's info: the service's title and description, the version of its build. */
    public static OpenAPI document(String title, String description, ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title(title)
                        .version(properties == null ? "unknown" : properties.getVersion())
                        .description(description));
    }

    /**
     * The document's components with the {@value #PROBLEM} schema: RFC 9457 problem details, the fields in error as
     * these APIs name them, and the members of the service's own ({@code extra}). Called from an OpenApiCustomizer
     * rather than on the OpenAPI bean: springdoc drops the schemas nothing refers to before customizers run.
     */
    public static Components withProblem(OpenAPI openApi, String description, Map<String, Schema<?>> extra) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field, parameter or header in error."))
                .addProperty("reason", new StringSchema().description("Why it is refused."))
                .required(List.of("field", "reason"));
        Schema<?> problem = new ObjectSchema()
                .description(description)
                .addProperty("type", new StringSchema().format("uri-reference")._default("about:blank"))
                .addProperty("title", new StringSchema().description("The kind of problem, the same for every case."))
                .addProperty("status", new IntegerSchema().description("The HTTP status."))
                .addProperty("detail", new StringSchema().description("What went wrong in this case."))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("Each field in error."));
        extra.forEach(problem::addProperty);
        problem.required(List.of("title", "status"));
        return openApi.getComponents().addSchemas(PROBLEM, problem);
    }

    public static SecurityScheme basic(String description) {
        return new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("basic")
                .description(description);
    }

    public static SecurityScheme bearer(String description) {
        return new SecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .bearerFormat("JWT")
                .description(description);
    }

    /** One requirement per scheme and role: any of them lets the request in (OpenAPI 3.1 lists roles there). */
    public static List<SecurityRequirement> requirements(List<String> schemes, List<String> roles) {
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

    /** An error answer: application/problem+json with the {@value #PROBLEM} schema. */
    public static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** Each status's problem of {@code refusals}, added to the operation's answers. */
    public static void refuse(ApiResponses responses, Map<String, String> refusals) {
        refusals.forEach((status, description) -> responses.addApiResponse(status, problem(description)));
    }

    /** The answers in the order of their status. */
    public static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new LinkedHashMap<>(responses)
                .entrySet().stream()
                        .sorted(Comparator.comparing(Map.Entry::getKey))
                        .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /** Each operation with its key, "METHOD path" (as the services' tables of roles and refusals name them). */
    public static void forEachOperation(OpenAPI openApi, BiConsumer<String, Operation> visitor) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((PathItem.HttpMethod method, Operation operation) ->
                                visitor.accept(method.name() + " " + path, operation)));
    }

    /** Whether {@code path} matches one of the Ant-style {@code patterns}. */
    public static boolean matches(List<String> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> PATHS.match(pattern, path));
    }

    /**
     * An API people sign in to (intake, review), documented alike: the schemes that are on (Basic with configured
     * users, bearer with an issuer), each operation's roles, and the problems every operation answers, plus its own.
     *
     * @param who whom a username and a token's subject name ("account", "member of staff")
     * @param roles the roles an operation (its key) needs, any one of them; empty: anyone signed in
     * @param refusals what each operation refuses on purpose, beyond what every operation answers
     */
    public record SignedInApi(
            String who,
            boolean basic,
            boolean bearer,
            Function<String, List<String>> roles,
            Map<String, Map<String, String>> refusals) {

        /** Adds the schemes and answers to {@code openApi}, first letting {@code own} describe each operation. */
        public void describe(OpenAPI openApi, BiConsumer<String, Operation> own) {
            Components components = openApi.getComponents();
            List<String> schemes = new ArrayList<>();
            if (basic) {
                schemes.add(BASIC);
                components.addSecuritySchemes(
                        BASIC, ApiDocs.basic("A configured " + who + "'s username and password."));
            }
            if (bearer) {
                schemes.add(BEARER);
                components.addSecuritySchemes(
                        BEARER,
                        ApiDocs.bearer("A token of the configured issuer for this service's audience; its subject "
                                + "names a configured " + who + "."));
            }
            forEachOperation(openApi, (key, operation) -> {
                operation.setSecurity(requirements(schemes, roles.apply(key)));
                own.accept(key, operation);
                ApiResponses responses = operation.getResponses();
                responses.addApiResponse("401", problem(NO_CREDENTIALS));
                responses.addApiResponse("403", problem("The " + who + "'s roles do not allow this request."));
                if (basic) {
                    responses.addApiResponse(
                            "429", problem("Too many failed sign-ins for this username or address (Retry-After)."));
                }
                responses.addApiResponse(
                        "503",
                        problem("Starting up (replaying article history), or the database is out of reach; "
                                + "try again after Retry-After."));
                responses.addApiResponse("500", problem("Unexpected error; nothing of it is shown."));
                refuse(responses, refusals.getOrDefault(key, Map.of()));
                operation.setResponses(sorted(responses));
            });
        }
    }
}
