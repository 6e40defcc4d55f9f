package org.vetted.support.projection;

/**
 * The projection's database could not take a record (unreachable, a lost connection, a conflicting write of
 * another instance). Not the record's fault: the consumer retries it without limit instead of dead-lettering it,
 * since a dead-lettered published article would be missing from the projection for good.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
