package org.vetted.review.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a startup refusal as a short explanation and what to do, instead of a stack trace. */
public class StaffMisconfiguredFailureAnalyzer extends AbstractFailureAnalyzer<StaffMisconfiguredException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StaffMisconfiguredException cause) {
        return new FailureAnalysis(
                "review refuses to start: " + cause.getMessage(),
                "Configure vetted.security.users (username, password, display-name, roles, and a credential for "
                        + "every MEDICAL_REVIEWER), or set spring.security.oauth2.resourceserver.jwt.issuer-uri (or "
                        + "jwk-set-uri) to accept bearer tokens, or run with the 'local' profile for the demo "
                        + "accounts.",
                cause);
    }
}
