package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.vetted.contract.Topics;
import tools.jackson.databind.JsonNode;

/** What an operator sees of one journey: one trace per request across the Kafka hops, and the metrics counting it. */
interface OperationsScenarios extends PipelineSteps {
    /** W3C trace context: version, trace id, parent span id, flags. */
    Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-0[01]");

    @TopologyIndependent
    @Test
    default void aSignOffIsOneTraceThroughReviewRenderingAndDistributionAndTheMetricsCountTheJourney() {
        JsonNode submitted = submit("wanda", "zinc-and-colds.txt", null);
        String articleId = submitted.path("articleId").asString();
        JsonNode underReview = awaitUnderReview(articleId, 1);
        approveEveryClaim("rita", articleId, underReview);
        Http.Response signed = signOff(
                "rita", articleId, "APPROVE", underReview.path("contentHash").asString());
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        awaitPublished(articleId, 1);

        // The submission's trace goes from intake's request into review; the sign-off's from review's request
        // through rendering and distribution. Each record carries its trace in the traceparent header.
        String drafted = traceOf(kafka().recordsFor(Topics.DRAFT_SUBMITTED, articleId));
        String approved = traceOf(kafka().recordsFor(Topics.APPROVED, articleId));
        assertThat(traceOf(kafka().recordsFor(Topics.RENDERED, articleId))).isEqualTo(approved);
        assertThat(traceOf(kafka().recordsFor(Topics.PUBLISHED, articleId))).isEqualTo(approved);
        assertThat(approved).isNotEqualTo(drafted);
        // Every service's log lines carry the trace id, so one article is followed by grep across the four.
        await().atMost(PIPELINE).untilAsserted(() -> {
            assertThat(logLine("intake", drafted)).contains("Submitted article " + articleId);
            assertThat(logLine("review", drafted)).contains("Article " + articleId + " revision 1 is open");
            assertThat(logLine("review", approved)).contains("Approved article " + articleId);
            assertThat(logLine("rendering", approved)).contains("Rendered article " + articleId);
            assertThat(logLine("distribution", approved)).contains("Publishing article " + articleId);
        });

        assertThat(Http.get(intake() + "/actuator/prometheus", null).status())
                .as("metrics need the scraper's token")
                .isEqualTo(401);
        assertThat(Http.getWithBearer(review() + "/actuator/prometheus", "not-the-token-at-all")
                        .status())
                .isEqualTo(401);
        await().atMost(PIPELINE).untilAsserted(() -> {
            Map<String, String> metrics = Map.of(
                    "intake", scrape(intake()),
                    "review", scrape(review()),
                    "rendering", scrape(rendering()),
                    "distribution", scrape(distribution()));
            assertThat(value(metrics.get("intake"), "vetted_drafts_submitted_total", "channel=\"api\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics.get("intake"), "vetted_drafts_claims_count"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics.get("intake"), "vetted_review_time_to_approval_seconds_count"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(
                            metrics.get("review"),
                            "vetted_review_decisions_total",
                            "kind=\"claim\"",
                            "outcome=\"approved\""))
                    .isGreaterThanOrEqualTo(submitted.path("claims").size());
            assertThat(value(
                            metrics.get("review"),
                            "vetted_review_decisions_total",
                            "kind=\"article\"",
                            "outcome=\"approved\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics.get("distribution"), "vetted_publication_lag_seconds_count"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics.get("distribution"), "vetted_webhooks_deliveries", "state=\"pending\""))
                    .isGreaterThanOrEqualTo(0);
            for (String service : List.of("intake", "review", "distribution")) {
                assertThat(value(metrics.get(service), "vetted_projection_ready"))
                        .as(service)
                        .isEqualTo(1);
            }
        });
    }

