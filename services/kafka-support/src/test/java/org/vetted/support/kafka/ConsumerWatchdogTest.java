package org.vetted.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.event.ConsumerStoppedEvent;

class ConsumerWatchdogTest {
    private final AtomicInteger exits = new AtomicInteger();
    private final ConsumerWatchdog watchdog = new ConsumerWatchdog(exits::incrementAndGet);

    @Test
    void aConsumerStoppedByAnErrorTurnsHealthDownAndEndsTheProcess() {
        watchdog.onApplicationEvent(
                new ConsumerStoppedEvent(this, "renderArticle-container", ConsumerStoppedEvent.Reason.ERROR));

        assertThat(watchdog.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(watchdog.health().getDetails().toString()).contains("ERROR");
        assertThat(exits).hasValue(1);
    }

    @Test
    void aConsumerStoppedOnPurposeIsNoFailure() {
        watchdog.onApplicationEvent(
                new ConsumerStoppedEvent(this, "renderArticle-container", ConsumerStoppedEvent.Reason.NORMAL));

        assertThat(watchdog.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(exits).hasValue(0);
    }
}
