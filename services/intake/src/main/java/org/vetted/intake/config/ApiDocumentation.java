package org.vetted.intake.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
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
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.support.web.ApiDocs;

/**
 * The OpenAPI 3.1 document of intake's JSON API ({@code /v3/api-docs}, springdoc builds it from the controllers of
 * {@code /api/**}) and Swagger UI ({@code /swagger-ui.html}). Springdoc sees the mappings, not the security chain nor
 * the errors thrown by hand, so this adds them with the shared {@link ApiDocs}: the sign-in schemes that are on, the
 * roles of each operation (as {@link SecurityConfiguration} grants them), and every application/problem+json answer
 * an operation gives on purpose. ApiDocumentationTest fails when they drift apart.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {
    /** Roles an operation needs, any one of them, as SecurityConfiguration grants them; absent: any account. */
    static final Map<String, List<String>> ROLES = Map.of("POST /api/drafts", List.of("WRITER", "EDITOR"));

    /** What each operation refuses on purpose, beyond what every operation of the API answers (ApiDocs). */
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
        return ApiDocs.docsChain(http);
    }

    @Bean
    OpenAPI intakeApi(ObjectProvider<BuildProperties> build) {
        return ApiDocs.document(
                "Vetted intake API",
                "Writers submit drafts of health articles (a new article, or a new revision with ?articleId=) and "
                        + "follow their status through review, rendering and publication. Every error is "
                        + "application/problem+json (the Problem schema), naming the field and the reason where "
                        + "there is one. Until intake has replayed the article history after a start, every "
                        + "operation answers 503 with Retry-After.",
                build);
    }

    /** The sign-in schemes that are on (Basic with configured accounts, bearer with an issuer), and the problems. */
    @Bean
    OpenApiCustomizer intakeSecurityAndProblems(Accounts accounts, ObjectProvider<JwtDecoder> bearer) {
        ApiDocs.SignedInApi api = new ApiDocs.SignedInApi(
                "account",
                !accounts.all().isEmpty(),
                bearer.getIfAvailable() != null,
                key -> ROLES.getOrDefault(key, List.of()),
                REFUSALS);
        return openApi -> {
            ApiDocs.withProblem(
                    openApi,
                    "RFC 9457 problem details. A few answers add members of their own (articleId and revision of "
                            + "an unconfirmed submission).",
                    Map.of());
            api.describe(openApi, (key, operation) -> {
                if ("POST /api/drafts".equals(key)) {
                    describeSubmission(operation);
                }
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
}
