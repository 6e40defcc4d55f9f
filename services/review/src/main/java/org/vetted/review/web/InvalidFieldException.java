package org.vetted.review.web;

/**
 * A request field that passed bean validation but is refused on reading (a reference that is none by form), or a query
 * parameter that is none of its kind.
 */
public class InvalidFieldException extends RuntimeException {
    private final String field;
    private final String title;

    InvalidFieldException(String field, String reason) {
        this(field, reason, "Invalid decision");
    }

    /** @param field a body field or a query parameter */
    InvalidFieldException(String field, String reason, String title) {
        super(reason);
        this.field = field;
        this.title = title;
    }

    public String field() {
        return field;
    }

    public String title() {
        return title;
    }
}
