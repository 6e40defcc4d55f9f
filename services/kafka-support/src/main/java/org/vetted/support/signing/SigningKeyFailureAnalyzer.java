package org.vetted.support.signing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing signing keys into a short startup report that says what to set, instead of a stack trace. */
public class SigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyMissingException cause) {
        return new FailureAnalysis("The service cannot sign or verify events: " + cause.getMessage() + ".",
                "Give the service its own Ed25519 key (an OKP JWK with d and kid; `java -jar stack/target/stack.jar "
                        + "keygen <service>` makes one) and every service's public keys, or run with the 'local' "
                        + "profile for the demo keys.",
                cause);
    }
}
