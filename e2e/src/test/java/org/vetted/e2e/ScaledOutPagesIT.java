package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetted.e2e.Scale.freePort;
import static org.vetted.e2e.Scale.pause;
import static org.vetted.e2e.Scale.seconds;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventSerializer;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticlePublished;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;
import org.vetted.stack.PostgresServer;
import org.vetted.stack.ServiceFleet;

/**
 * Distribution scaled out: two instances on different ports share the pages' PostgreSQL database, with a history
 * of {@code vetted.scale.articles} published articles (2,000 here by default; {@code -Dvetted.scale.articles=100000}
 * for the figure in docs/RELIABILITY.md). The history is written straight to article.published with distribution's
 * signature, as distribution itself writes it: what is under test is the pages' projection, not the way there.
 * <p>
 * It measures how long the first instance takes to build the pages from the whole history, and how long an instance
 * takes from launch to ready once the pages exist (a restart, or a new instance); checks that both instances answer
 * every page and the feed alike; and restarts each in turn while a reader that tries one instance, then the other
 * (as a load balancer with health checks would), keeps reading: every read must be answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class ScaledOutPagesIT {
    private static final int ARTICLES = Integer.getInteger("vetted.scale.articles", 2_000);
    private static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);

    private EmbeddedKafkaKraftBroker broker;
    private PostgresServer database;
    private ServiceFleet fleet;
    private ServiceFleet.Service first;
    private ServiceFleet.Service second;
    private KafkaProducer<String, Object> producer;
    private final Scale.Report report = new Scale.Report("scaled-out");

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedKafkaPipelineIT.startBroker();
        Path work = Path.of("target", "scaled-out-" + System.currentTimeMillis());
        database = new PostgresServer(work.resolve("postgres"), freePort()).start(ServiceFleet.DATABASES);
        first = new ServiceFleet.Service("distribution", freePort());
        second = new ServiceFleet.Service("distribution", freePort());
        fleet = new ServiceFleet(List.of(first, second)).withDatabase(database);
        Map<String, Object> config = Producers.idempotent(broker.getBrokersAsString(), EventSerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producer = new KafkaProducer<>(config);
        fleet.start(
                Path.of(System.getProperty("vetted.services.dir", "../services")),
                broker.getBrokersAsString(),
                List.of("--spring.profiles.active=local", "--vetted.public-base-url=https://vetted.example"),
                work.resolve("logs"));
    }

    @AfterAll
    void stop() throws Exception {
        Scale.tearDown(producer, fleet, database, broker);
        report.write();
    }

    @Test
    void twoInstancesServeTheSamePagesAndARollingRestartLeavesEveryReadAnswered() throws Exception {
        // Both instances came up on empty topics (they created them); the history arrives now.
        fleet.awaitHealthy(Duration.ofMinutes(3));
        long writing = System.nanoTime();
        for (int i = 0; i < ARTICLES; i++) {
            publish(i);
        }
        producer.flush();
        report.note("history: %,d articles written to %s in %.1f s", ARTICLES, Topics.PUBLISHED, seconds(writing));
        long building = System.nanoTime();
        awaitPages(ARTICLES, Duration.ofSeconds(120 + ARTICLES / 20));
        report.note(
                "pages built from the whole history by the two instances: %.1f s (%,.0f articles/s)",
                seconds(building), ARTICLES / seconds(building));

        assertSameAnswers();

        List<String> slugs = List.of(slug(0), slug(ARTICLES / 2), slug(ARTICLES - 1));
        FallbackReader reader =
                FallbackReader.between(first, second, null, turn -> "/articles/" + slugs.get(turn % slugs.size()));
        reader.start();
        try {
            for (ServiceFleet.Service instance : List.of(first, second)) {
                ServiceFleet.Service other = instance == first ? second : first;
                fleet.process(instance.instanceId()).stop(Duration.ofSeconds(30));
                String during = "written-while-" + instance.port() + "-was-down";
                publish(during, ARTICLES + instance.port());
                producer.flush();
                awaitServed(other, during, Duration.ofMinutes(1));

                long launched = System.nanoTime();
                fleet.relaunch(instance.instanceId());
                fleet.awaitHealthy(instance.instanceId(), Duration.ofMinutes(3));
                report.note(
                        "restart to ready of %s with %,d articles of history: %.1f s",
                        instance.instanceId(), ARTICLES, seconds(launched));
                assertThat(get(instance, "/articles/" + during).status())
                        .as("what was published while it was down, at once when it is ready")
                        .isEqualTo(200);
            }
        } finally {
            reader.stop();
        }
        report.note(
                "reads during the rolling restart: %,d answered, %,d unanswered by both instances",
                reader.answered(), reader.unanswered());
        assertThat(reader.unanswered()).as(reader.lastFailure()).isZero();
        assertThat(reader.answered()).isPositive();
        assertSameAnswers();
    }

    /** Every sampled page, the JSON API and the feed are the same on both instances. */
    private void assertSameAnswers() {
        for (int i = 0; i < ARTICLES; i += Math.max(1, ARTICLES / 40)) {
            for (String path : List.of("/api/articles/" + slug(i), "/articles/" + slug(i))) {
                Http.Response one = get(first, path);
                assertThat(one.status()).as(path).isEqualTo(200);
                assertThat(get(second, path).body()).as(path).isEqualTo(one.body());
            }
        }
        Http.Response feed = get(first, "/feed.json");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(get(second, "/feed.json").body()).isEqualTo(feed.body());
    }

    private void publish(int number) {
        publish(slug(number), number);
    }

    private void publish(String slug, int number) {
        String articleId = "scale-" + number;
        Instant at = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(number * 60L);
        String body = "Walking " + number + " minutes a day may ease lower back pain, a trial in " + "2025 suggests.\n";
        ArticlePublished published = ArticlePublished.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setArticleId(articleId)
                .setRevision(1)
                .setSlug(slug)
                .setTitle("Walking and back pain, part " + number)
                .setSummary("Short daily walks may ease lower back pain.")
                .setHtml("<h1>Walking and back pain, part " + number + "</h1><p>" + body.repeat(8) + "</p>")
                .setUrl("https://vetted.example/articles/" + slug)
                .setAuthors(List.of(new Author("wanda", "Wanda Writer")))
                .setTags(List.of("exercise"))
                .setMedicallyReviewedBy(new Reviewer("rita", "Rita Reyes", "MD"))
                .setMedicallyReviewedAt(at)
                .setContentHash(ContentHash.of(
                        new ContentHash.Reviewed(articleId, "Walking and back pain", null, body, List.of(), List.of())))
                .setPublishedAt(at)
                .setSeal(null)
                .build();
        DISTRIBUTION.sign(published);
        producer.send(new ProducerRecord<>(Topics.PUBLISHED, articleId, published));
    }

    private static String slug(int number) {
        return "walking-" + number;
    }

    private void awaitServed(ServiceFleet.Service instance, String slug, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                if (get(instance, "/api/articles/" + slug).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // starting
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(instance.instanceId() + " did not serve " + slug + " within " + limit);
            }
            pause(Duration.ofMillis(250));
        }
    }

    /** Until the shared database holds {@code count} pages, whichever instance stored them. */
    private void awaitPages(int count, Duration limit) throws SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection connection =
                DriverManager.getConnection(database.jdbcUrl("distribution"), PostgresServer.USER, "")) {
            while (true) {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("select count(*) from page")) {
                    row.next();
                    if (row.getInt(1) >= count) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(row.getInt(1) + " of " + count + " pages stored within " + limit);
                    }
                }
                pause(Duration.ofMillis(500));
            }
        }
    }

    private static Http.Response get(ServiceFleet.Service instance, String path) {
        return Http.get(instance.baseUrl() + path, null);
    }
}
