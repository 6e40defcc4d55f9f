package org.vetted.distribution.web;

import java.time.ZoneId;
import java.util.List;
import org.vetted.distribution.app.PageStore;

/** A correction as the article page lists it: the note (escaped by the template), the day, the instant. */
record CorrectionView(String note, String correctedOn, String correctedAtIso, int revision) {
    /** The page's corrections, latest first: readers look for the newest one. */
    static List<CorrectionView> all(PageStore.Page page, ZoneId zone) {
        List<CorrectionView> oldestFirst = page.corrections().stream()
                .map(correction -> new CorrectionView(
                        correction.note(),
                        ArticleView.DAY.withZone(zone).format(correction.correctedAt()),
                        correction.correctedAt().toString(),
                        correction.revision()))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
        java.util.Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }
}