    /**
     * {@code java -jar stack/target/stack.jar import}, the shipped jar, on a folder with good and bad drafts: the good
     * ones become articles, the refused and skipped ones are named, and a second run creates nothing.
     */
    @Test
    default void anArchiveImportedTwiceMakesEachArticleOnce() throws Exception {
        Path folder = Files.createTempDirectory("vetted-archive");
        Files.writeString(folder.resolve("zinc.txt"), PipelineSteps.fixture("zinc-and-colds.txt"));
        Files.createDirectories(folder.resolve("2019"));
        Files.writeString(
                folder.resolve("2019/nap.html"),
                "<html><head><script>track()</script></head><body><nav><a href=\"/\">Home</a></nav><article>"
                        + "<h1>Can a Short Nap Help Memory?</h1><p>A short nap may help some adults remember a "
                        + "list, a small study suggests.</p></article></body></html>");
        Files.writeString(folder.resolve("bell.md"), "# Bell\n\nA bell \u0007 rings.\n");
        Files.writeString(folder.resolve("empty.md"), "  \n");
        Files.writeString(folder.resolve("cover.jpg"), "not a draft");

        String first = importArchive(folder);
        assertThat(first).contains("Created (article, revision, file) (2):");
        assertThat(first).contains("bell.md: HTTP 400: body: contains control character U+0007");
        assertThat(first).contains("empty.md: empty");
        assertThat(first).contains("2 imported, 0 already imported, 2 failed or skipped, 1 other files ignored");
        Matcher created =
                Pattern.compile("(?m)^  ([0-9a-f-]{36})  revision 1  (\\S+)$").matcher(first);
        Map<String, String> articles = new HashMap<>();
        while (created.find()) {
            articles.put(created.group(2), created.group(1));
        }
        assertThat(articles).containsOnlyKeys("zinc.txt", "2019/nap.html");
        Http.Response nap = Http.get(intake() + "/api/articles/" + articles.get("2019/nap.html"), "wanda");
        assertThat(nap.status()).as(nap.body()).isEqualTo(200);
        assertThat(nap.body()).contains("Can a Short Nap Help Memory?").doesNotContain("track()");

        String second = importArchive(folder);
        assertThat(second).contains("0 imported, 2 already imported, 2 failed or skipped");
        for (Map.Entry<String, String> article : articles.entrySet()) {
            assertThat(second).contains("  " + article.getValue() + "  revision 1  " + article.getKey());
            assertThat(kafka().recordsFor(Topics.DRAFT_SUBMITTED, article.getValue()))
                    .as("one draft of %s", article.getKey())
                    .hasSize(1);
        }
    }

    /** Runs the import as wanda (password from the environment); answers its stdout, expecting exit code 1. */
    private String importArchive(Path folder) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("vetted.services.dir", "../services"))
                .toAbsolutePath()
                .normalize()
                .getParent();
        Path out = Files.createTempFile("vetted-import", ".out");
        Path err = Files.createTempFile("vetted-import", ".err");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        root.resolve("stack/target/stack.jar").toString(),
                        "import",
                        folder.toString(),
                        "--intake-url",
                        intake(),
                        "--user",
                        "wanda")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("VETTED_PASSWORD", Http.demoPassword("wanda"));
        Process importer = builder.start();
        if (!importer.waitFor(3, TimeUnit.MINUTES)) {
            importer.destroyForcibly();
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(importer.exitValue())
                .as("exit code; stdout:%n%s%nstderr:%n%s", output, Files.readString(err, StandardCharsets.UTF_8))
                .isEqualTo(1);
        return output;
    }

    private static String traceOf(List<ConsumerRecord<String, byte[]>> records) {
        assertThat(records).isNotEmpty();
        String header = PipelineSteps.header(records.get(records.size() - 1), "traceparent")
                .orElseThrow(() -> new AssertionError(
                        "no traceparent header on " + records.get(0).topic()));
        Matcher trace = TRACEPARENT.matcher(header);
        assertThat(trace.matches()).as(header).isTrue();
        return trace.group(1);
    }

    private String logLine(String service, String traceId) {
        try {
            return Files.readAllLines(pipeline().logs().resolve(service + ".log"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains(traceId))
                    .reduce("", (a, b) -> a + "\n" + b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scrape(String baseUrl) {
        Http.Response response = Http.getWithBearer(baseUrl + "/actuator/prometheus", Pipeline.METRICS_TOKEN);
        assertThat(response.status()).as(baseUrl + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** The value of the first sample of {@code metric} that has every one of {@code labels} (as {@code name="v"}). */
    private static double value(String exposition, String metric, String... labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(exposition);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            if (Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError(metric + " " + List.of(labels) + " not in\n" + exposition);
    }
}
