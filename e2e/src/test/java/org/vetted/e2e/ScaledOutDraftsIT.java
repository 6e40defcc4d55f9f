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
import org.vetted.events.Author;
import org.vetted.events.Claim;
import org.vetted.events.ClaimKind;
import org.vetted.events.DraftSubmitted;
import org.vetted.stack.PostgresServer;
import org.vetted.stack.ServiceFleet;
import tools.jackson.databind.JsonNode;

/**
 * The two services that keep state from drafts, scaled out: two review instances share the board's PostgreSQL
 * database and two intake instances the status view's, with a history of {@code vetted.scale.drafts} drafts awaiting
 * review (300 here by default). The drafts are written straight to article.draft-submitted with intake's signature,
 * as intake writes them: what is under test is the state, not the way there.
 * <p>
 * It checks that both instances of each answer alike; that review's instances see each other's decisions at once;
 * that two reviewers signing off one article at both review instances at the same moment approve it once (one
 * approval on the topic); and it restarts each instance in turn while a reader that tries one instance, then the
 * other, keeps reading and a reviewer keeps deciding at whichever review instance is up: every read must be answered,
 * and a restarted instance must show what was decided and submitted while it was down as soon as it is ready.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class ScaledOutDraftsIT {
    private static final int DRAFTS = Integer.getInteger("vetted.scale.drafts", 300);
    private static final Signatures INTAKE = DemoKeys.signaturesOf(Issuer.INTAKE);

    private EmbeddedKafkaKraftBroker broker;
    private PostgresServer database;
    private ServiceFleet fleet;
    private ServiceFleet.Service first;
    private ServiceFleet.Service second;
    private ServiceFleet.Service firstIntake;
    private ServiceFleet.Service secondIntake;
    private KafkaProducer<String, Object> producer;
    private final Scale.Report report = new Scale.Report("scaled-out-drafts");

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedKafkaPipelineIT.startBroker();
        Path work = Path.of("target", "scaled-out-drafts-" + System.currentTimeMillis());
        database = new PostgresServer(work.resolve("postgres"), freePort()).start(ServiceFleet.DATABASES);
        first = new ServiceFleet.Service("review", freePort());
        second = new ServiceFleet.Service("review", freePort());
        firstIntake = new ServiceFleet.Service("intake", freePort());
        secondIntake = new ServiceFleet.Service("intake", freePort());
        fleet = new ServiceFleet(List.of(first, second, firstIntake, secondIntake)).withDatabase(database);
        Map<String, Object> config = Producers.idempotent(broker.getBrokersAsString(), EventSerializer.class);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        producer = new KafkaProducer<>(config);
        fleet.start(
                Path.of(System.getProperty("vetted.services.dir", "../services")),
                broker.getBrokersAsString(),
                List.of("--spring.profiles.active=local"),
                work.resolve("logs"));
    }

    @AfterAll
    void stop() throws Exception {
        Scale.tearDown(producer, fleet, database, broker);
        report.write();
    }

    @Test
    void twoInstancesOfEachShareOneStateAndARollingRestartLeavesEveryReadAnswered() throws Exception {
        fleet.awaitHealthy(Duration.ofMinutes(3));
        long writing = System.nanoTime();
        for (int i = 0; i < DRAFTS; i++) {
            submit(i);
        }
        producer.flush();
        awaitStored(
                "review",
                "select count(*) from review_article where open",
                DRAFTS,
                Duration.ofSeconds(120 + DRAFTS / 10));
        report.note(
                "review's board built from %,d drafts by the two instances: %.1f s after writing began "
                        + "(%,.0f drafts/s)",
                DRAFTS, seconds(writing), DRAFTS / seconds(writing));
        awaitStored("intake", "select count(*) from article", DRAFTS, Duration.ofSeconds(120 + DRAFTS / 10));
        report.note(
                "intake's status view built from %,d drafts by the two instances: %.1f s after writing began "
                        + "(%,.0f drafts/s)",
                DRAFTS, seconds(writing), DRAFTS / seconds(writing));

        assertSameAnswers();
        assertSameStatuses();
        decide(first, 0, "c-walk", "rita");
        assertThat(decisions(get(second, 0)))
                .as("a decision at one instance, read at the other")
                .isEqualTo(1);

        approvedOnceWhenBothInstancesSignOffAtOnce(1);

        FallbackReader reader = FallbackReader.between(
                first, second, "paul", turn -> "/api/reviews/" + articleId(DRAFTS - 1 - turn % 10));
        reader.start();
        try {
            int article = 2;
            for (ServiceFleet.Service instance : List.of(first, second)) {
                ServiceFleet.Service other = instance == first ? second : first;
                int decidedWhileDown = article++;
                int submittedWhileDown = DRAFTS + article;
                restartWhile(instance, () -> {
                    decide(other, decidedWhileDown, "c-walk", "paul");
                    submit(submittedWhileDown);
                });
                assertThat(decisions(get(instance, decidedWhileDown)))
                        .as("what was decided while it was down, at once when it is ready")
                        .isEqualTo(1);
                assertThat(get(instance, submittedWhileDown).path("revision").asInt())
                        .as("a draft written while it was down, read by the other instance")
                        .isEqualTo(1);
            }
        } finally {
            reader.stop();
        }
        report.note(
                "reads of reviews during review's rolling restart: %,d answered, %,d unanswered by both instances",
                reader.answered(), reader.unanswered());
        assertThat(reader.unanswered()).as(reader.lastFailure()).isZero();
        assertThat(reader.answered()).isPositive();
        assertSameAnswers();

        FallbackReader statusReader = FallbackReader.between(
                firstIntake, secondIntake, "wanda", turn -> "/api/articles/" + articleId(DRAFTS - 1 - turn % 10));
        statusReader.start();
        try {
            int article = 100;
            for (ServiceFleet.Service instance : List.of(firstIntake, secondIntake)) {
                int submittedWhileDown = DRAFTS + article++;
                restartWhile(instance, () -> submit(submittedWhileDown));
                assertThat(Http.get(instance.baseUrl() + "/api/articles/" + articleId(submittedWhileDown), "wanda")
                                .status())
                        .as("a draft written while it was down, read by the other instance")
                        .isEqualTo(200);
            }
        } finally {
            statusReader.stop();
        }
        report.note(
                "reads of statuses during intake's rolling restart: %,d answered, %,d unanswered by both "
                        + "instances",
                statusReader.answered(), statusReader.unanswered());
        assertThat(statusReader.unanswered()).as(statusReader.lastFailure()).isZero();
        assertThat(statusReader.answered()).isPositive();
        assertSameStatuses();
    }

    /**
     * Stops the instance, does {@code whileDown} at the rest of the fleet, then starts it again and notes how long it
     * took from launch to ready.
     */
    private void restartWhile(ServiceFleet.Service instance, Runnable whileDown) throws Exception {
        fleet.process(instance.instanceId()).stop(Duration.ofSeconds(30));
        whileDown.run();
        producer.flush();
        long launched = System.nanoTime();
        fleet.relaunch(instance.instanceId());
        fleet.awaitHealthy(instance.instanceId(), Duration.ofMinutes(3));
        report.note(
                "restart to ready of %s with %,d drafts of history: %.1f s",
                instance.instanceId(), DRAFTS, seconds(launched));
    }

    /** Every sampled article's status is the same at both intake instances. */
    private void assertSameStatuses() {
        for (int i = 0; i < DRAFTS; i += Math.max(1, DRAFTS / 30)) {
            Http.Response one = Http.get(firstIntake.baseUrl() + "/api/articles/" + articleId(i), "wanda");
            assertThat(one.status()).as(articleId(i)).isEqualTo(200);
            assertThat(Http.get(secondIntake.baseUrl() + "/api/articles/" + articleId(i), "wanda")
                            .body())
                    .as(articleId(i))
                    .isEqualTo(one.body());
        }
    }

    /** The queue and every sampled review are the same at both instances. */
    private void assertSameAnswers() {
        long reading = System.nanoTime();
        Http.Response queue = Http.get(first.baseUrl() + "/api/reviews", "rita");
        report.note(
                "the review queue of %,d open revisions read in %.2f s",
                queue.json().size(), seconds(reading));
        assertThat(queue.status()).isEqualTo(200);
        assertThat(Http.get(second.baseUrl() + "/api/reviews", "rita").body()).isEqualTo(queue.body());
        for (int i = 0; i < DRAFTS; i += Math.max(1, DRAFTS / 30)) {
            Http.Response one = Http.get(first.baseUrl() + "/api/reviews/" + articleId(i), "rita");
            assertThat(one.status()).as(articleId(i)).isEqualTo(200);
            assertThat(Http.get(second.baseUrl() + "/api/reviews/" + articleId(i), "rita")
                            .body())
                    .as(articleId(i))
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
            List<Future<Http.Response>> answers = both.invokeAll(
                    List.of(() -> signOff(first, number, contentHash), () -> signOff(second, number, contentHash)));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).as("one approval, one refusal").containsExactlyInAnyOrder(200, 409);
        } finally {
            both.shutdownNow();
        }
        assertThat(new KafkaProbe(broker.getBrokersAsString()).recordsFor(Topics.APPROVED, articleId(number)))
                .as("approvals of " + articleId(number) + " on " + Topics.APPROVED)
                .hasSize(1);
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
                        new Claim(
                                "c-walk",
                                "Walking " + number + " minutes a day may ease lower back pain.",
                                ClaimKind.EFFECT,
                                true,
                                null,
                                false),
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
        Http.Response response = Http.postJson(
                instance.baseUrl() + "/api/reviews/" + articleId(number) + "/claims/" + claimId,
                reviewer,
                Map.of(
                        "decision",
                        "APPROVED",
                        "comment",
                        "Checked against the trials.",
                        "reference",
                        "https://example.org/cochrane-review",
                        "revision",
                        1));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private static Http.Response signOff(ServiceFleet.Service instance, int number, String contentHash) {
        return Http.postJson(
                instance.baseUrl() + "/api/reviews/" + articleId(number) + "/decision",
                "paul",
                Map.of(
                        "decision",
                        "APPROVE",
                        "comment",
                        "Signed off at two instances at once.",
                        "contentHash",
                        contentHash));
    }

    /** Until the service's shared database counts {@code count} articles, whichever instance stored them. */
    private void awaitStored(String service, String counting, int count, Duration limit) throws SQLException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(service), PostgresServer.USER, "")) {
            while (true) {
                try (Statement statement = connection.createStatement();
                        ResultSet row = statement.executeQuery(counting)) {
                    row.next();
                    if (row.getInt(1) >= count) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError(
                                service + ": " + row.getInt(1) + " of " + count + " drafts stored within " + limit);
                    }
                }
                pause(Duration.ofMillis(500));
            }
        }
    }
}
