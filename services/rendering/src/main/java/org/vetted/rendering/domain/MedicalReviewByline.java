package org.vetted.rendering.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.owasp.html.Encoding;

/**
 * The line that tells a reader who medically reviewed the article and when:
 * {@code <p class="medical-review">Medically reviewed by Rita Reyes, MD on November 25, 2026</p>}.
 * The date is the approval's, in the configured zone; every name is HTML-escaped.
 */
public final class MedicalReviewByline {
    private final DateTimeFormatter dateFormat;

    public MedicalReviewByline(ZoneId zone) {
        this.dateFormat = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US).withZone(zone);
    }

    public String of(SignOff signOff) {
        StringBuilder html = new StringBuilder("<p class=\"medical-review\">Medically reviewed by ");
        escapeOnto(signOff.reviewer().displayName().strip(), html);
        html.append(", ");
        escapeOnto(signOff.reviewer().credential().strip(), html);
        html.append(" on ").append(dateFormat.format(signOff.approvedAt())).append("</p>");
        return html.toString();
    }

    private static void escapeOnto(String text, StringBuilder html) {
        try {
            Encoding.encodeRcdataOnto(text, html);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not throw", e);
        }
    }
}
