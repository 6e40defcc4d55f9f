package org.vetted.review.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.vetted.review.domain.rereview.ReReviewSchedule;

/**
 * The {@code reviewBy} field of a sign-off (API body and page form): a day, {@code yyyy-mm-dd}, when the approval's
 * medical review expires, instead of the default interval. Checked by {@link ReReviewSchedule#check}.
 */
public final class ReviewByField {
    public static final String FIELD = "reviewBy";
    /** Longer than any date: refused before parsing. */
    static final int MAX_LENGTH = 10;

    private ReviewByField() {}

    /**
     * @return empty when the field is absent or blank
     * @throws InvalidFieldException naming {@code reviewBy} when it is no date, in the past or too far ahead
     */
    public static Optional<Instant> read(String raw, ReReviewSchedule schedule, Instant now) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        LocalDate day;
        try {
            if (text.length() != MAX_LENGTH) {
                throw new DateTimeParseException("not yyyy-mm-dd", text, 0);
            }
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(FIELD, "must be a date, yyyy-mm-dd");
        }
        ReReviewSchedule.Check check = schedule.check(day, now);
        if (check instanceof ReReviewSchedule.Refused refused) {
            throw new InvalidFieldException(FIELD, refused.reason());
        }
        return Optional.of(((ReReviewSchedule.Accepted) check).reviewBy());
    }
}
