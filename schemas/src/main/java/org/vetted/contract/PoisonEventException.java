package org.vetted.contract;

/**
 * An event that can never be processed, however often it is retried (for example an approval whose text
 * does not hash to the approved hash). Consumers throw it; the record goes to the dead-letter topic at once
 * with this message as the cause.
 */
public class PoisonEventException extends RuntimeException {
    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
