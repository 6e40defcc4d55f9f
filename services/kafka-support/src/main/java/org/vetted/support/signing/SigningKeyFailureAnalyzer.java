package org.vetted.support.signing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing or refused signing keys into a short startup report that says what to set, not a stack trace. */
public class SigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyMissingException> {
    private static final String KEYGEN = "`java -jar stack/target/stack.jar keygen <service>` makes one";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyMissingException cause) {
        if (cause instanceof DemoKeysRefusedException) {
            return new FailureAnalysis(
                    "The service refuses to sign with the demo keys: " + cause.getMessage()
                            + ". Their private keys ship with the contract, so anyone could forge this service's events.",
                    "Remove vetted.signing.demo-keys (env VETTED_SIGNING_DEMO_KEYS) and give the service its own "
                            + "Ed25519 key in VETTED_SIGNING_KEY and every service's public keys in "
                            + "VETTED_SIGNING_TRUSTED_* (" + KEYGEN + "); or, on a laptop, run with the 'local' "
                            + "profile.",
                    cause);
        }
        return new FailureAnalysis(
                "The service cannot sign or verify events: " + cause.getMessage() + ".",
                "Give the service its own Ed25519 key (an OKP JWK with d and kid; " + KEYGEN + ") and every "
                        + "service's public keys, or run with the 'local' profile for the demo keys.",
                cause);
    }
}
