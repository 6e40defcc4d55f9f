package org.vetted.review.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.StringSchema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.vetted.review.domain.staff.Staff;
import org.vetted.support.web.ApiDocs;

/**
 * The OpenAPI 3.1 document of review's JSON API ({@code /v3/api-docs}, springdoc builds it from the controllers of
 * {@code /api/**}) and Swagger UI ({@code /swagger-ui.html}). Springdoc sees the mappings, not the security chain nor
 * the errors thrown by hand, so this adds them with the shared {@link ApiDocs}: the sign-in schemes that are on, the
 * roles of each operation (as {@link SecurityConfiguration} grants them), and every application/problem+json answer
 * an operation gives on purpose. ApiDocumentationTest fails when they drift apart.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {
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
        boolean matches(String key) {
            String[] parts = key.split(" ", 2);
            return parts[0].equals(method) && ApiDocs.matches(List.of(pathPattern), parts[1]);
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
        return ApiDocs.docsChain(http);
    }

    @Bean
    OpenAPI reviewApi(ObjectProvider<BuildProperties> build) {
        return ApiDocs.document(
                "Vetted review API",
                "Medical reviewers work through the review queue: read a revision with what the claims library "
                        + "offers, decide each claim, accept a claim from the library, sign the revision off; search "
                        + "the claims library and retire entries. Editors read. Every error is "
                        + "application/problem+json (the Problem schema), naming the field and the reason where "
                        + "there is one. Until review has replayed the article history after a start, every "
                        + "operation answers 503 with Retry-After.",
                build);
    }

    /** The sign-in schemes that are on (Basic with configured staff, bearer with an issuer), and the problems. */
    @Bean
    OpenApiCustomizer reviewSecurityAndProblems(Staff staff, ObjectProvider<JwtDecoder> bearer) {
        ApiDocs.SignedInApi api = new ApiDocs.SignedInApi(
                "member of staff",
                !staff.isEmpty(),
                bearer.getIfAvailable() != null,
                ApiDocumentation::rolesOf,
                REFUSALS);
        return openApi -> {
            ApiDocs.withProblem(
                    openApi,
                    "RFC 9457 problem details. Refusals of a decision add reasons, the sentences of the review gate.",
                    Map.of(
                            "reasons",
                            new ArraySchema()
                                    .items(new StringSchema())
                                    .description("Why the review gate refuses (409, 403).")));
            api.describe(openApi, (key, operation) -> {});
        };
    }
}
