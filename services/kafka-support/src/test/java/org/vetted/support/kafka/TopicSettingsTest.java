package org.vetted.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vetted.contract.Topics;

class TopicSettingsTest {
    private final TopicSettings threeBrokers = new TopicSettings(3, 2);

    /** What a broker describes for a topic the services created, defaults included. */
    private Map<String, String> asCreated(String topic) {
        Map<String, String> config = new HashMap<>(threeBrokers.creationConfig(topic));
        config.put("unclean.leader.election.enable", "false");
        config.put("max.message.bytes", "1048588");
        return config;
    }

    @Test
    void eventTopicsAreKeptForeverAndTheLibraryIsCompacted() {
        assertThat(threeBrokers.creationConfig(Topics.APPROVED))
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("retention.ms", "-1")
                .containsEntry("retention.bytes", "-1")
                .containsEntry("min.insync.replicas", "2");
        assertThat(threeBrokers.creationConfig(Topics.CLAIMS_LIBRARY)).containsEntry("cleanup.policy", "compact");
    }

    @Test
    void whatTheServicesCreateIsSafe() {
        for (String topic : Topics.ALL) {
            assertThat(threeBrokers.problems(topic, 3, asCreated(topic)))
                    .as(topic)
                    .isEmpty();
        }
        assertThat(threeBrokers.problems(Topics.CLAIMS_LIBRARY, 3, asCreated(Topics.CLAIMS_LIBRARY)))
                .isEmpty();
        String deadLetter = Topics.deadLetter(Topics.APPROVED, "rendering");
        assertThat(threeBrokers.problems(deadLetter, 3, asCreated(deadLetter))).isEmpty();
    }

    @Test
    void theBrokerDefaultOfSevenDaysIsNamedInDays() {
        Map<String, String> config = asCreated(Topics.PUBLISHED);
        config.put("retention.ms", "604800000");
        assertThat(threeBrokers.problems(Topics.PUBLISHED, 3, config))
                .containsExactly("retention.ms=604800000 deletes events older than 7 days (want -1: kept forever)");
    }

    @Test
    void aCompactedEventLogOrAnExpiringLibraryIsUnsafe() {
        Map<String, String> log = asCreated(Topics.DRAFT_SUBMITTED);
        log.put("cleanup.policy", "compact, delete");
        assertThat(threeBrokers.problems(Topics.DRAFT_SUBMITTED, 3, log))
                .anyMatch(problem -> problem.startsWith("cleanup.policy includes compact"));

        Map<String, String> library = asCreated(Topics.CLAIMS_LIBRARY);
        library.put("cleanup.policy", "delete");
        assertThat(threeBrokers.problems(Topics.CLAIMS_LIBRARY, 3, library))
                .anyMatch(problem -> problem.contains("is not compact"))
                .anyMatch(problem -> problem.startsWith("cleanup.policy includes delete"));
    }

    @Test
    void tooFewReplicasOrInSyncReplicasAndUncleanElectionAreUnsafe() {
        Map<String, String> config = asCreated(Topics.APPROVED);
        config.put("min.insync.replicas", "1");
        config.put("unclean.leader.election.enable", "true");
        assertThat(threeBrokers.problems(Topics.APPROVED, 1, config))
                .containsExactlyInAnyOrder(
                        "1 replica(s), fewer than the 3 configured: losing its broker loses the topic",
                        "min.insync.replicas=1: a write counts once 1 replica(s) have it, fewer than the 2 configured",
                        "unclean.leader.election.enable=true: a replica that missed writes may become leader and drop "
                                + "committed events");

        config.put("min.insync.replicas", "3");
        config.put("unclean.leader.election.enable", "false");
        assertThat(threeBrokers.problems(Topics.APPROVED, 2, config))
                .containsExactly(
                        "2 replica(s), fewer than the 3 configured: losing 2 brokers loses the topic",
                        "min.insync.replicas=3 is more than its 2 replica(s): every write fails");
    }

    @Test
    void oneBrokerWithOneReplicaIsWhatItIs() {
        TopicSettings oneBroker = new TopicSettings(1, 1);
        Map<String, String> config = new HashMap<>(oneBroker.creationConfig(Topics.APPROVED));
        assertThat(oneBroker.problems(Topics.APPROVED, 1, config)).isEmpty();
    }

    @Test
    void settingsThatCouldNeverBeWrittenToAreRefused() {
        assertThatThrownBy(() -> new TopicSettings(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicSettings(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
