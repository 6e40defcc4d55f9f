package org.vetted.review.config;

/** The service cannot seal approvals with the key it was given (none, or too short). */
public class SealKeyMisconfiguredException extends RuntimeException {
    public SealKeyMisconfiguredException(String message) {
        super(message);
    }
}
