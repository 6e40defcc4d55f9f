package org.vetted.distribution.config;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the public site.
 *
 * @param displayZone the zone dates are shown in on pages (env {@code DISPLAY_ZONE}); UTC by default
 * @param feedTitle   the JSON Feed's title
 * @param feedSize    how many articles the feed lists at most
 * @param homePageSize how many articles each page of the front page lists
 */
@ConfigurationProperties("vetted.distribution")
public record DistributionProperties(ZoneId displayZone, String feedTitle, Integer feedSize, Integer homePageSize) {
    public DistributionProperties {
        if (displayZone == null) {
            displayZone = ZoneOffset.UTC;
        }
        if (feedTitle == null || feedTitle.isBlank()) {
            feedTitle = "Vetted";
        }
        if (feedSize == null || feedSize < 1) {
            feedSize = 50;
        }
        if (homePageSize == null || homePageSize < 1) {
            homePageSize = 20;
        }
    }
}
