package org.vetted.distribution.store.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.distribution.app.webhooks.DeliverWebhooks;
import org.vetted.distribution.app.webhooks.DeliveryOutbox;
import org.vetted.distribution.app.webhooks.HostResolver;
import org.vetted.distribution.domain.webhooks.AddressPolicy;
import org.vetted.distribution.domain.webhooks.Backoff;
import org.vetted.distribution.domain.webhooks.Delivery;
import org.vetted.distribution.domain.webhooks.DeliveryStatus;
import org.vetted.distribution.domain.webhooks.EventType;
import org.vetted.distribution.domain.webhooks.SigningSecret;
import org.vetted.distribution.domain.webhooks.Subscription;
import org.vetted.distribution.domain.webhooks.WebhookEvent;
import org.vetted.distribution.domain.webhooks.WebhookSignature;
import org.vetted.distribution.messaging.webhooks.HttpWebhookSender;
import org.vetted.distribution.store.JdbcWebhookStore;
import org.vetted.support.projection.TestDatabase;
import org.vetted.support.time.MutableClock;

/**
 * The outbox on a real PostgreSQL and the sender against real HTTP receivers on loopback (the JDK's HttpServer),
 * driven by a clock the test moves: a receiver failing every other time and one down for hours still get every event,
 * in order per article, once per webhook-id after deduplication; 410 disables; past the horizon a delivery is dead
 * and can be replayed; two instances never claim the same delivery.
 */
class WebhookDeliveryTest {
    static final Instant START = Instant.parse("2026-12-07T08:00:00Z");
    static final Pattern REVISION = Pattern.compile("\"revision\":(\\d+)");
    static final Pattern ARTICLE = Pattern.compile("\"articleId\":\"([^\"]+)\"");

    final MutableClock clock = new MutableClock(START);
    DataSource database;
    JdbcWebhookStore store;
    HttpServer server;
    ExecutorService workers;
    HttpWebhookSender sender;
    DeliverWebhooks deliver;
    final Map<String, Receiver> receivers = new LinkedHashMap<>();

    /** Records what reached it (webhook-id, body, whether the signature verified) and answers as told. */
    final class Receiver {
        final SigningSecret[] secret = new SigningSecret[1];
        final List<String> ids = Collections.synchronizedList(new ArrayList<>());
        final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
        final List<Boolean> verified = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger calls = new AtomicInteger();
        volatile java.util.function.IntUnaryOperator answer = call -> 204;

        void handle(HttpExchange exchange) throws IOException {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("webhook-timestamp"));
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ids.add(id);
            bodies.add(body);
            verified.add(timestamp == clock.instant().getEpochSecond()
                    && WebhookSignature.verifies(secret[0], id, timestamp, body, signature));
            exchange.sendResponseHeaders(answer.applyAsInt(calls.incrementAndGet()), -1);
            exchange.close();
        }

        /** Per article, the revisions in the order first received (duplicates by webhook-id dropped). */
        Map<String, List<Integer>> revisionsByArticle() {
            Map<String, List<Integer>> order = new LinkedHashMap<>();
            Set<String> seen = new java.util.HashSet<>();
            synchronized (ids) {
                for (int i = 0; i < ids.size(); i++) {
                    if (!seen.add(ids.get(i))) {
                        continue;
                    }
                    Matcher article = ARTICLE.matcher(bodies.get(i));
                    Matcher revision = REVISION.matcher(bodies.get(i));
                    article.find();
                    revision.find();
                    order.computeIfAbsent(article.group(1), a -> new ArrayList<>())
                            .add(Integer.parseInt(revision.group(1)));
                }
            }
            return order;
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        database = TestDatabase.migrated("classpath:db/migration", "classpath:db/projection-support");
        store = new JdbcWebhookStore(
                new JdbcTemplate(database), new TransactionTemplate(new DataSourceTransactionManager(database)));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        for (String name : List.of("flaky", "steady", "gone", "failing")) {
            Receiver receiver = new Receiver();
            receivers.put(name, receiver);
            server.createContext("/" + name, receiver::handle);
        }
        server.start();
        workers = Executors.newFixedThreadPool(4);
        sender = sender(new AddressPolicy(true, false));
        deliver = deliverer(store, sender, Duration.ofHours(24));
    }

