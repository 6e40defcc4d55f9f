package org.vetted.distribution.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of what an article page tells readers besides the article, and of the sitemap.
 *
 * @param medicalDisclaimer the notice under every article (env {@code MEDICAL_DISCLAIMER}); a sensible one by default
 * @param sitemapPageSize   how many articles each page of the sitemap lists (at most 50,000, the sitemaps.org
 *                          limit; each is verified again when read, so 1,000 by default)
 */
@ConfigurationProperties("vetted.distribution")
public record ArticlePageProperties(String medicalDisclaimer, Integer sitemapPageSize) {
    public static final String DEFAULT_DISCLAIMER = "This article is general information, not medical advice. It does"
            + " not replace advice from a doctor, pharmacist or other qualified health professional who knows your"
            + " situation. In an emergency, call your local emergency number.";
    public static final int MAX_SITEMAP_PAGE_SIZE = 50_000;

    public ArticlePageProperties {
        if (medicalDisclaimer == null || medicalDisclaimer.isBlank()) {
            medicalDisclaimer = DEFAULT_DISCLAIMER;
        }
        if (sitemapPageSize == null || sitemapPageSize < 1) {
            sitemapPageSize = 1_000;
        }
        sitemapPageSize = Math.min(sitemapPageSize, MAX_SITEMAP_PAGE_SIZE);
    }
}
