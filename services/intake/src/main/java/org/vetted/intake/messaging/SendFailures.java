package org.vetted.intake.messaging;

import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortedException;

/**
 * Tells a failed publish whose event certainly did not commit from one that may have: only the first may give its
 * revision number and slug back.
 * <p>
 * What reaches intake is wrapped: Spring Integration's {@code MessageHandlingException} (or
 * {@code MessageTimeoutException} when the sync wait runs out), Spring Kafka's {@code KafkaProducerException} for a
 * failed record, and a failed {@code commitTransaction} rethrown as Kafka threw it. So the cause chain is read from the
 * outside in, and the first cause that says something decides.
 */
final class SendFailures {
    private SendFailures() {}

    /**
     * True when the broker may have committed the event although the send failed: a timeout (the record's delivery,
     * the commit's {@code EndTxn}, or the wait for either), an interrupted wait, or a fenced producer (a newer producer
     * of the same transactional id completes a commit this one had prepared). False when nothing can have committed:
     * the event never left (serialization, too large), or its transaction was aborted. A failure named neither way
     * (the binding missing, a closed producer, ...) counts as definite, as every failure did before.
     */
    static boolean isAmbiguous(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (cause instanceof TransactionAbortedException
                    || cause instanceof SerializationException
                    || cause instanceof RecordTooLargeException
                    || cause instanceof RecordBatchTooLargeException) {
                return false;
            }
            if (cause instanceof TimeoutException
                    || cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof InterruptException
                    || cause instanceof InterruptedException
                    || cause instanceof ProducerFencedException
                    || cause instanceof InvalidProducerEpochException) {
                return true;
            }
        }
        return false;
    }
}
