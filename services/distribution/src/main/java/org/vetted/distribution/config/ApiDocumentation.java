package org.vetted.distribution.config;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.vetted.support.web.ApiDocs;

/**
 * The OpenAPI 3.1 document of distribution's machine-read endpoints ({@code /v3/api-docs}; springdoc builds it from
 * the controllers of {@code springdoc.paths-to-match}): the public article API, the feeds, the sitemaps and the keys,
 * open to all, and the editors' webhook subscriptions API, HTTP Basic with role EDITOR
 * ({@link WebhookSecurityConfiguration}). Swagger UI at {@code /swagger-ui.html}. Springdoc sees the mappings, not the
 * security chain, the readiness gate nor the errors thrown by hand, so this adds them with the shared
 * {@link ApiDocs}. ApiDocumentationTest fails when they drift apart.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {
    /** Behind sign-in, as WebhookSecurityConfiguration matches it; everything else documented is public. */
    static final List<String> SUBSCRIPTIONS = List.of("/api/subscriptions", "/api/subscriptions/**");

    /** What the readiness gate holds (ReplayGate), answering 503 problem+json until the pages have caught up. */
    static final List<String> GATED =
            List.of("/", "/articles/**", "/feed.json", "/feed.atom", "/sitemap.xml", "/sitemaps/**", "/api/**");

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
        return ApiDocs.docsChain(http);
    }

    @Bean
    OpenAPI distributionApi(ObjectProvider<BuildProperties> build) {
        return ApiDocs.document(
                "Vetted distribution API",
                "The published articles for downstream sites: each article as signed JSON, the JSON Feed and the "
                        + "Atom feed, the sitemaps, and the public keys that check the signatures "
                        + "(/.well-known/jwks.json); all public. Editors manage webhook subscriptions with HTTP "
                        + "Basic. Until distribution has loaded the published articles after a start, everything "
                        + "but the keys answers 503 problem+json with Retry-After.",
                build);
    }

    @Bean
    OpenApiCustomizer distributionSecurityAndProblems() {
        return openApi -> {
            ApiDocs.withProblem(
                            openApi,
                            "RFC 9457 problem details. A few answers add members of their own (slug of an unknown "
                                    + "article).",
                            Map.of())
                    .addSecuritySchemes(
                            ApiDocs.BASIC, ApiDocs.basic("An editor's username and password (vetted.security.users)."));
            ApiDocs.forEachOperation(openApi, (key, operation) -> {
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
                if (ApiDocs.matches(SUBSCRIPTIONS, path)) {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(ApiDocs.BASIC, "EDITOR")));
                    responses.addApiResponse("401", ApiDocs.problem(ApiDocs.NO_CREDENTIALS));
                    responses.addApiResponse("403", ApiDocs.problem("Only editors manage webhook subscriptions."));
                } else {
                    operation.setSecurity(List.of());
                }
                if (ApiDocs.matches(GATED, path)) {
                    responses.addApiResponse(
                            "503",
                            ApiDocs.problem("Starting up: the published articles are being loaded; try again after "
                                    + "Retry-After."));
                }
                ApiDocs.refuse(responses, REFUSALS.getOrDefault(key, Map.of()));
                if ("GET /sitemaps/articles-{number}.xml".equals(key)) {
                    // The readers' plain not-found page, as for a page of the front page beyond the listing.
                    responses.addApiResponse(
                            "404",
                            new ApiResponse()
                                    .description("No such page of the sitemap.")
                                    .content(new Content()
                                            .addMediaType("text/html", new MediaType().schema(new StringSchema()))));
                }
                operation.setResponses(ApiDocs.sorted(responses));
            });
        };
    }
}
