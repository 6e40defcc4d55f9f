package org.vetted.contract.spring;

/** The seal key ({@code vetted.seal.key}) is not set or is too short; the service must not start without it. */
public class SealKeyMissingException extends IllegalStateException {
    public SealKeyMissingException(String reason) {
        super(reason);
    }
}
