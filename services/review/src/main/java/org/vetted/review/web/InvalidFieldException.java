package org.vetted.review.web;

/** A request field that passed bean validation but is refused on reading (a reference that is none by form). */
class InvalidFieldException extends RuntimeException {
    private final String field;

    InvalidFieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    String field() {
        return field;
    }
}
