package org.vetted.intake.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vetted.intake.TestTokens;
import org.vetted.support.projection.TestDatabase;

/**
 * The session cookie is Secure when the request is: behind a proxy on an internal address that says
 * {@code X-Forwarded-Proto: https} (forward-headers-strategy native), and not over plain HTTP, where a Secure cookie
 * would never come back (the local stack, these tests). Needs the real server: MockMvc makes no session cookie.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestChannelBinderConfiguration.class, TestTokens.class})
class SessionCookieSignInTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSecureExactlyWhenTheRequestIs() throws Exception {
        // An anonymous page request is saved in a new session before the redirect to /login.
        String behindTls = sessionCookie("https");
        String plain = sessionCookie(null);

        assertThat(behindTls)
                .startsWith("VETTED_INTAKE_SESSION=")
                .contains("; Secure")
                .contains("; HttpOnly");
        assertThat(plain)
                .startsWith("VETTED_INTAKE_SESSION=")
                .doesNotContain("Secure")
                .contains("; HttpOnly");
    }

    /** The throttled form forwards to the sign-in page as a GET: a forwarded POST would be a second attempt. */
    @Test
    void aThrottledFormSignInGetsTheSignInPageWith429() throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("CSRF token on the sign-in page").isTrue();
        String form = "username=mallory-" + UUID.randomUUID() + "&password=guess&_csrf=" + token.group(1);

        HttpResponse<String> response = null;
        for (int i = 0; i < 6; i++) {
            response = browser.send(
                    HttpRequest.newBuilder(url("/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).isEqualTo(429);
        // The 15-minute window less the seconds the failed attempts took.
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(wait -> assertThat(wait).matches("900|8[0-9][0-9]"));
        assertThat(response.body()).contains("id=\"sign-in-throttled\"").contains("name=\"password\"");
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String sessionCookie(String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .GET();
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        HttpResponse<Void> response =
                HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("VETTED_INTAKE_SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }
}
