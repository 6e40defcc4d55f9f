package org.vetted.distribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicSiteTest {

    @Test
    void trailingSlashOfTheBaseUrlIsDroppedOnce() {
        PublicSite site = new PublicSite("https://vetted.example/");

        assertThat(site.baseUrl()).isEqualTo("https://vetted.example");
        assertThat(site.homePageUrl()).isEqualTo("https://vetted.example/");
        assertThat(site.feedUrl()).isEqualTo("https://vetted.example/feed.json");
        assertThat(site.articleUrl("walking")).isEqualTo("https://vetted.example/articles/walking");
    }

    @Test
    void baseUrlWithoutTrailingSlashIsKept() {
        assertThat(new PublicSite("https://vetted.example/health").articleUrl("walking"))
                .isEqualTo("https://vetted.example/health/articles/walking");
    }

    @Test
    void slugIsOnePercentEncodedPathSegment() {
        assertThat(new PublicSite("https://vetted.example").articleUrl("caf\u00e9 au lait/x?y#z"))
                .isEqualTo("https://vetted.example/articles/caf%C3%A9%20au%20lait%2Fx%3Fy%23z");
    }
}
