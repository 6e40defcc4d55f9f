package org.vetted.distribution.store;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code vetted.webhooks.deliveries{state}}: the outbox of signed webhooks as operators watch it, read from the table
 * every instance shares when scraped. {@code pending} (waiting or retrying; a growing number means a receiver is
 * down or slow) and {@code dead} (past the horizon, waiting for a replay).
 */
public class WebhookBacklog implements MeterBinder {
    private final JdbcTemplate jdbc;

    public WebhookBacklog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String state : new String[] {"PENDING", "DEAD"}) {
            Gauge.builder("vetted.webhooks.deliveries", () -> count(state))
                    .description("webhook deliveries in this state, across every subscription")
                    .tag("state", state.toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
    }

    private long count(String state) {
        Long count = jdbc.queryForObject("select count(*) from webhook_delivery where status = ?", Long.class, state);
        return count == null ? 0 : count;
    }
}
