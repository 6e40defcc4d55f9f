package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordGuardTest {

    @Test
    void aStackOverflowBecomesAPoisonEventSoTheRecordIsDeadLettered() {
        assertThatThrownBy(() -> RecordGuard.process(() -> descend(0)))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("StackOverflowError")
                .hasNoCause();
    }

    @Test
    void otherErrorsBecomePoisonEventsWithTheirCause() {
        assertThatThrownBy(() -> RecordGuard.run(() -> {
                    throw new NoClassDefFoundError("org/example/Missing");
                }))
                .isInstanceOf(PoisonEventException.class)
                .hasCauseInstanceOf(NoClassDefFoundError.class);
    }

    @Test
    void theVirtualMachineFailingIsNotTakenForABadRecord() {
        assertThatThrownBy(() -> RecordGuard.run(() -> {
                    throw new OutOfMemoryError("heap");
                }))
                .isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void exceptionsAndResultsPassThrough() {
        assertThat(RecordGuard.process(() -> "rendered")).isEqualTo("rendered");
        assertThatThrownBy(() -> RecordGuard.run(() -> {
                    throw new IllegalStateException("retry me");
                }))
                .isInstanceOf(IllegalStateException.class);
    }

    private static int descend(int depth) {
        return descend(depth + 1) + 1;
    }
}
