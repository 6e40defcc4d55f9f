package org.vetted.distribution.config;

import io.micrometer.observation.ObservationRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.Topics;
import org.vetted.distribution.app.webhooks.DeliverWebhooks;
import org.vetted.distribution.app.webhooks.HostResolver;
import org.vetted.distribution.app.webhooks.ManageSubscriptions;
import org.vetted.distribution.domain.webhooks.AddressPolicy;
import org.vetted.distribution.domain.webhooks.Backoff;
import org.vetted.distribution.domain.webhooks.SigningSecret;
import org.vetted.distribution.domain.webhooks.SubscriptionRules;
import org.vetted.distribution.messaging.webhooks.HttpWebhookSender;
import org.vetted.distribution.messaging.webhooks.QueueWebhooks;
import org.vetted.distribution.store.JdbcWebhookStore;
import org.vetted.distribution.store.WebhookBacklog;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.schedule.PollingLoop;
import org.vetted.support.signing.Seals;

/**
 * Wires the signed webhooks: the outbox store, the {@code queueWebhooks} consumer with its own projection position,
 * the subscriptions use cases, and the delivery loop on a bounded pool of workers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {
    static final String BINDING = "queueWebhooks-in-0";

    @Bean
    JdbcWebhookStore webhookStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcWebhookStore(jdbc, transactions);
    }

    /** The outbox's size for operators: {@code vetted.webhooks.deliveries{state}}. */
    @Bean
    WebhookBacklog webhookBacklog(JdbcTemplate jdbc) {
        return new WebhookBacklog(jdbc);
    }

    @Bean
    AddressPolicy webhookAddressPolicy(WebhookProperties properties) {
        return new AddressPolicy(properties.allowLoopback(), properties.allowPrivate());
    }

    @Bean
    ManageSubscriptions manageSubscriptions(
            JdbcWebhookStore store, AddressPolicy policy, WebhookProperties properties, Clock clock) {
        SecureRandom random = new SecureRandom();
        return new ManageSubscriptions(
                store,
                store,
                new SubscriptionRules(properties.allowHttp()),
                policy,
                HostResolver.system(),
                clock,
                properties.rotationGrace(),
                () -> SigningSecret.generate(random));
    }

    /**
     * The webhooks' consumer of article.published: its position is a projection of its own ("webhooks"), kept with
     * the outbox rows it writes.
     */
    @Bean
    QueueWebhooks queueWebhooks(
            JdbcWebhookStore store,
            Seals seals,
            Clock clock,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ObservationRegistry observations,
            @Value("${spring.cloud.stream.bindings." + BINDING + ".destination:" + Topics.PUBLISHED + "}")
                    String destination) {
        return new QueueWebhooks(
                store,
                seals,
                new SharedProjection("webhooks", BINDING, List.of(destination), jdbc, transactions, observations),
                clock);
    }

    /**
     * The binder takes one rebalance listener per service: this one hands each assignment to every projection (the
     * pages', the webhooks', and any other {@link SharedProjection} bean), each of which keeps to its own binding.
     */
    @Bean
    @Primary
    KafkaBindingRebalanceListener projectionsRebalanceListener(
            ObjectProvider<SharedProjection> projections, QueueWebhooks webhooks) {
        return new KafkaBindingRebalanceListener() {
            @Override
            public void onPartitionsAssigned(
                    String bindingName,
                    org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                    java.util.Collection<org.apache.kafka.common.TopicPartition> partitions,
                    boolean initial) {
                projections
                        .orderedStream()
                        .forEach(projection ->
                                projection.onPartitionsAssigned(bindingName, consumer, partitions, initial));
                webhooks.projection().onPartitionsAssigned(bindingName, consumer, partitions, initial);
            }
        };
    }

    @Bean(destroyMethod = "close")
    HttpWebhookSender webhookSender(AddressPolicy policy, WebhookProperties properties) {
        return new HttpWebhookSender(
                HostResolver.system(),
                policy,
                properties.connectTimeout(),
                properties.readTimeout(),
                properties.attemptTimeout(),
                properties.workers() * 2);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService webhookWorkers(WebhookProperties properties) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(properties.workers(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    DeliverWebhooks deliverWebhooks(
            JdbcWebhookStore store,
            HttpWebhookSender sender,
            ExecutorService webhookWorkers,
            WebhookProperties properties,
            Clock clock) {
        return new DeliverWebhooks(
                store,
                store,
                sender,
                new Backoff(
                        properties.backoffBase(),
                        properties.backoffCap(),
                        properties.horizon(),
                        java.time.Duration.ofSeconds(1).compareTo(properties.backoffBase()) < 0
                                ? java.time.Duration.ofSeconds(1)
                                : properties.backoffBase()),
                clock,
                () -> ThreadLocalRandom.current().nextDouble(),
                webhookWorkers,
                properties.workers(),
                properties.lease());
    }

    /** Looks for due deliveries every poll interval while the application runs (unless dispatch is off). */
    @Bean
    SmartLifecycle webhookDispatchLoop(DeliverWebhooks deliver, WebhookProperties properties) {
        // Off (a second instance kept out of delivery, or a test driving dispatch itself): the loop looks at nothing.
        return new PollingLoop("webhook-dispatch", properties.pollInterval(), () -> {
            if (properties.dispatch()) {
                deliver.dispatch();
            }
        });
    }
}
