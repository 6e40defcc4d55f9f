package org.vetted.review.app;

/** A claim was to be accepted from the claims library, but the library offers nothing for its exact text. */
public class NoLibraryMatchException extends RuntimeException {
    public NoLibraryMatchException(String claimId) {
        super("the claims library offers no current entry for the exact text of claim " + claimId);
    }
}
