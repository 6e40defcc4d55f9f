package org.vetted.distribution.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or short seal key into a startup report that says what to set. */
public class SealKeyFailureAnalyzer extends AbstractFailureAnalyzer<SealKeyMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SealKeyMissingException cause) {
        return new FailureAnalysis(
                "Distribution cannot verify the approval and rendering seals: " + cause.getMessage() + ".",
                "Set VETTED_SEAL_KEY (property vetted.seal.key) to the key shared by review, rendering and "
                        + "distribution, at least 32 bytes; or run with the profile 'local' for the demo key.",
                cause);
    }
}
