package org.vetted.review.app;

/** No claims library entry has this key. */
public class UnknownLibraryEntryException extends RuntimeException {
    public UnknownLibraryEntryException(String key) {
        super("no claims library entry " + key);
    }
}
