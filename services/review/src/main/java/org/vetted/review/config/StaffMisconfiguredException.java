package org.vetted.review.config;

/** The service cannot start with the staff it was given. */
public class StaffMisconfiguredException extends RuntimeException {
    public StaffMisconfiguredException(String message) {
        super(message);
    }
}
