package org.vetted.support.projection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.vetted.contract.PoisonEventException;

class StoreFailuresTest {
    @Test
    void aStoreUnavailableOrDataAccessFailureAnywhereInTheChainIsTheStores() {
        assertThat(StoreFailures.is(new StoreUnavailableException("down", null)))
                .isTrue();
        assertThat(StoreFailures.is(new QueryTimeoutException("slow"))).isTrue();
        assertThat(StoreFailures.is(new ListenerExecutionFailedException(
                        "listener", new IllegalStateException("wrapped", new DataIntegrityViolationException("dup")))))
                .isTrue();
    }

    @Test
    void aRecordsOwnFailureIsNot() {
        assertThat(StoreFailures.is(new PoisonEventException("bad bytes"))).isFalse();
        assertThat(StoreFailures.is(new ListenerExecutionFailedException("listener", new IllegalArgumentException())))
                .isFalse();
        assertThat(StoreFailures.is(null)).isFalse();
    }
}
