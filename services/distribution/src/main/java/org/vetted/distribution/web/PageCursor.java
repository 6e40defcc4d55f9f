package org.vetted.distribution.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.vetted.distribution.app.PageStore;

/**
 * The front page's cursor: a position in the newest-first order, written opaquely (base64url of the publication time
 * in milliseconds and the article id) so links carry no meaning a reader might rely on. Any well-formed cursor is a
 * valid position; a malformed one is refused naming why.
 */
final class PageCursor {
    static final int MAX_LENGTH = 400;
    private static final int MAX_ARTICLE_ID = 200;
    /** Later than any publication, and within what the database's timestamps hold. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    static String encode(PageStore.Position position) {
        String plain = position.publishedAt().toEpochMilli() + "~" + position.articleId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidCursorException naming the parameter and the reason */
    static PageStore.Position decode(String parameter, String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH || !cursor.matches("[A-Za-z0-9_-]+")) {
            throw new InvalidCursorException(parameter, "not a cursor of this site");
        }
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursorException(parameter, "not a cursor of this site");
        }
        int tilde = plain.indexOf('~');
        if (tilde < 1 || tilde > 19) {
            throw new InvalidCursorException(parameter, "not a cursor of this site");
        }
        String articleId = plain.substring(tilde + 1);
        if (articleId.isEmpty()
                || articleId.length() > MAX_ARTICLE_ID
                || articleId.chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
            throw new InvalidCursorException(parameter, "not a cursor of this site");
        }
        try {
            long millis = Long.parseLong(plain.substring(0, tilde));
            if (millis < 0 || millis > LATEST.toEpochMilli()) {
                throw new InvalidCursorException(parameter, "not a cursor of this site");
            }
            return new PageStore.Position(Instant.ofEpochMilli(millis), articleId);
        } catch (NumberFormatException | java.time.DateTimeException notATime) {
            throw new InvalidCursorException(parameter, "not a cursor of this site");
        }
    }

    private PageCursor() {}
}
