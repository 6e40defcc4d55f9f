package org.vetted.contract;

import java.util.function.Supplier;

/**
 * Runs the processing of one consumed record so that no input can stop a consumer. Spring Kafka's error handling
 * sees only exceptions: a {@link StackOverflowError} (deeply nested Markdown, say) or another {@link Error} thrown
 * by a listener stops its container for good, and the same record stops it again after a restart. Here such an
 * error becomes a {@link PoisonEventException}, so the record is dead-lettered with the cause and the partition moves
 * on. {@link VirtualMachineError}s other than a stack overflow (out of memory, internal errors) leave the JVM in a
 * state not worth trusting: they propagate, and {@code ConsumerWatchdog} takes the service out of service.
 */
public final class RecordGuard {

    public static <T> T process(Supplier<T> work) {
        try {
            return work.get();
        } catch (StackOverflowError e) {
            // No cause attached: a thousand-frame trace helps nobody, and the dead letter names the reason.
            throw new PoisonEventException("not processed: nested too deeply to process (StackOverflowError)");
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            throw new PoisonEventException("not processed: " + e, e);
        }
    }

    public static void run(Runnable work) {
        process(() -> {
            work.run();
            return null;
        });
    }

    private RecordGuard() {}
}
