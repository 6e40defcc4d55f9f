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
 */
@ConfigurationProperties("vetted.distribution")
public record DistributionProperties(ZoneId displayZone, String feedTitle, Integer feedSize) {
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
    }
}
