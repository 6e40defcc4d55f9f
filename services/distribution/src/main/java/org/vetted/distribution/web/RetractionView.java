package org.vetted.distribution.web;

import java.time.ZoneId;
import org.vetted.distribution.domain.WithdrawnArticle;

/** The retraction notice on an article page: why, who decided and when. Every field is escaped by the template. */
record RetractionView(String reason, String decidedBy, String decidedOn, String decidedAtIso) {
    static RetractionView of(WithdrawnArticle withdrawal, ZoneId zone) {
        String credential = withdrawal.decidedBy().credential();
        return new RetractionView(
                withdrawal.reason(),
                withdrawal.decidedBy().displayName()
                        + (credential == null || credential.isBlank() ? "" : ", " + credential),
                ArticleView.DAY.withZone(zone).format(withdrawal.decidedAt()),
                withdrawal.decidedAt().toString());
    }
}
