package org.vetted.support.stream;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
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

    /**
     * Runs a record's work in that record's own context: {@code RecordObservations.continuing} continues the trace
     * its {@code traceparent} header carries, so what it sends carries the same trace, as a record-at-a-time
     * binding's observation does (a batch-mode listener has none per record).
     */
    @FunctionalInterface
    public interface Around {
        Around NOTHING = (record, work) -> work.run();

        void run(Message<?> record, Runnable work);
    }

    private record Prepared<P>(P value, RuntimeException failure) {}

    private final Function<Message<T>, P> prepare;
    private final BiConsumer<Message<T>, P> work;
    private final DeadLetter deadLetter;
    private final Around around;

    public TransactionalBatch(Function<Message<T>, P> prepare, BiConsumer<Message<T>, P> work, DeadLetter deadLetter) {
        this(prepare, work, deadLetter, Around.NOTHING);
    }

    public TransactionalBatch(
            Function<Message<T>, P> prepare, BiConsumer<Message<T>, P> work, DeadLetter deadLetter, Around around) {
        this.prepare = prepare;
        this.work = work;
        this.deadLetter = deadLetter;
        this.around = around;
    }

    /** @param batch the binding's message: a poll's records as a list (or one record, from the test binder) */
    public void accept(Message<?> batch) {
        List<Message<T>> records = BatchRecords.split(batch);
        // The common pool's threads carry the system class loader, which in a Spring Boot jar sees none of the
        // application's classes (Avro resolves classes through it): each preparation runs with the listener's.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Prepared<P>> prepared = (records.size() > 1 ? records.parallelStream() : records.stream())
                .map(record -> prepareOne(record, loader))
                .toList();
        for (int i = 0; i < records.size(); i++) {
            Message<T> record = records.get(i);
            RuntimeException failure = prepared.get(i).failure();
            if (failure == null) {
                try {
                    P value = prepared.get(i).value();
                    around.run(record, () -> work.accept(record, value));
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                if (StoreFailures.is(failure)) {
                    // The first record named: the whole batch is rolled back and redelivered; the store's failure
                    // makes the container retry it without end rather than dead-letter it.
                    throw new BatchListenerFailedException(
                            failure.getMessage(),
                            failure instanceof StoreUnavailableException
                                    ? failure
                                    : new StoreUnavailableException(
                                            "the store failed: " + failure.getMessage(), failure),
                            0);
                }
                deadLetter.send(record, failure);
            }
        }
    }

    private Prepared<P> prepareOne(Message<T> record, ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader own = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return new Prepared<>(prepare.apply(record), null);
        } catch (RuntimeException e) {
            return new Prepared<>(null, e);
        } finally {
            thread.setContextClassLoader(own);
        }
    }
}
