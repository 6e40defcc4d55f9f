package org.vetted.distribution.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.distribution.app.Embargoes;

/** The held renderings in PostgreSQL: durable, released only when due, and by one instance only. */
class JdbcEmbargoesTest {
    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

    private final DataSource database = JdbcPageStoreTest.migratedDatabase();

    private JdbcEmbargoes instance() {
        return new JdbcEmbargoes(
                new JdbcTemplate(database), new TransactionTemplate(new DataSourceTransactionManager(database)));
    }

    private static Embargoes.Held held(String eventId, Instant publishAt) {
        return new Embargoes.Held(eventId, "a-" + eventId, publishAt, new byte[] {1, 2, 3});
    }

    @Test
    void aHeldRenderingIsKeptOnceAndDecidedOnlyWhenDue() {
        JdbcEmbargoes embargoes = instance();
        assertThat(embargoes.hold(held("e1", NOON))).isTrue();
        assertThat(embargoes.hold(held("e1", NOON))).as("a redelivery").isFalse();
        embargoes.hold(held("e2", NOON.plusSeconds(60)));
        assertThat(embargoes.holds("a-e1")).isTrue();
        assertThat(embargoes.holds("a-e9")).as("never held").isFalse();

        List<String> seen = new ArrayList<>();
        assertThat(embargoes.releaseDue(NOON.minusMillis(1), 10, held -> {
                    seen.add(held.eventId());
                    return Embargoes.Decision.published();
                }))
                .isZero();
        assertThat(seen).isEmpty();

        // A new instance (a restart) finds what the first held.
        JdbcEmbargoes restarted = instance();
        assertThat(restarted.releaseDue(NOON, 10, held -> {
                    seen.add(held.eventId());
                    assertThat(held.rendering()).containsExactly(1, 2, 3);
                    return Embargoes.Decision.published();
                }))
                .isEqualTo(1);
        assertThat(seen).containsExactly("e1");
        assertThat(restarted.state("e1")).contains("PUBLISHED");
        assertThat(restarted.state("e2")).contains("PENDING");
        assertThat(restarted.holds("a-e1")).as("released").isFalse();
        assertThat(restarted.holds("a-e2")).isTrue();
        assertThat(restarted.releaseDue(NOON, 10, held -> Embargoes.Decision.published()))
                .as("decided once")
                .isZero();
    }

    @Test
    void aCancelledOneStaysCancelledAndOneLeftForLaterIsTriedAgain() {
        JdbcEmbargoes embargoes = instance();
        embargoes.hold(held("e3", NOON));
        embargoes.hold(held("e4", NOON));

        embargoes.releaseDue(
                NOON,
                10,
                held -> held.eventId().equals("e3")
                        ? Embargoes.Decision.cancelled("withdrawn")
                        : Embargoes.Decision.later("not sent"));

        assertThat(embargoes.state("e3")).contains("CANCELLED");
        assertThat(embargoes.state("e4")).contains("PENDING");
        assertThat(embargoes.releaseDue(NOON, 10, held -> Embargoes.Decision.published()))
                .isEqualTo(1);
        assertThat(embargoes.state("e4")).contains("PUBLISHED");
    }

    @Test
    void twoInstancesNeverReleaseTheSameRendering() throws Exception {
        JdbcEmbargoes first = instance();
        JdbcEmbargoes second = instance();
        first.hold(held("e5", NOON));
        CountDownLatch deciding = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);

        CompletableFuture<Integer> byFirst = CompletableFuture.supplyAsync(() -> first.releaseDue(NOON, 10, held -> {
            deciding.countDown();
            try {
                mayFinish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Embargoes.Decision.published();
        }));
        assertThat(deciding.await(30, TimeUnit.SECONDS)).isTrue();

        // While the first holds the row, the second skips it rather than waiting or releasing it too.
        List<String> bySecond = new ArrayList<>();
        assertThat(second.releaseDue(NOON, 10, held -> {
                    bySecond.add(held.eventId());
                    return Embargoes.Decision.published();
                }))
                .isZero();
        mayFinish.countDown();

        assertThat(byFirst.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(bySecond).isEmpty();
        assertThat(second.releaseDue(NOON, 10, held -> {
                    bySecond.add(held.eventId());
                    return Embargoes.Decision.published();
                }))
                .isZero();
        assertThat(bySecond).isEmpty();
    }
}
