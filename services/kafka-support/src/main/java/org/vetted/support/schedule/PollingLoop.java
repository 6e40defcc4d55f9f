package org.vetted.support.schedule;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A task run on one daemon thread every {@code interval} while the application runs: the shape of every durable
 * timer in the services (due embargoes, re-review timers, webhook deliveries). The state lives in PostgreSQL, so the
 * loop only looks; a failed round is logged and the next one tries again.
 */
public final class PollingLoop implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PollingLoop.class);

    private final String name;
    private final Duration interval;
    private final Runnable round;
    private volatile ScheduledExecutorService loop;

    /** @param name the thread's name, and what the warning of a failed round names */
    public PollingLoop(String name, Duration interval, Runnable round) {
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    @Override
    public void start() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        round.run();
                    } catch (RuntimeException e) {
                        log.warn("{} failed, trying again: {}", name, e.getMessage());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        loop = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = loop;
        if (running != null) {
            running.shutdownNow();
            loop = null;
        }
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
