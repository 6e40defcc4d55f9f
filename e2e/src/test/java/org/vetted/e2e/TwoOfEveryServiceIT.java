package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetted.e2e.Scale.freePort;
import static org.vetted.e2e.Scale.pause;
import static org.vetted.e2e.Scale.seconds;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.vetted.stack.PostgresServer;
import org.vetted.stack.ServiceFleet;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of every service, on different ports, as a load balancer with health checks would see them: every
 * call goes to one instance and, if that one cannot answer (down, starting, 503), to the other. Journeys from a draft
 * to a published page go through them; both instances of intake, review and distribution must answer alike; then
 * every instance is stopped and started in turn (a rolling restart of the whole fleet) while journeys go on and a
 * reader keeps reading statuses, reviews and pages. Every read must be answered by one of the two, every journey
 * must end published, and an independent read_committed {@link Ledger} must show nothing lost, duplicated or
 * published without approval. Writes {@code target/two-of-every-service-report.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class TwoOfEveryServiceIT {
    private static final List<String> SERVICES = List.of("intake", "review", "rendering", "distribution");
    private static final Duration JOURNEY_LIMIT = Duration.ofMinutes(4);

    private EmbeddedKafkaKraftBroker broker;
    private PostgresServer database;
    private ServiceFleet fleet;
    private Ledger ledger;
    private final Map<String, List<ServiceFleet.Service>> instances = new LinkedHashMap<>();
    private final AtomicInteger turn = new AtomicInteger();
    private final AtomicInteger articleNumber = new AtomicInteger();
    private final Scale.Report report = new Scale.Report("two-of-every-service");

    @BeforeAll
    void start() throws Exception {
        broker = EmbeddedKafkaPipelineIT.startBroker();
        Path work = Path.of("target", "two-of-every-service-" + System.currentTimeMillis());
        database = new PostgresServer(work.resolve("postgres"), freePort()).start(ServiceFleet.DATABASES);
        List<ServiceFleet.Service> all = new ArrayList<>();
        for (String name : SERVICES) {
            List<ServiceFleet.Service> two =
                    List.of(new ServiceFleet.Service(name, freePort()), new ServiceFleet.Service(name, freePort()));
            instances.put(name, two);
            all.addAll(two);
        }
        fleet = new ServiceFleet(all).withDatabase(database);
        long starting = System.nanoTime();
        fleet.start(
                Path.of(System.getProperty("vetted.services.dir", "../services")),
                broker.getBrokersAsString(),
                List.of("--spring.profiles.active=local", "--vetted.public-base-url=https://vetted.example"),
                work.resolve("logs"));
        fleet.awaitHealthy(Duration.ofMinutes(8));
        report.note("eight services started and healthy in %.1f s", seconds(starting));
        ledger = new Ledger(broker.getBrokersAsString());
    }

    @AfterAll
    void stop() throws Exception {
        Scale.tearDown(ledger, fleet, database, broker);
        report.write();
    }

    @Test
    void journeysGoOnAndEveryReadIsAnsweredThroughARollingRestartOfTheWholeFleet() throws Exception {
        List<Article> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Article article = journey(i % 2 == 0 ? "rita" : "paul");
            awaitPublished(article);
            assertBothInstancesAnswerAlike(article);
            before.add(article);
        }

        FallbackReader reader = new FallbackReader(i -> read(before, i));
        List<Article> during = Collections.synchronizedList(new ArrayList<>());
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread writing = new Thread(
                () -> {
                    while (loading.get()) {
                        try {
                            during.add(journey(during.size() % 2 == 0 ? "rita" : "paul"));
                        } catch (RuntimeException e) {
                            failed.add(e.getMessage());
                        }
                    }
                },
                "journeys");
        reader.start();
        writing.start();
        try {
            for (String service : SERVICES) {
                for (ServiceFleet.Service instance : instances.get(service)) {
                    fleet.process(instance.instanceId()).stop(Duration.ofSeconds(30));
                    long launched = System.nanoTime();
                    fleet.relaunch(instance.instanceId());
                    fleet.awaitHealthy(instance.instanceId(), Duration.ofMinutes(3));
                    report.note("restart to ready of %s: %.1f s", instance.instanceId(), seconds(launched));
                }
            }
        } finally {
            loading.set(false);
            writing.join(JOURNEY_LIMIT.toMillis() * 2);
            reader.stop();
        }
        for (Article article : during) {
            awaitPublished(article);
        }
        assertBothInstancesAnswerAlike(during.get(during.size() - 1));

        report.note("journeys during the rolling restart: %d completed, %d failed", during.size(), failed.size());
        report.note(
                "reads during the rolling restart: %,d answered, %,d unanswered by both instances",
                reader.answered(), reader.unanswered());
        report.note(
                "ledger: %d revisions approved, %d published; lost %s, duplicated %s, without approval %s",
                ledger.approvedRevisions(),
                ledger.publishedRevisions(),
                ledger.lost(),
                ledger.duplicates(),
                ledger.withoutApproval());
        assertThat(failed).as("journeys that did not complete").isEmpty();
        assertThat(during).as("journeys completed while instances restarted").isNotEmpty();
        assertThat(reader.unanswered()).as(reader.lastFailure()).isZero();
        assertThat(reader.answered()).isPositive();
        assertThat(ledger.lost()).isEmpty();
        assertThat(ledger.duplicates()).isEmpty();
        assertThat(ledger.withoutApproval()).isEmpty();
    }

    private record Article(String id, String slug) {}

    /** A writer's draft approved claim by claim and signed off, every call through the balancer. */
    private Article journey(String reviewer) {
        int number = articleNumber.incrementAndGet();
        String text = Journeys.fixture("zinc-and-colds.txt");
        int firstLineEnd = text.indexOf('\n');
        String titled = text.substring(0, firstLineEnd).replace("?", " (fleet article " + number + ")?")
                + text.substring(firstLineEnd);
        String articleId = call(
                        "intake",
                        "submit",
                        base -> Http.post(base + "/api/drafts", "wanda", "text/plain; charset=UTF-8", titled),
                        Set.of(202))
                .json()
                .path("articleId")
                .asString();
        JsonNode review = awaitUnderReview(reviewer, articleId);
        for (JsonNode claim : review.path("claims")) {
            decide(reviewer, articleId, claim.path("id").asString());
            if (claim.path("approvalsNeeded").asInt() == 2) {
                decide(
                        Journeys.secondReviewer(reviewer),
                        articleId,
                        claim.path("id").asString());
            }
        }
        String contentHash = review.path("contentHash").asString();
        call(
                "review",
                "sign off",
                base -> Http.postJson(
                        base + "/api/reviews/" + articleId + "/decision",
                        reviewer,
                        Map.of(
                                "decision",
                                "APPROVE",
                                "comment",
                                "Signed off through the balancer.",
                                "contentHash",
                                contentHash)),
                Set.of(200));
        return new Article(articleId, review.path("slug").asString());
    }

    private void decide(String reviewer, String articleId, String claimId) {
        call(
                "review",
                "decide",
                base -> Http.postJson(
                        base + "/api/reviews/" + articleId + "/claims/" + claimId,
                        reviewer,
                        Map.of(
                                "decision",
                                "APPROVED",
                                "comment",
                                "Checked against the cited trials.",
                                "reference",
                                "https://example.org/cochrane-review",
                                "revision",
                                1)),
                Set.of(200));
    }

    private JsonNode awaitUnderReview(String reviewer, String articleId) {
        long deadline = System.nanoTime() + JOURNEY_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response answer = answered("review", base -> Http.get(base + "/api/reviews/" + articleId, reviewer));
            if (answer != null && answer.status() == 200) {
                return answer.json();
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(articleId + " never came up for review");
    }

    private void awaitPublished(Article article) {
        long deadline = System.nanoTime() + JOURNEY_LIMIT.toNanos();
        while (!ledger.isPublished(article.id(), 1)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(article.id() + " was not published within " + JOURNEY_LIMIT);
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** Intake's status, review's review and distribution's page of the article are the same at both instances. */
    private void assertBothInstancesAnswerAlike(Article article) {
        Map<String, Function<String, Http.Response>> reads = Map.of(
                "intake", base -> Http.get(base + "/api/articles/" + article.id(), "wanda"),
                "review", base -> Http.get(base + "/api/reviews/" + article.id(), "rita"),
                "distribution", base -> Http.get(base + "/api/articles/" + article.slug(), null));
        reads.forEach((service, read) -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (true) {
                Http.Response one = read.apply(instances.get(service).get(0).baseUrl());
                Http.Response two = read.apply(instances.get(service).get(1).baseUrl());
                boolean published = !service.equals("intake") || one.body().contains("PUBLISHED");
                if (one.status() == 200 && published && one.body().equals(two.body())) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(service + " answers " + article.id() + " differently: " + one.status()
                            + " " + one.body() + " / " + two.status() + " " + two.body());
                }
                pause(Duration.ofMillis(250));
            }
        });
    }

    /**
     * Read number {@code i} through the balancer: intake's status, review's review and distribution's page in turn,
     * across {@code articles}; what went wrong when neither instance answered.
     */
    private Optional<String> read(List<Article> articles, int i) {
        Article article = articles.get(i % articles.size());
        String service = List.of("intake", "review", "distribution").get(i % 3);
        Http.Response answer = answered(service, base -> switch (service) {
            case "intake" -> Http.get(base + "/api/articles/" + article.id(), "wanda");
            case "review" -> Http.get(base + "/api/reviews/" + article.id(), "rita");
            default -> Http.get(base + "/articles/" + article.slug(), null);
        });
        if (answer != null && answer.status() == 200) {
            return Optional.empty();
        }
        return Optional.of(service + ' ' + article.id() + ": "
                + (answer == null ? "no instance answered" : answer.status() + " " + answer.body()));
    }

    /**
     * One call through the balancer: the instance whose turn it is, then the other; null when neither answers
     * (refused connection, or 5xx: down, starting, catching up).
     */
    private Http.Response answered(String service, Function<String, Http.Response> call) {
        List<ServiceFleet.Service> two = instances.get(service);
        int first = Math.floorMod(turn.getAndIncrement(), two.size());
        for (int i = 0; i < two.size(); i++) {
            try {
                Http.Response answer =
                        call.apply(two.get((first + i) % two.size()).baseUrl());
                if (answer.status() < 500) {
                    return answer;
                }
            } catch (UncheckedIOException | IllegalStateException down) {
                // this instance is down or going down: the other one
            }
        }
        return null;
    }

    /**
     * A write through the balancer, repeated until one of {@code accepted} (through a fleet where both instances may
     * be briefly busy). A 409 after an attempt whose answer was lost counts as done: the first attempt may have landed.
     */
    private Http.Response call(
            String service, String what, Function<String, Http.Response> call, Set<Integer> accepted) {
        long deadline = System.nanoTime() + JOURNEY_LIMIT.toNanos();
        boolean lost = false;
        Http.Response last = null;
        while (System.nanoTime() < deadline) {
            last = answered(service, call);
            if (last == null) {
                lost = true;
            } else if (accepted.contains(last.status()) || (lost && last.status() == 409)) {
                return last;
            } else {
                throw new IllegalStateException(what + " answered " + last.status() + ": " + last.body());
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(what + " was not answered within " + JOURNEY_LIMIT);
    }
}
