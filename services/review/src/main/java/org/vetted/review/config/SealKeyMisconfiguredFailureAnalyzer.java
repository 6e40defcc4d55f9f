package org.vetted.review.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a missing or short seal key as a short explanation and what to do, instead of a stack trace. */
public class SealKeyMisconfiguredFailureAnalyzer extends AbstractFailureAnalyzer<SealKeyMisconfiguredException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SealKeyMisconfiguredException cause) {
        return new FailureAnalysis("review refuses to start: " + cause.getMessage(),
                "Set VETTED_SEAL_KEY (property vetted.seal.key) to the secret of at least 32 bytes that review, "
                        + "rendering and distribution share, or run with the 'local' profile for the demo key.",
                cause);
    }
}
