package org.vetted.review.app;

/** An event was not committed to Kafka; nothing was changed locally. */
public class PublishFailedException extends RuntimeException {
    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
