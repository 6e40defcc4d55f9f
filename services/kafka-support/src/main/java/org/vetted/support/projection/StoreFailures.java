package org.vetted.support.projection;

import org.springframework.dao.DataAccessException;

/**
 * The one rule for telling a store's failure from a record's: anywhere in the cause chain, a {@link
 * StoreUnavailableException} or a Spring {@link DataAccessException}. Records are decoded, verified and judged
 * before they reach a store, so what the database throws is the database's fault: the record is retried until the
 * store takes it, never dead-lettered, in record mode and in batch mode alike.
 */
public final class StoreFailures {
    private StoreFailures() {}

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StoreUnavailableException || cause instanceof DataAccessException) {
                return true;
            }
        }
        return false;
    }
}
