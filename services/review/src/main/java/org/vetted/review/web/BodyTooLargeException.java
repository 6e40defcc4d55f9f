package org.vetted.review.web;

/** A request body over the size limit. */
class BodyTooLargeException extends RuntimeException {
    private final long limit;

    BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }
}
