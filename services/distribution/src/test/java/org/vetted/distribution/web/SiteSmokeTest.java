package org.vetted.distribution.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vetted.distribution.Replay;
import org.vetted.distribution.Signed;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Author;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.Reviewer;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;

/** The whole app on a real port (test binder instead of Kafka): health, a page, and the container's error pages. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vetted.signing.demo-keys=true")
@Import(TestChannelBinderConfiguration.class)
// The demo keys are honoured only under the local or test profile.
@ActiveProfiles("test")
class SiteSmokeTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    PageStore pages;

    @Autowired
    SharedProjection projection;

    @BeforeEach
    void replayIsOver() {
        Replay.markCaughtUp(projection);
    }

    @Test
    void healthIsOpenAndUp() throws Exception {
        HttpResponse<String> health = get("/actuator/health", "application/json");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "replay");
    }

    @Test
    void publishedArticleIsServedAsAPage() throws Exception {
        pages.apply(Signed.publication(PublishedArticle.builder()
                .eventId("e1")
                .articleId("a1")
                .revision(1)
                .slug("smoke")
                .title("Smoke “test”")
                .summary("Summary.")
                .html("<p>Body.</p>")
                .url("http://localhost:8084/articles/smoke")
                .authors(List.of(new Author("wanda", "Wanda Writer")))
                .medicallyReviewedBy(new Reviewer("rita", "Rita Reyes", "MD"))
                .medicallyReviewedAt(Instant.parse("2026-11-25T15:30:00Z"))
                .contentHash("sha256:x")
                .publishedAt(Instant.parse("2026-11-25T16:00:00Z"))
                .build()));

        HttpResponse<String> page = get("/articles/smoke", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/html").containsIgnoringCase("charset=UTF-8"));
        assertThat(page.body()).contains("<title>Smoke “test” | Vetted</title>", "<p>Body.</p>");

        // Published before the credits were carried: the signer alone is credited on the front page.
        HttpResponse<String> home = get("/", "text/html");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Security-Policy"))
                .hasValue(ArticlePageController.CONTENT_SECURITY_POLICY);
        assertThat(home.body())
                .contains(
                        "<a href=\"/articles/smoke\">Smoke “test”</a>",
                        "<span class=\"reviewed-by\">Rita Reyes, MD</span>");
    }

    @Test
    void unknownPathIsThePlainNotFoundPageForBrowsers() throws Exception {
        HttpResponse<String> page = get("/no/such/page", "text/html");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body())
                .contains("<h1>Not found</h1>", "<a class=\"home\" rel=\"home\" href=\"/\">Vetted</a>")
                .doesNotContain("Whitelabel", "Exception");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", accept)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
