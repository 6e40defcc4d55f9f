package org.vetted.support.kafka;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.event.ConsumerStoppedEvent;

/**
 * Never a silent halt: a listener container that stops because of an error (a {@link java.lang.Error} that
 * {@link org.vetted.contract.RecordGuard} let through, a fenced or unauthorised consumer) turns health DOWN, names
 * the container and the reason, and, unless configured otherwise, ends the process with status 70 so that a
 * supervisor (systemd, Kubernetes, the local stack) starts it again. Containers stopped on purpose (shutdown) are
 * not failures.
 */
public class ConsumerWatchdog implements ApplicationListener<ConsumerStoppedEvent>, HealthIndicator {
    static final int EXIT_STATUS = 70;
    private static final Logger log = LoggerFactory.getLogger(ConsumerWatchdog.class);
    private static final Set<ConsumerStoppedEvent.Reason> FAILURES = Set.of(
            ConsumerStoppedEvent.Reason.ERROR,
            ConsumerStoppedEvent.Reason.ABNORMAL,
            ConsumerStoppedEvent.Reason.FENCED,
            ConsumerStoppedEvent.Reason.AUTH,
            ConsumerStoppedEvent.Reason.NO_OFFSET);

    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    private final Runnable exit;

    /** @param exit what to do once a consumer has died; {@code () -> {}} to only report DOWN */
    public ConsumerWatchdog(Runnable exit) {
        this.exit = exit;
    }

    public static ConsumerWatchdog exitingTheProcess() {
        // On its own thread: exiting from the consumer thread would wait on that very thread's shutdown.
        return new ConsumerWatchdog(() -> new Thread(() -> System.exit(EXIT_STATUS), "consumer-watchdog-exit").start());
    }

    @Override
    public void onApplicationEvent(ConsumerStoppedEvent event) {
        if (!FAILURES.contains(event.getReason())) {
            return;
        }
        String container = String.valueOf(event.getSource());
        stopped.add(container + " (" + event.getReason() + ")");
        log.error(
                "Kafka consumer {} stopped: {}; the service is DOWN and will exit so that it is restarted",
                container,
                event.getReason());
        exit.run();
    }

    @Override
    public Health health() {
        return stopped.isEmpty()
                ? Health.up().build()
                : Health.down()
                        .withDetail("stoppedConsumers", Set.copyOf(stopped))
                        .build();
    }
}
