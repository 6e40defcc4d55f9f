package org.vetted.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.listener.RecordInterceptor;

class ReplayReadinessTest {
    private static final TopicPartition DRAFTS_0 = new TopicPartition("drafts", 0);
    private static final TopicPartition DRAFTS_1 = new TopicPartition("drafts", 1);
    private static final TopicPartition OTHER_0 = new TopicPartition("other", 0);

    private final ReplayReadiness readiness = new ReplayReadiness(List.of("drafts"));
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());

    ReplayReadinessTest() {
        consumer.updatePartitions("drafts", List.of(partition("drafts", 0), partition("drafts", 1)));
        consumer.updatePartitions("other", List.of(partition("other", 0)));
        consumer.updateBeginningOffsets(Map.of(DRAFTS_0, 0L, DRAFTS_1, 0L, OTHER_0, 0L));
        consumer.updateEndOffsets(Map.of(DRAFTS_0, 5L, DRAFTS_1, 0L, OTHER_0, 9L));
    }

    @Test
    void isOutOfServiceWhileTheConsumerIsBehindTheEndOfAPartition() {
        hold(List.of(DRAFTS_0, DRAFTS_1), 3L);

        idle(List.of(DRAFTS_0, DRAFTS_1));

        assertThat(readiness.isCaughtUp()).isFalse();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void isUpOnceEveryPartitionHasBeenReadToItsEnd() {
        hold(List.of(DRAFTS_0, DRAFTS_1), 5L);

        idle(List.of(DRAFTS_0, DRAFTS_1));

        assertThat(readiness.isCaughtUp()).isTrue();
        assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void holdingOnlySomeOfThePartitionsIsNotEnough() {
        hold(List.of(DRAFTS_0), 5L);

        idle(List.of(DRAFTS_0));

        assertThat(readiness.isCaughtUp()).isFalse();
    }

    @Test
    void partitionsReadToTheirEndByDifferentContainersCountTogether() {
        hold(List.of(DRAFTS_0), 5L);
        idle(List.of(DRAFTS_0));
        assertThat(readiness.isCaughtUp()).isFalse();

        hold(List.of(DRAFTS_1), 5L);
        idle(List.of(DRAFTS_1));

        assertThat(readiness.isCaughtUp()).isTrue();
    }

    @Test
    void idleEventsOfAnotherBindingAreIgnored() {
        hold(List.of(OTHER_0), 9L);

        idle(List.of(OTHER_0));

        assertThat(readiness.isCaughtUp()).isFalse();
    }

    @Test
    void recordsProcessedUpToWhereTheLogEndedAtAssignmentMakeItReadyWithoutAnIdlePoll() {
        hold(List.of(DRAFTS_0, DRAFTS_1), 0L);
        // More records arrive all the while: the target stays where the log ended when the partition came.
        consumer.updateEndOffsets(Map.of(DRAFTS_0, 9L));
        RecordInterceptor<Object, Object> progress = readiness.progress();

        progress.afterRecord(new ConsumerRecord<>("drafts", 0, 3L, "a-1", null), null);
        assertThat(readiness.isCaughtUp()).isFalse();
        progress.afterRecord(new ConsumerRecord<>("drafts", 0, 4L, "a-1", null), null);

        assertThat(readiness.isCaughtUp()).isTrue();
    }

    @Test
    void losingAPartitionInARebalanceTakesItOutOfServiceAtOnce() {
        hold(List.of(DRAFTS_0, DRAFTS_1), 5L);
        idle(List.of(DRAFTS_0, DRAFTS_1));
        assertThat(readiness.isCaughtUp()).isTrue();

        readiness.onPartitionsRevokedBeforeCommit("track-in-0", consumer, List.of(DRAFTS_1));

        assertThat(readiness.isCaughtUp()).isFalse();
        assertThat(readiness.health().getDetails().get("replay")).isEqualTo("holds 1 of 2 partitions");
    }

    @Test
    void aPartitionBackWhereItWasLeftNeedsOnlyToBeReadToItsEndAgain() {
        hold(List.of(DRAFTS_0, DRAFTS_1), 5L);
        idle(List.of(DRAFTS_0, DRAFTS_1));
        // Its transactions committed offset 5; nobody else reads the partition while it is away, two records arrive.
        consumer.commitSync(Map.of(DRAFTS_0, new OffsetAndMetadata(5L)));
        readiness.onPartitionsRevokedBeforeCommit("track-in-0", consumer, List.of(DRAFTS_0));
        consumer.updateEndOffsets(Map.of(DRAFTS_0, 7L));

        readiness.onPartitionsAssigned("track-in-0", consumer, List.of(DRAFTS_0), false);
        assertThat(readiness.isCaughtUp()).as("assigned, not yet read to its end").isFalse();
        consumer.seek(DRAFTS_0, 7L);
        idle(List.of(DRAFTS_0, DRAFTS_1));

        assertThat(readiness.isCaughtUp()).isTrue();
    }

    @Test
    void aPartitionAnotherInstanceConsumedMeanwhileKeepsItOutOfServiceUntilRestarted() {
        hold(List.of(DRAFTS_0, DRAFTS_1), 3L);
        consumer.updateEndOffsets(Map.of(DRAFTS_0, 3L));
        idle(List.of(DRAFTS_0, DRAFTS_1));
        assertThat(readiness.isCaughtUp()).isTrue();
        consumer.commitSync(Map.of(DRAFTS_0, new OffsetAndMetadata(3L)));
        readiness.onPartitionsRevokedBeforeCommit("track-in-0", consumer, List.of(DRAFTS_0));
        // Another instance read offsets 3 and 4 and committed 5.
        consumer.updateEndOffsets(Map.of(DRAFTS_0, 5L));
        consumer.commitSync(Map.of(DRAFTS_0, new OffsetAndMetadata(5L)));

        readiness.onPartitionsAssigned("track-in-0", consumer, List.of(DRAFTS_0), false);
        consumer.seek(DRAFTS_0, 5L);
        idle(List.of(DRAFTS_0, DRAFTS_1));

        assertThat(readiness.isCaughtUp()).isFalse();
        assertThat(readiness.health().getDetails().get("replay"))
                .isEqualTo("missed events on [drafts-0] while another instance held them: restart to rebuild");
    }

    @Test
    void rebalancesOfOtherTopicsChangeNothing() {
        hold(List.of(DRAFTS_0, DRAFTS_1), 5L);
        idle(List.of(DRAFTS_0, DRAFTS_1));

        readiness.onPartitionsRevokedBeforeCommit("other-in-0", consumer, List.of(OTHER_0));

        assertThat(readiness.isCaughtUp()).isTrue();
    }

    @Test
    void aPartitionHeldForTheFirstTimeIsReadFromItsStartAndOneHandedBackIsNot() {
        consumer.assign(List.of(DRAFTS_0));
        consumer.seek(DRAFTS_0, 4L);
        readiness.onPartitionsAssigned("track-in-0", consumer, List.of(DRAFTS_0), false);
        assertThat(consumer.position(DRAFTS_0)).as("replayed from the start").isZero();

        consumer.seek(DRAFTS_0, 5L);
        consumer.commitSync(Map.of(DRAFTS_0, new OffsetAndMetadata(5L)));
        readiness.onPartitionsRevokedBeforeCommit("track-in-0", consumer, List.of(DRAFTS_0));
        readiness.onPartitionsAssigned("track-in-0", consumer, List.of(DRAFTS_0), false);

        assertThat(consumer.position(DRAFTS_0)).as("its events are in the projection already").isEqualTo(5L);
    }

    /** The consumer is assigned {@code partitions} (replayed from the start) and has read DRAFTS_0 up to a point. */
    private void hold(List<TopicPartition> partitions, long drafts0Position) {
        consumer.assign(partitions);
        readiness.onPartitionsAssigned("track-in-0", consumer, partitions, true);
        for (TopicPartition partition : partitions) {
            consumer.seek(partition, partition.equals(DRAFTS_0) ? drafts0Position
                    : partition.equals(OTHER_0) ? 9L : 0L);
        }
    }

    private void idle(List<TopicPartition> assigned) {
        readiness.onApplicationEvent(new ListenerContainerIdleEvent(this, this, 600L, "listener", assigned, consumer, false));
    }

    private static PartitionInfo partition(String topic, int partition) {
        return new PartitionInfo(topic, partition, Node.noNode(), new Node[0], new Node[0]);
    }
}
