package org.vetted.support.stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.vetted.support.batch.Preparation;
import org.vetted.support.observability.RecordObservations;
import org.vetted.support.projection.StoreFailures;
import org.vetted.support.projection.StoreUnavailableException;

/**
 * One poll of a batch-mode binding that writes records of its own (consume, work, produce), handled in the poll's one
 * Kafka transaction: what each record produces is sent, and the consumer's offsets committed, together.
 * <p>
 * Each record is first prepared alone ({@code prepare}: the seal check and whatever needs nothing but the record,
 * run in parallel across the batch when it has several records, so it must be thread-safe), then worked on in the
 * batch's order ({@code work}: what reads or writes shared state, and the sends), so one article's records, which
 * share a partition, keep their order. A record that fails either step (a poison record, a refusal) is
 * dead-lettered with its cause in the same transaction and the rest of the batch goes on: a failure of one record
 * that is not its store's is the record's (its preparation and work follow from the record alone), so retrying it
 * would fail again. A store that fails (as {@link StoreFailures} tells) fails the
 * batch, which is then retried from its first record until the store is back, never dead-lettered: nothing of it has
 * been committed.
 * <p>
 * Every step of a record (its preparation, its work, its dead letter) runs in the record's own observation
 * ({@link RecordObservations}), whose parent is the trace its {@code traceparent} header carries: a batch-mode
 * listener has no observation per record, and without it the log lines and the records sent would lose the trace.
 *
 * @param <T> the records' payload
 * @param <P> what a record's preparation hands to its work
 */
public final class TransactionalBatch<T, P> {

    /** Where a failed record goes: {@code BatchDeadLetters.deadLetter} for the binding's group. */
    @FunctionalInterface
    public interface DeadLetter {
        void send(Message<?> record, RuntimeException cause);
    }

    private final Function<Message<T>, P> prepare;
    private final BiConsumer<Message<T>, P> work;
    private final DeadLetter deadLetter;
    private final RecordObservations observations;

    /** @param observations the service's registry: each record's steps run in an observation of that record */
    public TransactionalBatch(
            Function<Message<T>, P> prepare,
            BiConsumer<Message<T>, P> work,
            DeadLetter deadLetter,
            ObservationRegistry observations) {
        this.prepare = prepare;
        this.work = work;
        this.deadLetter = deadLetter;
        this.observations = new RecordObservations(observations);
    }

    /** Without observations: for this package's tests. */
    TransactionalBatch(Function<Message<T>, P> prepare, BiConsumer<Message<T>, P> work, DeadLetter deadLetter) {
        this(prepare, work, deadLetter, ObservationRegistry.NOOP);
    }

    /** @param batch the binding's message: a poll's records as a list (or one record, from the test binder) */
    public void accept(Message<?> batch) {
        List<Message<T>> records = BatchRecords.split(batch);
        List<Observation> observed = records.stream().map(observations::start).toList();
        int stopped = 0;
        try {
            List<Preparation.Prepared<P>> prepared = Preparation.inParallel(
                    records.size(), i -> observed.get(i).scoped(() -> prepare.apply(records.get(i))));
            for (; stopped < records.size(); stopped++) {
                Message<T> record = records.get(stopped);
                Preparation.Prepared<P> one = prepared.get(stopped);
                observed.get(stopped).scoped(() -> workOn(record, one));
                observed.get(stopped).stop();
            }
        } finally {
            // A store failure ends the batch: the records not reached are done with too.
            for (int i = stopped; i < records.size(); i++) {
                observed.get(i).stop();
            }
        }
    }

    private void workOn(Message<T> record, Preparation.Prepared<P> prepared) {
        RuntimeException failure = prepared.failure();
        if (failure == null) {
            try {
                work.accept(record, prepared.value());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure == null) {
            return;
        }
        if (StoreFailures.is(failure)) {
            // The first record named: the whole batch is rolled back and redelivered; the store's failure
            // makes the container retry it without end rather than dead-letter it.
            throw new BatchListenerFailedException(
                    failure.getMessage(),
                    failure instanceof StoreUnavailableException
                            ? failure
                            : new StoreUnavailableException("the store failed: " + failure.getMessage(), failure),
                    0);
        }
        deadLetter.send(record, failure);
    }
}
