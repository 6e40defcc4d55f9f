package org.vetted.review.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import org.vetted.review.app.QueueOrder;
import org.vetted.review.app.QueuePosition;
import org.vetted.review.app.QueueQuery;

/**
 * The review queue's request parameters, read the same for the API and the page: {@code limit}, {@code cursor},
 * {@code sort} (oldest, newest, risk), {@code author}, {@code tag}, {@code needsSecondReviewer}, {@code mine} and
 * {@code q} (words in the title). A value that is none of its kind is an {@link InvalidFieldException} naming the
 * parameter. A cursor is opaque to clients: a position and the order it belongs to, in URL-safe Base64.
 */
public record QueueParameters(
        String limit,
        String cursor,
        String sort,
        String author,
        String tag,
        String needsSecondReviewer,
        String mine,
        String q) {
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;
    static final int MAX_TEXT = 200;
    private static final String CURSOR_VERSION = "q1";

    /** The query these ask for, {@code username} being who "mine" means. */
    public QueueQuery query(String username) {
        QueueOrder order = order(sort);
        Cursor at = cursor == null || cursor.isBlank() ? null : decode(cursor, order);
        return new QueueQuery(
                order,
                text("author", author),
                text("tag", tag),
                flag("needsSecondReviewer", needsSecondReviewer),
                flag("mine", mine) ? username : null,
                text("q", q),
                at == null ? null : at.position(),
                at != null && at.backwards(),
                limit(limit));
    }

    /** The opaque cursor of the page after ({@code backwards} false) or before a position in this order. */
    public static String cursor(QueueOrder order, QueuePosition position, boolean backwards) {
        if (position == null) {
            return null;
        }
        String raw = String.join(
                "|",
                CURSOR_VERSION,
                order.name(),
                backwards ? "b" : "f",
                Boolean.toString(position.waitsForSecondReviewer()),
                Integer.toString(position.highRiskOpen()),
                position.submittedAt().toString(),
                position.articleId());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The order asked for: oldest when none is. */
    public QueueOrder order() {
        return order(sort);
    }

    private record Cursor(QueuePosition position, boolean backwards) {}

    private static Cursor decode(String cursor, QueueOrder order) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|", 7);
        } catch (IllegalArgumentException e) {
            throw notACursor();
        }
        if (parts.length != 7
                || !CURSOR_VERSION.equals(parts[0])
                || !("f".equals(parts[2]) || "b".equals(parts[2]))
                || !("true".equals(parts[3]) || "false".equals(parts[3]))
                || parts[6].isEmpty()) {
            throw notACursor();
        }
        if (!order.name().equals(parts[1])) {
            throw new InvalidFieldException(
                    "cursor", "belongs to another sort order: start again without it", "Invalid query parameter");
        }
        try {
            return new Cursor(
                    new QueuePosition(
                            Boolean.parseBoolean(parts[3]),
                            Integer.parseInt(parts[4]),
                            Instant.parse(parts[5]),
                            parts[6]),
                    "b".equals(parts[2]));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw notACursor();
        }
    }

    private static InvalidFieldException notACursor() {
        return new InvalidFieldException(
                "cursor",
                "not a cursor of this queue: use the next or previous one an "
                        + "answer gave, or start again without it",
                "Invalid query parameter");
    }

    private static QueueOrder order(String sort) {
        if (sort == null || sort.isBlank()) {
            return QueueOrder.OLDEST;
        }
        try {
            return QueueOrder.valueOf(sort.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("sort", "must be oldest, newest or risk", "Invalid query parameter");
        }
    }

    private static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Answered below, as any value out of range.
        }
        throw new InvalidFieldException(
                "limit", "must be a whole number from 1 to " + MAX_LIMIT, "Invalid query parameter");
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank() || "false".equalsIgnoreCase(value.strip())) {
            return false;
        }
        if ("true".equalsIgnoreCase(value.strip())) {
            return true;
        }
        throw new InvalidFieldException(name, "must be true or false", "Invalid query parameter");
    }

    private static String text(String name, String value) {
        if (value != null && value.strip().length() > MAX_TEXT) {
            throw new InvalidFieldException(name, "at most " + MAX_TEXT + " characters", "Invalid query parameter");
        }
        return value;
    }
}
