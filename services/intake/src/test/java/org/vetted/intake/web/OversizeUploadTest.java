package org.vetted.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.vetted.intake.Replays;
import org.vetted.intake.TestTokens;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Over a real socket (Tomcat on a random port): a client that sends the whole oversized body, with a length or
 * chunked, still reads a 413 problem, not a reset connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestChannelBinderConfiguration.class, TestTokens.class})
class OversizeUploadTest {
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    private static final int MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    SharedProjection projection;

    @Autowired
    JsonMapper json;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void historyIsReplayed() {
        Replays.markCaughtUp(projection);
    }

    @ParameterizedTest(name = "{0} MiB with Content-Length")
    @ValueSource(ints = {2, 20})
    void aWholeOversizedBodyWithALengthGets413ProblemJson(int mebibytes) throws Exception {
        assertTooLarge(send(HttpRequest.BodyPublishers.ofByteArray(body(mebibytes))));
    }

    @ParameterizedTest(name = "{0} MiB chunked")
    @ValueSource(ints = {2, 20})
    void aWholeOversizedChunkedBodyGets413ProblemJson(int mebibytes) throws Exception {
        byte[] body = body(mebibytes);
        assertTooLarge(send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    private HttpResponse<String> send(HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/drafts"))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("wanda:wanda-pass".getBytes(StandardCharsets.UTF_8)))
                .POST(body)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(response.body()).doesNotContain("Exception");
    }

    private static byte[] body(int mebibytes) {
        byte[] body = new byte[mebibytes * MIB];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy("Title\n".getBytes(StandardCharsets.US_ASCII), 0, body, 0, 6);
        return body;
    }
}
