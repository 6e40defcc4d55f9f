package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.integration.MessageTimeoutException;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.MessageBuilder;

/** Which failed sends may still have committed, wrapped as the binder hands them over. */
class SendFailuresTest {
    private static final Message<String> MESSAGE =
            MessageBuilder.withPayload("event").build();
    private static final ProducerRecord<String, String> RECORD =
            new ProducerRecord<>("article.draft-submitted", "k", "v");

    static Stream<Arguments> failures() {
        return Stream.of(
                // May have committed.
                Arguments.of(
                        "the record's delivery timed out",
                        handler(new KafkaProducerException(
                                RECORD,
                                "Failed to send",
                                new TimeoutException("Expiring 1 record(s): 120000 ms has passed"))),
                        true),
                Arguments.of(
                        "the commit timed out (rethrown as Kafka threw it)",
                        handler(new TimeoutException("Timeout expired after 60000ms while awaiting EndTxn(true)")),
                        true),
                Arguments.of(
                        "the handler's sync wait ran out",
                        new MessageTimeoutException(
                                MESSAGE,
                                "Timeout waiting for response from KafkaProducer",
                                new java.util.concurrent.TimeoutException()),
                        true),
                Arguments.of("the wait was interrupted", handler(new InterruptedException()), true),
                Arguments.of("Kafka's interrupt", new InterruptException("interrupted while blocked"), true),
                Arguments.of("a fenced producer at commit", handler(new ProducerFencedException("fenced")), true),
                Arguments.of(
                        "an old producer epoch at commit", handler(new InvalidProducerEpochException("epoch")), true),
                Arguments.of(
                        "the channel wraps the handler's timeout",
                        new MessageDeliveryException(
                                MESSAGE,
                                "Dispatcher failed to deliver Message",
                                handler(new TimeoutException("EndTxn"))),
                        true),
                Arguments.of(
                        "a commit in error state after a timed-out record",
                        handler(new KafkaException(
                                "Cannot execute transactional method because we are in an error state",
                                new TimeoutException("Expiring 1 record(s)"))),
                        true),
                // Certainly did not commit.
                Arguments.of(
                        "the transaction was aborted",
                        handler(new KafkaProducerException(
                                RECORD, "Failed to send", new TransactionAbortedException("aborted"))),
                        false),
                Arguments.of("serialization", handler(new SerializationException("cannot encode")), false),
                Arguments.of(
                        "a record too large",
                        handler(new KafkaProducerException(
                                RECORD, "Failed to send", new RecordTooLargeException("too large"))),
                        false),
                Arguments.of("not a Kafka failure", new IllegalStateException("no binding"), false),
                Arguments.of("a Kafka failure of no named kind", handler(new KafkaException("closed")), false),
                Arguments.of(
                        "a timeout after the abort is the abort's",
                        handler(new KafkaProducerException(
                                RECORD,
                                "Failed to send",
                                new TransactionAbortedException("aborted", new TimeoutException()))),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void tellsWhetherTheEventMayHaveCommitted(String kind, Throwable failure, boolean ambiguous) {
        assertThat(SendFailures.isAmbiguous(failure)).isEqualTo(ambiguous);
    }

    @Test
    void aCauseChainWithACycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(SendFailures.isAmbiguous(first)).isFalse();
    }

    private static MessageHandlingException handler(Throwable cause) {
        return new MessageHandlingException(MESSAGE, cause);
    }
}
