package org.vetted.rendering.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.owasp.html.Encoding;
import org.vetted.contract.MedicalCredits;

/**
 * The line that tells a reader who medically reviewed the article and when:
 * {@code <p class="medical-review">Medically reviewed by Rita Reyes, MD on November 25, 2026</p>}, or with four eyes
 * {@code Medically reviewed by Paul Park, PharmD and Rita Reyes, MD on …}: every reviewer the approval rests on, the
 * one who signed off first. The date is the approval's, in the configured zone; every name is HTML-escaped.
 */
public final class MedicalReviewByline {
    private final DateTimeFormatter dateFormat;

    public MedicalReviewByline(ZoneId zone) {
        this.dateFormat = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US).withZone(zone);
    }

    public String of(SignOff signOff) {
        List<String> names = new ArrayList<>();
        names.add(credited(signOff.reviewer()));
        signOff.alsoReviewedBy().forEach(reviewer -> names.add(credited(reviewer)));
        StringBuilder html = new StringBuilder("<p class=\"medical-review\">Medically reviewed by ");
        escapeOnto(MedicalCredits.list(names), html);
        html.append(" on ").append(dateFormat.format(signOff.approvedAt())).append("</p>");
        return html.toString();
    }

    private static String credited(SignOff.Reviewer reviewer) {
        return MedicalCredits.nameWithCredential(reviewer.displayName(), reviewer.credential());
    }

    private static void escapeOnto(String text, StringBuilder html) {
        try {
            Encoding.encodeRcdataOnto(text, html);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not throw", e);
        }
    }
}
