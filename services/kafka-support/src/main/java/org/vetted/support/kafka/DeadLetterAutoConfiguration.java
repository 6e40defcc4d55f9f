package org.vetted.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.transaction.KafkaAwareTransactionManager;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Topics;
import org.vetted.support.projection.StoreFailures;

/**
 * Dead-lettering for every consumer binding of every service, in the listener container rather than the binder.
 * <p>
 * Why here: the binder's own DLQ does not see records that fail to deserialize (they never reach the
 * binding), and with transactions on, failures are handled by the after-rollback processor, not the error
 * handler. So each transactional container gets a {@link DefaultAfterRollbackProcessor} whose
 * {@link DeadLetterPublishingRecoverer} writes the original bytes (for a deserialization failure) or the event,
 * plus the cause in the {@code kafka_dlt-exception-*} headers and the root cause in
 * {@link Topics#DEAD_LETTER_REASON_HEADER}, to {@code <topic>.<group>.dlt}. The dead letter
 * and the consumer offset commit in the same transaction. The dead-letter topics are created at start, so a
 * cluster with topic auto-creation off works too, and the settings of every topic read are checked
 * ({@link TopicSettingsCheck}). {@link PoisonEventException} is not retried.
 * A consumer that is not transactional is refused: no service may consume outside a transaction, except the
 * bindings of the groups in {@code vetted.kafka.projection-groups}. Those keep their position in a database with
 * their projection and send nothing, so their polls run outside Kafka transactions (a transaction around each would
 * carry only offsets that play no part), and a {@link DefaultErrorHandler} deals with their failed records as the
 * after-rollback processor does, each dead letter sent in a transaction of its own.
 */
@AutoConfiguration
@ConditionalOnClass(ListenerContainerWithDlqAndRetryCustomizer.class)
public class DeadLetterAutoConfiguration {

    /**
     * Set {@code vetted.kafka.exit-when-consumer-stops=false} only where something else watches health (tests):
     * otherwise a dead consumer ends the process, to be restarted by its supervisor.
     */
    @Bean
    @ConditionalOnMissingBean
    public ConsumerWatchdog consumerWatchdog(Environment environment) {
        return environment.getProperty("vetted.kafka.exit-when-consumer-stops", Boolean.class, true)
                ? ConsumerWatchdog.exitingTheProcess()
                : new ConsumerWatchdog(() -> {});
    }

    /** Replication and min.insync.replicas for every topic the services create ({@code vetted.kafka.topics}). */
    @Bean
    @ConditionalOnMissingBean
    public TopicSettings topicSettings(Environment environment) {
        return new TopicSettings(
                environment.getProperty("vetted.kafka.topics.replication-factor", Integer.class, 1),
                environment.getProperty("vetted.kafka.topics.min-insync-replicas", Integer.class, 1));
    }

    /** The containers' recoverers, for batch listeners that dead-letter a record inside the batch's transaction. */
    @Bean
    @ConditionalOnMissingBean
    public BatchDeadLetters batchDeadLetters() {
        return new BatchDeadLetters();
    }

