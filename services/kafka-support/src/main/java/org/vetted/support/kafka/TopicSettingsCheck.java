package org.vetted.support.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks at the topics a service reads, as the cluster has them, and logs a warning for each unsafe setting
 * ({@link TopicSettings#problems}) with the command that fixes it. It warns rather than refuses: the topics are
 * shared, and the fix is an operator's decision (an existing 7-day topic may already have lost history).
 */
public final class TopicSettingsCheck {
    private static final Logger log = LoggerFactory.getLogger(TopicSettingsCheck.class);

    private TopicSettingsCheck() {}

    /** The problems found, as logged: {@code topic: problem}. Topics that do not exist are skipped. */
    public static List<String> check(Admin admin, Collection<String> topics, TopicSettings settings) {
        List<String> found = new ArrayList<>();
        try {
            Map<String, TopicDescription> descriptions =
                    admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            List<ConfigResource> resources = topics.stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .toList();
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (String topic : topics) {
                int replicas = descriptions.get(topic).partitions().stream()
                        .mapToInt(partition -> partition.replicas().size())
                        .min()
                        .orElse(0);
                Map<String, String> config =
                        configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic)).entries().stream()
                                .filter(entry -> entry.value() != null)
                                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
                for (String problem : settings.problems(topic, replicas, config)) {
                    found.add(topic + ": " + problem);
                    log.warn(
                            "Unsafe topic setting: {}: {}. To fix: kafka-configs.sh --alter --entity-type topics "
                                    + "--entity-name {} --add-config {}",
                            topic,
                            problem,
                            topic,
                            fix(topic, settings));
                }
            }
        } catch (ExecutionException e) {
            log.warn(
                    "Could not check the settings of {}: {}",
                    topics,
                    e.getCause().toString());
        } catch (TimeoutException e) {
            log.warn("Could not check the settings of {} in time", topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return found;
    }

    private static String fix(String topic, TopicSettings settings) {
        return settings.creationConfig(topic).entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .sorted()
                .collect(Collectors.joining(","));
    }
}