    HttpWebhookSender sender(AddressPolicy policy) {
        return new HttpWebhookSender(
                HostResolver.system(), policy, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), 8);
    }

    DeliverWebhooks deliverer(JdbcWebhookStore outbox, HttpWebhookSender through, Duration horizon) {
        Random random = new Random(7);
        return new DeliverWebhooks(
                outbox,
                outbox,
                through,
                new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), horizon, Duration.ofSeconds(1)),
                clock,
                random::nextDouble,
                workers,
                4,
                Duration.ofMinutes(1));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.stop(0);
        sender.close();
        workers.shutdownNow();
    }

    Subscription subscribe(String url, Receiver receiver) {
        Subscription subscription = new Subscription(
                UUID.randomUUID(),
                URI.create(url),
                Set.of(EventType.ARTICLE_PUBLISHED),
                SigningSecret.generate(),
                null,
                null,
                clock.instant(),
                "eddie",
                null,
                null);
        store.add(subscription);
        if (receiver != null) {
            receiver.secret[0] = subscription.secret();
        }
        return subscription;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    static WebhookEvent published(String article, int revision, Instant at) {
        return new WebhookEvent(
                "event-" + article + "-" + revision,
                article,
                EventType.ARTICLE_PUBLISHED,
                at,
                "{\"type\":\"article.published\",\"timestamp\":\"" + at + "\",\"data\":{\"articleId\":\"" + article
                        + "\",\"revision\":" + revision + "}}");
    }

    void queue(String article, int revision) {
        clock.advance(Duration.ofSeconds(1));
        store.queue(published(article, revision, clock.instant()), clock.instant());
    }

    @Test
    void flakyAndDownReceiversGetEveryEventInOrderOncePerWebhookId() throws Exception {
        Subscription flaky = subscribe(url("flaky"), receivers.get("flaky"));
        receivers.get("flaky").answer = call -> call % 2 == 1 ? 500 : 200; // received, but every other answer fails
        // A receiver that is down: nothing listens on its port until the test starts it.
        int downPort;
        try (ServerSocket reserve = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            downPort = reserve.getLocalPort();
        }
        Receiver down = new Receiver();
        Subscription later = subscribe("http://127.0.0.1:" + downPort + "/down", down);
        Subscription steady = subscribe(url("steady"), receivers.get("steady"));

        queue("a1", 1);
        queue("a2", 1);
        queue("a1", 2);
        queue("a2", 2);
        queue("a1", 3);
        // Queued twice (a replay of the topic, another instance): still one delivery each.
        assertThat(store.queue(published("a1", 1, clock.instant()), clock.instant()))
                .isZero();

        HttpServer downServer = null;
        try {
            for (int hour = 0; hour < 30; hour++) {
                deliver.dispatchAllDue();
                if (hour == 5) {
                    downServer =
                            HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), downPort), 0);
                    downServer.createContext("/down", down::handle);
                    downServer.start();
                }
                // The steady receiver is never held up by the others.
                if (hour == 0) {
                    assertThat(receivers.get("steady").revisionsByArticle())
                            .isEqualTo(Map.of("a1", List.of(1, 2, 3), "a2", List.of(1, 2)));
                    assertThat(down.ids).isEmpty();
                }
                clock.advance(Duration.ofHours(1));
            }
        } finally {
            if (downServer != null) {
                downServer.stop(0);
            }
        }

        for (Receiver receiver : List.of(receivers.get("flaky"), down, receivers.get("steady"))) {
            assertThat(receiver.revisionsByArticle()).isEqualTo(Map.of("a1", List.of(1, 2, 3), "a2", List.of(1, 2)));
            assertThat(receiver.verified).isNotEmpty().doesNotContain(false);
            assertThat(Set.copyOf(receiver.ids)).hasSize(5);
        }
        assertThat(receivers.get("flaky").ids.size()).isGreaterThan(5); // retried: the dedup was needed
        assertThat(receivers.get("steady").ids).hasSize(5);
        for (Subscription subscription : List.of(flaky, later, steady)) {
            assertThat(store.log(subscription.id(), 0, 100))
                    .extracting(Delivery::status)
                    .containsOnly(DeliveryStatus.DELIVERED)
                    .hasSize(5);
        }
        // The first delivery of each article was tried while the receiver was down; the later ones waited for it.
        assertThat(store.log(later.id(), 0, 100))
                .filteredOn(delivery -> delivery.eventId().endsWith("-1"))
                .hasSize(2)
                .allSatisfy(delivery -> assertThat(delivery.attempts()).isGreaterThan(1));
    }

    @Test
    void aGoneReceiverDisablesItsSubscription() {
        Subscription gone = subscribe(url("gone"), receivers.get("gone"));
        receivers.get("gone").answer = call -> 410;
        queue("a1", 1);
        queue("a1", 2);

        deliver.dispatchAllDue();
        clock.advance(Duration.ofHours(2));
        deliver.dispatchAllDue();
        queue("a1", 3);
        deliver.dispatchAllDue();

        assertThat(receivers.get("gone").calls).hasValue(1);
        Subscription disabled = store.find(gone.id()).orElseThrow();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledReason()).contains("410");
        assertThat(store.log(gone.id(), 0, 10))
                .extracting(Delivery::status)
                .containsExactly(DeliveryStatus.PENDING, DeliveryStatus.DEAD);
    }

    @Test
    void pastTheHorizonADeliveryIsDeadAndAReplayQueuesItAgain() {
        deliver = deliverer(store, sender, Duration.ofHours(2));
        Receiver failing = receivers.get("failing");
        failing.answer = call -> 500;
        Subscription subscription = subscribe(url("failing"), failing);
        queue("a1", 1);
        queue("a1", 2);

        for (int step = 0; step < 20; step++) {
            deliver.dispatchAllDue();
            clock.advance(Duration.ofMinutes(15));
        }

        List<Delivery> log = store.log(subscription.id(), 0, 10);
        // The first is dead; the second waited for it, then had its own horizon, already past: dead too.
        assertThat(log).extracting(Delivery::status).containsOnly(DeliveryStatus.DEAD);
        Delivery first = log.get(1);
        assertThat(first.attempts()).isGreaterThan(2);
        assertThat(first.lastStatus()).isEqualTo(500);
        int callsWhenDead = failing.calls.get();

        failing.answer = call -> 200;
        assertThat(store.replay(subscription.id(), first.id(), clock.instant())).isTrue();
        assertThat(store.replay(subscription.id(), first.id(), clock.instant())).isFalse();
        deliver.dispatchAllDue();

        assertThat(failing.calls.get()).isEqualTo(callsWhenDead + 1);
        assertThat(failing.ids.get(failing.ids.size() - 1)).isEqualTo(first.webhookId());
        assertThat(store.find(subscription.id(), first.id()).orElseThrow().status())
                .isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void theSsrfGuardStopsDeliveriesToRefusedAddresses() {
        Receiver steady = receivers.get("steady");
        Subscription subscription = subscribe(url("steady"), steady);
        queue("a1", 1);
        HttpWebhookSender strict = sender(AddressPolicy.strict());
        try {
            deliverer(store, strict, Duration.ofHours(24)).dispatchAllDue();
        } finally {
            try {
                strict.close();
            } catch (IOException ignored) {
                // closing a client
            }
        }

        assertThat(steady.calls).hasValue(0);
        assertThat(store.log(subscription.id(), 0, 1).get(0).lastError()).contains("refused address", "loopback");
    }

    @Test
    void laterSubscriptionsDoNotReceiveEarlierEventsAndRotationSignsWithBoth() {
        queue("a0", 1);
        Receiver steady = receivers.get("steady");
        Subscription subscription = subscribe(url("steady"), steady);
        SigningSecret old = subscription.secret();
        SigningSecret next = SigningSecret.generate();
        store.rotate(subscription.id(), next, clock.instant().plus(Duration.ofHours(1)));
        queue("a1", 1);

        deliver.dispatchAllDue();

        assertThat(steady.revisionsByArticle()).isEqualTo(Map.of("a1", List.of(1)));
        steady.secret[0] = next;
        assertThat(steady.verified).containsExactly(true);
        // Both secrets signed it (the receiver checked the new one; the old one verifies the same header too).
        Subscription rotated = store.find(subscription.id()).orElseThrow();
        assertThat(rotated.signingSecrets(clock.instant())).hasSize(2);
        assertThat(rotated.signingSecrets(clock.instant().plus(Duration.ofHours(2))))
                .hasSize(1);
        assertThat(rotated.previousSecret().encoded()).isEqualTo(old.encoded());
    }

    @Test
    void twoInstancesNeverClaimTheSameDelivery() throws Exception {
        for (int i = 0; i < 12; i++) {
            subscribe("https://receiver-" + i + ".example/h", null);
        }
        queue("a1", 1);
        JdbcWebhookStore other = new JdbcWebhookStore(
                new JdbcTemplate(database), new TransactionTemplate(new DataSourceTransactionManager(database)));
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            var first = instances.submit(() -> store.claim(clock.instant(), 10, Duration.ofMinutes(1)));
            var second = instances.submit(() -> other.claim(clock.instant(), 10, Duration.ofMinutes(1)));
            List<UUID> claimed = new ArrayList<>();
            first.get().forEach(c -> claimed.add(c.delivery().id()));
            second.get().forEach(c -> claimed.add(c.delivery().id()));

            assertThat(claimed).doesNotHaveDuplicates().hasSize(12);
            assertThat(store.claim(clock.instant(), 10, Duration.ofMinutes(1))).isEmpty();
            // The lease runs out: claimable again.
            clock.advance(Duration.ofMinutes(2));
            assertThat(other.claim(clock.instant(), 20, Duration.ofMinutes(1)))
                    .extracting(DeliveryOutbox.Claimed::delivery)
                    .extracting(Delivery::attempts)
                    .containsOnly(2)
                    .hasSize(12);
        } finally {
            instances.shutdownNow();
        }
    }
}