    /**
     * The consumer groups whose bindings keep their position in a database with their projection
     * ({@code vetted.kafka.projection-groups}): their polls run outside Kafka transactions.
     */
    static Set<String> projectionGroups(Environment environment) {
        return Arrays.stream(environment
                        .getProperty("vetted.kafka.projection-groups", "")
                        .split(","))
                .map(String::strip)
                .filter(group -> !group.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Bean
    @ConditionalOnMissingBean(ListenerContainerWithDlqAndRetryCustomizer.class)
    public ListenerContainerWithDlqAndRetryCustomizer deadLettersInTheContainer(
            TopicSettings settings,
            ObjectProvider<MeterRegistry> meters,
            ObjectProvider<BatchDeadLetters> batches,
            Environment environment) {
        Set<String> projectionGroups = projectionGroups(environment);
        return new ListenerContainerWithDlqAndRetryCustomizer() {
            @Override
            public void configure(
                    AbstractMessageListenerContainer<?, ?> container,
                    String destination,
                    String group,
                    BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> binderResolver,
                    BackOff backOff) {
                KafkaAwareTransactionManager<?, ?> transactions =
                        container.getContainerProperties().getKafkaAwareTransactionManager();
                if (transactions == null) {
                    throw new IllegalStateException("consumer of " + destination + " (group " + group + ") is not "
                            + "transactional: set spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix");
                }
                // Every topic is read by some service, so checking what each reads checks them all.
                provisionAndCheck(
                        transactions.getProducerFactory().getConfigurationProperties(), destination, group, settings);
                @SuppressWarnings({"unchecked", "rawtypes"})
                KafkaTemplate<Object, Object> template = new KafkaTemplate(transactions.getProducerFactory());
                // Counted as each is routed: vetted.dead.letters{topic,group}, for an alert on any increase.
                DeadLetterPublishingRecoverer recoverer =
                        new DeadLetterPublishingRecoverer(template, (record, cause) -> {
                            meters.ifAvailable(registry -> registry.counter(
                                            "vetted.dead.letters", "topic", record.topic(), "group", group)
                                    .increment());
                            return toDeadLetterTopic(record, group);
                        });
                recoverer.setHeadersFunction((record, failure) -> new RecordHeaders()
                        .add(
                                Topics.DEAD_LETTER_REASON_HEADER,
                                rootCause(failure).getBytes(StandardCharsets.UTF_8)));
                batches.ifAvailable(registry -> registry.register(destination, group, recoverer));
                BackOff retries = backOff != null ? backOff : new FixedBackOff(500L, 2L);
                // A projection's database being down is no fault of the record: retried until it is back, never
                // dead-lettered (the record would be missing from the projection for good).
                BiFunction<ConsumerRecord<?, ?>, Exception, BackOff> storeOutages = (record, failure) ->
                        StoreFailures.is(failure) ? new FixedBackOff(2000L, FixedBackOff.UNLIMITED_ATTEMPTS) : null;
                if (projectionGroups.contains(group)) {
                    // Its position commits with its effect in the projection's database and it sends nothing: a
                    // Kafka transaction around each poll would carry only the group's offsets, which play no part,
                    // and cost the broker a transaction per poll. A dead letter is sent in a transaction of its own
                    // (the recoverer's template is transactional) before the consumer moves past the record.
                    container.getContainerProperties().setKafkaAwareTransactionManager(null);
                    DefaultErrorHandler errors = new DefaultErrorHandler(recoverer, retries);
                    errors.addNotRetryableExceptions(PoisonEventException.class);
                    errors.setBackOffFunction(storeOutages);
                    container.setCommonErrorHandler(errors);
                    return;
                }
                // A batch listener that names its failed record has that record alone retried or dead-lettered.
                DefaultAfterRollbackProcessor<Object, Object> afterRollback =
                        new RecordByRecordAfterRollback<>(recoverer, retries, template, true);
                afterRollback.addNotRetryableExceptions(PoisonEventException.class);
                afterRollback.setBackOffFunction(storeOutages);
                container.setAfterRollbackProcessor(afterRollback);
            }

            @Override
            public boolean retryAndDlqInBinding(String destination, String group) {
                return false;
            }
        };
    }

    /**
     * Creates {@code <topic>.<group>.dlt} for each destination of the binding, where it does not exist yet, with the
     * settings of an event log (dead letters are the only copy of what failed: kept forever, replicated like every
     * topic); then warns about unsafe settings on the destinations and their dead-letter topics.
     */
    static void provisionAndCheck(
            Map<String, Object> producerConfig, String destinations, String group, TopicSettings settings) {
        Map<String, Object> adminConfig = adminConfig(producerConfig);
        List<String> read =
                Arrays.stream(destinations.split(",")).map(String::strip).toList();
        List<NewTopic> deadLetters = read.stream()
                .map(topic -> Topics.deadLetter(topic, group))
                .map(topic -> new NewTopic(topic, Optional.of(1), Optional.of((short) settings.replicationFactor()))
                        .configs(deadLetterTopicConfig(topic, settings, producerConfig)))
                .toList();
        try (Admin admin = Admin.create(adminConfig)) {
            for (var created : admin.createTopics(deadLetters).values().entrySet()) {
                try {
                    created.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(
                                "cannot create dead-letter topic " + created.getKey(), e.getCause());
                    }
                }
            }
            List<String> checked = new ArrayList<>(read);
            deadLetters.forEach(topic -> checked.add(topic.name()));
            TopicSettingsCheck.check(admin, checked, settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating dead-letter topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not create dead-letter topics in time", e);
        }
    }

    /**
     * The transactional producer's connection settings (bootstrap, security protocol, SASL, SSL: the binder's
     * {@code configuration} map, where {@code SharedKafkaSettings} puts them) are the admin client's too; what only a
     * producer understands is left out.
     */
    static Map<String, Object> adminConfig(Map<String, Object> producerConfig) {
        Map<String, Object> adminConfig = new HashMap<>();
        producerConfig.forEach((name, value) -> {
            if (AdminClientConfig.configNames().contains(name)) {
                adminConfig.put(name, value);
            }
        });
        return adminConfig;
    }

    /**
     * A dead letter can be as large as the largest record the service writes (the original bytes plus headers): a
     * producer allowed more than Kafka's default 1 MiB gets dead-letter topics that take as much, or a large poison
     * record could never be dead-lettered and would block its partition.
     */
    static Map<String, String> deadLetterTopicConfig(
            String topic, TopicSettings settings, Map<String, Object> producerConfig) {
        Map<String, String> config = new HashMap<>(settings.creationConfig(topic));
        Object maxRequest = producerConfig.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        if (maxRequest != null) {
            config.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxRequest));
        }
        return config;
    }

    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    static TopicPartition toDeadLetterTopic(ConsumerRecord<?, ?> record, String group) {
        // Partition -1: the producer partitions by the (article id) key, as on every other topic.
        return new TopicPartition(Topics.deadLetter(record.topic(), group), -1);
    }
}
