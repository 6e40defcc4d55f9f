package org.vetted.intake.domain.drafts;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two fields a revision may carry besides its text: a correction note ({@code correction}, what a revision of a
 * published article changes and why) and an embargo ({@code publishAt}, when it may go public). Both are part of what
 * the reviewer approves, so both are judged here, at the door, in the one normal form every text is in.
 */
public final class LifecycleFields {
    public static final int CORRECTION_MAX = 1_000;
    /** Further ahead than this is a typo (a year for a month) more likely than a plan. */
    public static final Duration PUBLISH_AT_MAX_AHEAD = Duration.ofDays(366);

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Z}]+", Pattern.UNICODE_CHARACTER_CLASS);

    private LifecycleFields() {}

    /**
     * The note in normal form (invisible characters out, look-alike words refused, whitespace collapsed to single
     * spaces), or null when none was given. Judged again here although a front-matter note was in the normalised
     * text: YAML escapes ({@code "\u200B"}) and the form's field bring characters in after that.
     */
    static String correction(String given, List<FieldError> errors) {
        if (given == null) {
            return null;
        }
        Optional<FieldError> control = InputLimits.noControlCharacters(given);
        if (control.isPresent()) {
            errors.add(
                    new FieldError("correction", "contains a control character; only tab and line breaks are allowed"));
            return null;
        }
        NormalForm.Result normal = NormalForm.of(given, "correction");
        if (normal.refused()) {
            errors.add(normal.error().get());
            return null;
        }
        String note = WHITESPACE
                .matcher(Text.normalise(normal.text()))
                .replaceAll(" ")
                .strip();
        if (note.isEmpty()) {
            errors.add(new FieldError(
                    "correction",
                    "must not be blank: say what the correction changes and why (spaces and invisible "
                            + "characters do not count)"));
            return null;
        }
        if (Text.length(note) > CORRECTION_MAX) {
            errors.add(new FieldError("correction", "must be at most " + CORRECTION_MAX + " characters"));
            return null;
        }
        return note;
    }

    /**
     * The embargo as an instant (to the millisecond, as the event carries it), or null when none was given: an
     * ISO-8601 date and time with an offset, after {@code now} and at most {@link #PUBLISH_AT_MAX_AHEAD} ahead.
     */
    static Instant publishAt(String given, Instant now, List<FieldError> errors) {
        if (given == null || given.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(given.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()
                    .truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(
                    "publishAt",
                    "must be an ISO-8601 date and time with an offset, such as 2027-03-01T09:00:00+01:00"));
            return null;
        }
        if (!at.isAfter(now)) {
            errors.add(new FieldError("publishAt", "must be in the future (it is " + now + " now)"));
            return null;
        }
        if (at.isAfter(now.plus(PUBLISH_AT_MAX_AHEAD))) {
            errors.add(new FieldError("publishAt", "must be at most " + PUBLISH_AT_MAX_AHEAD.toDays() + " days ahead"));
            return null;
        }
        return at;
    }
}
