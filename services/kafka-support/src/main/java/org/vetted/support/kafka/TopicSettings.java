package org.vetted.support.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.TopicConfig;
import org.vetted.contract.Topics;

/**
 * The settings that make a topic the record: what the services create topics with, and what is unsafe in a topic
 * found already there. Two kinds of topic: an event log (every article topic, every dead-letter topic) is kept
 * forever and never compacted, since each event is history a projection or an audit replays; a compacted topic
 * ({@link Topics#COMPACTED}, the claims library) keeps the latest record per key, which is its whole state.
 * Replication and {@code min.insync.replicas} come from configuration: 1 and 1 on one broker, 3 and 2 on three.
 */
public record TopicSettings(int replicationFactor, int minInsyncReplicas) {

    public TopicSettings {
        if (replicationFactor < 1 || minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException("need 1 <= min.insync.replicas (" + minInsyncReplicas
                    + ") <= replication factor (" + replicationFactor + ")");
        }
    }

    public static boolean compacted(String topic) {
        return Topics.COMPACTED.contains(topic);
    }

    /** The configuration a topic is created with. */
    public Map<String, String> creationConfig(String topic) {
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                compacted(topic) ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG,
                "-1",
                TopicConfig.RETENTION_BYTES_CONFIG,
                "-1",
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                Integer.toString(minInsyncReplicas));
    }

    /**
     * What is unsafe about an existing topic with {@code replicas} replicas and this configuration (as the broker
     * describes it, defaults included), one sentence each; empty when nothing is.
     */
    public List<String> problems(String topic, int replicas, Map<String, String> config) {
        List<String> problems = new ArrayList<>();
        Set<String> cleanup =
                Set.of(config.getOrDefault(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                        .replace(" ", "")
                        .split(","));
        if (compacted(topic)) {
            if (!cleanup.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                problems.add("cleanup.policy=" + String.join(",", cleanup)
                        + " is not compact: entries would expire instead of keeping the latest per key");
            }
            if (cleanup.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
                problems.add("cleanup.policy includes delete: entries would be deleted by age, not only superseded");
            }
        } else {
            if (cleanup.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                problems.add("cleanup.policy includes compact: only the latest event of each article would be kept");
            }
            long retentionMs = number(config.get(TopicConfig.RETENTION_MS_CONFIG));
            if (retentionMs >= 0) {
                problems.add("retention.ms=" + retentionMs + " deletes events older than " + days(retentionMs)
                        + " (want -1: kept forever)");
            }
            long retentionBytes = number(config.get(TopicConfig.RETENTION_BYTES_CONFIG));
            if (retentionBytes >= 0) {
                problems.add("retention.bytes=" + retentionBytes + " deletes the oldest events past that size per "
                        + "partition (want -1)");
            }
        }
        if (replicas < replicationFactor) {
            problems.add(replicas + " replica(s), fewer than the " + replicationFactor + " configured: losing "
                    + (replicas == 1 ? "its broker loses the topic" : replicas + " brokers loses the topic"));
        }
        int minInsync = (int) number(config.getOrDefault(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1"));
        if (minInsync > replicas) {
            problems.add("min.insync.replicas=" + minInsync + " is more than its " + replicas
                    + " replica(s): every write fails");
        } else if (minInsync < minInsyncReplicas) {
            problems.add("min.insync.replicas=" + minInsync + ": a write counts once " + minInsync
                    + " replica(s) have it, fewer than the " + minInsyncReplicas + " configured");
        }
        if (Boolean.parseBoolean(config.get(TopicConfig.UNCLEAN_LEADER_ELECTION_ENABLE_CONFIG))) {
            problems.add("unclean.leader.election.enable=true: a replica that missed writes may become leader and "
                    + "drop committed events");
        }
        return problems;
    }

    private static long number(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String days(long millis) {
        long hours = millis / 3_600_000L;
        return hours >= 48 ? hours / 24 + " days" : hours >= 1 ? hours + " hours" : millis + " ms";
    }
}
