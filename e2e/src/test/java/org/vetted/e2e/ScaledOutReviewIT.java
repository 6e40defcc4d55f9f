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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventSerializer;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.Author;
import org.vetted.events.Claim;
import org.vetted.events.ClaimKind;
import org.vetted.events.DraftSubmitted;
import org.vetted.stack.PostgresServer;
import org.vetted.stack.ServiceFleet;
import tools.jackson.databind.JsonNode;

/**
 * Review scaled out: two instances on different ports share the board's PostgreSQL database, with a history of
 * {@code vetted.scale.reviews} drafts awaiting review (300 here by default). The drafts are written straight to
 * article.draft-submitted with intake's signature, as intake writes them: what is under test is the board, not the
 * way there.
 * <p>
 * It checks that both instances answer every review alike and see each other's decisions at once; that two reviewers
 * signing off one article at both instances at the same moment approve it once (one approval on the topic); and it
 * restarts each instance in turn while a reader that tries one instance, then the other, keeps reading and a reviewer
 * keeps deciding at whichever instance is up: every read must be answered, and a restarted instance must show what
 * was decided while it was down as soon as it is ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaledOutReviewIT {
    private static final int DRAFTS = Integer.getInteger("vetted.scale.reviews", 300);
    private static final Signatures INTAKE = DemoKeys.signaturesOf(Issuer.INTAKE);

    private EmbeddedKafkaKraftBroker broker;
    private PostgresServer database;
    private ServiceFleet fleet;
    private ServiceFleet.Service first;
    private ServiceFleet.Service second;
    private KafkaProducer<String, Object> producer;
    private final Scale.Report report = new Scale.Report("scaled-out-review");

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedKafkaPipelineIT.startBroker();
        Path work = Path.of("target", "scaled-out-review-" + System.currentTimeMillis());
        database = new PostgresServer(work.resolve("postgres"), freePort()).start(ServiceFleet.DATABASES);
        first = new ServiceFleet.Service("review", freePort());
        second = new ServiceFleet.Service("review", freePort());
        fleet = new ServiceFleet(List.of(first, second)).withDatabase(database);
        Map<String, Object> config = Producers.idempotent(broker.getBrokersAsString(), EventSerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producer = new KafkaProducer<>(config);
        fleet.start(Path.of(System.getProperty("vetted.services.dir", "../services")), broker.getBrokersAsString(),
                List.of("--spring.profiles.active=local"), work.resolve("logs"));
    }

    @AfterAll
    void stop() throws Exception {
        Scale.tearDown(producer, fleet, database, broker);
        report.write();
    }

    @Test
    void twoInstancesShareOneBoardAndARollingRestartLeavesEveryReadAnswered() throws Exception {
        fleet.awaitHealthy(Duration.ofMinutes(3));
        long writing = System.nanoTime();
        for (int i = 0; i < DRAFTS; i++) {
            submit(i);
        }
        producer.flush();
        awaitStored(DRAFTS, Duration.ofSeconds(120 + DRAFTS / 10));
        report.note("board built from %,d drafts by the two instances: %.1f s after writing began (%,.0f drafts/s)",
                DRAFTS, seconds(writing), DRAFTS / seconds(writing));

        assertSameAnswers();
        decide(first, 0, "c-walk", "rita");
        assertThat(decisions(get(second, 0))).as("a decision at one instance, read at the other").isEqualTo(1);

        approvedOnceWhenBothInstancesSignOffAtOnce(1);

        FallbackReader reader = FallbackReader.between(first, second, "paul",
                turn -> "/api/reviews/" + articleId(DRAFTS - 1 - turn % 10));
        reader.start();
        try {
            int article = 2;
            for (ServiceFleet.Service instance : List.of(first, second)) {
                ServiceFleet.Service other = instance == first ? second : first;
                fleet.process(instance.instanceId()).stop(Duration.ofSeconds(30));
                int decidedWhileDown = article++;
                decide(other, decidedWhileDown, "c-walk", "paul");
                int submittedWhileDown = DRAFTS + article;
                submit(submittedWhileDown);
                producer.flush();

                long launched = System.nanoTime();
                fleet.relaunch(instance.instanceId());
                fleet.awaitHealthy(instance.instanceId(), Duration.ofMinutes(3));
                report.note("restart to ready of %s with %,d drafts of history: %.1f s", instance.instanceId(), DRAFTS,
                        seconds(launched));
                assertThat(decisions(get(instance, decidedWhileDown)))
                        .as("what was decided while it was down, at once when it is ready").isEqualTo(1);
                assertThat(get(instance, submittedWhileDown).path("revision").asInt())
                        .as("a draft written while it was down, read by the other instance").isEqualTo(1);
            }
        } finally {
            reader.stop();
        }
        report.note("reads during the rolling restart: %,d answered, %,d unanswered by both instances",
                reader.answered(), reader.unanswered());
        assertThat(reader.unanswered()).as(reader.lastFailure()).isZero();
        assertThat(reader.answered()).isPositive();
        assertSameAnswers();
    }

    /** The queue and every sampled review are the same at both instances. */
    private void assertSameAnswers() {
        long reading = System.nanoTime();
        Http.Response queue = Http.get(first.baseUrl() + "/api/reviews", "rita");
        report.note("the review queue of %,d open revisions read in %.2f s", queue.json().size(), seconds(reading));
        assertThat(queue.status()).isEqualTo(200);
        assertThat(Http.get(second.baseUrl() + "/api/reviews", "rita").body()).isEqualTo(queue.body());
        for (int i = 0; i < DRAFTS; i += Math.max(1, DRAFTS / 30)) {
            Http.Response one = Http.get(first.baseUrl() + "/api/reviews/" + articleId(i), "rita");
            assertThat(one.status()).as(articleId(i)).isEqualTo(200);
            assertThat(Http.get(second.baseUrl() + "/api/reviews/" + articleId(i), "rita").body()).as(articleId(i))
                    .isEqualTo(one.body());
        }
    }

    /** Both claims approved at the first instance, then a sign-off at each instance at the same moment. */
    private void approvedOnceWhenBothInstancesSignOffAtOnce(int number) throws Exception {
        decide(first, number, "c-walk", "rita");
        decide(second, number, "c-dose", "rita");
        decide(first, number, "c-dose", "paul");
        String contentHash = get(first, number).path("contentHash").asString();
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<Http.Response>> answers = both.invokeAll(List.of(
                    () -> signOff(first, number, contentHash), () -> signOff(second, number, contentHash)));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).as("one approval, one refusal").containsExactlyInAnyOrder(200, 409);
        } finally {
            both.shutdownNow();
        }
        assertThat(new KafkaProbe(broker.getBrokersAsString()).recordsFor(Topics.APPROVED, articleId(number)))
                .as("approvals of " + articleId(number) + " on " + Topics.APPROVED).hasSize(1);
        assertThat(get(second, number).path("status").asString()).isEqualTo("APPROVED");
    }

    private void submit(int number) {
        String articleId = articleId(number);
        DraftSubmitted draft = DraftSubmitted.newBuilder()
                .setEventId(articleId + "-draft-1")
                .setArticleId(articleId)
                .setRevision(1)
                .setSlug("walking-" + number)
                .setTitle("Can Walking Ease Back Pain? Part " + number)
                .setSummary("Short daily walks may ease lower back pain.")
                .setAuthors(List.of(new Author("wanda", "Wanda Writer")))
                .setTags(List.of("exercise"))
                .setBodyMarkdown("Walking " + number + " minutes a day may ease lower back pain.\n\n"
                        + "Trials used 30 minutes a day.\n")
                .setContentHash("")
                .setClaims(List.of(
                        new Claim("c-walk", "Walking " + number + " minutes a day may ease lower back pain.",
                                ClaimKind.EFFECT, true, null, false),
                        new Claim("c-dose", "Trials used 30 minutes a day.", ClaimKind.DOSE, false, null, false)))
                .setExperts(List.of())
                .setWarnings(List.of())
                .setSubmittedAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(number * 60L))
                .build();
        draft.setContentHash(ContentHash.of(ContentHash.reviewed(draft)));
        producer.send(new ProducerRecord<>(Topics.DRAFT_SUBMITTED, articleId, INTAKE.sign(draft)));
    }

    private static String articleId(int number) {
        return "walk-" + number;
    }

    private static JsonNode get(ServiceFleet.Service instance, int number) {
        Http.Response response = Http.get(instance.baseUrl() + "/api/reviews/" + articleId(number), "rita");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static int decisions(JsonNode review) {
        int decisions = 0;
        for (JsonNode claim : review.path("claims")) {
            decisions += claim.path("decisions").size();
        }
        return decisions;
    }

    private static void decide(ServiceFleet.Service instance, int number, String claimId, String reviewer) {
        Http.Response response = Http.postJson(instance.baseUrl() + "/api/reviews/" + articleId(number) + "/claims/"
                + claimId, reviewer, Map.of("decision", "APPROVED", "comment", "Checked against the trials.",
                        "reference", "https://example.org/cochrane-review", "revision", 1));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static Http.Response signOff(ServiceFleet.Service instance, int number, String contentHash) {
        return Http.postJson(instance.baseUrl() + "/api/reviews/" + articleId(number) + "/decision", "paul",
                Map.of("decision", "APPROVE", "comment", "Signed off at two instances at once.", "contentHash",
                        contentHash));
    }

    /** Until the shared database holds {@code count} articles, whichever instance stored them. */
    private void awaitStored(int count, Duration limit) throws SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl("review"), PostgresServer.USER,
                "")) {
            while (true) {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery("select count(*) from review_article where open")) {
                    row.next();
                    if (row.getInt(1) >= count) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(row.getInt(1) + " of " + count + " drafts stored within " + limit);
                    }
                }
                pause(Duration.ofMillis(500));
            }
        }
    }
}
