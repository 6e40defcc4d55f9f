package org.vetted.support.kafka;

import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;

/**
 * The after-rollback processor of every consumer: Spring Kafka's own, except that a batch listener naming its failed
 * record ({@link BatchListenerFailedException} with an index) has that record handled alone. Spring Kafka's
 * {@code processBatch} retries a failed batch whole and then dead-letters every record in it, good ones included;
 * here the records from the failed one on are handed to the record-mode path instead: the failed record is retried
 * with its back-off (a store failure forever, a poison record not at all) and then dead-lettered in the recovery's
 * transaction, and the consumer is sought back to the records after it, which are redelivered. The records before
 * it the listener has already committed where it keeps its position (a projection's database), so they are not
 * applied twice. A batch failure that names no record goes the default way.
 */
final class RecordByRecordAfterRollback<K, V> extends DefaultAfterRollbackProcessor<K, V> {

    RecordByRecordAfterRollback(
            BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer,
            BackOff backOff,
            KafkaOperations<?, ?> template,
            boolean commitRecovered) {
        super(recoverer, backOff, template, commitRecovered);
    }

    @Override
    public void processBatch(
            ConsumerRecords<K, V> records,
            List<ConsumerRecord<K, V>> recordList,
            Consumer<K, V> consumer,
            MessageListenerContainer container,
            Exception exception,
            boolean recoverable,
            ContainerProperties.EOSMode eosMode) {
        int index = failedIndex(exception, recordList.size());
        if (index < 0) {
            super.processBatch(records, recordList, consumer, container, exception, recoverable, eosMode);
            return;
        }
        // Recoverable whatever the container says: it says no for a listener of a list rather than ConsumerRecords
        // (a Spring Cloud Stream batch), since it cannot tell which record failed; the index tells.
        process(recordList.subList(index, recordList.size()), consumer, container, exception, true, eosMode);
    }

    /** The index a {@link BatchListenerFailedException} in the causes names, or -1. */
    static int failedIndex(Throwable failure, int size) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof BatchListenerFailedException failed) {
                int index = failed.getIndex();
                return index >= 0 && index < size ? index : -1;
            }
        }
        return -1;
    }
}
