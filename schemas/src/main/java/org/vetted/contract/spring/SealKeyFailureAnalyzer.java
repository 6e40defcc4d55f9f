package org.vetted.contract.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or short seal key into a short startup report that says what to set, instead of a stack trace. */
public class SealKeyFailureAnalyzer extends AbstractFailureAnalyzer<SealKeyMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SealKeyMissingException cause) {
        return new FailureAnalysis("The service cannot seal or verify approvals: " + cause.getMessage() + ".",
                "Set VETTED_SEAL_KEY (property vetted.seal.key) to the secret of at least 32 bytes that review, "
                        + "rendering and distribution share, or run with the 'local' profile for the demo key.",
                cause);
    }
}
