package org.vetted.rendering.config;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the rendering service.
 *
 * * @param bylineZone the zone the medical-review byline's date is given in ({@code vetted.rendering.byline-zone},
 *                   env {@code BYLINE_ZONE}); UTC when not set
 */
@ConfigurationProperties("vetted.rendering")
public record RenderingProperties(ZoneId bylineZone) {
    public RenderingProperties {
        if (bylineZone == null) {
            bylineZone = ZoneOffset.UTC;
        }
    }
}
