package org.vetted.distribution.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeLinkTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://doi.org/10.1000/xyz",
                "http://example.org/a?b=c&d=e",
                "HTTPS://pubmed.ncbi.nlm.nih.gov/12345/"
            })
    void httpAndHttpsUrlsWithAHostAreLinks(String url) {
        assertThat(SafeLink.of(url)).contains(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "javascript:alert(1)",
                "JaVaScRiPt:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "vbscript:x",
                "//evil.example/",
                "/relative",
                "https://trusted.org@evil.example/",
                "https:///no-host",
                "https://example.org/ space",
                "https://example.org/\u202Egnp.exe",
                "https://example.org/\u0000",
                "ftp://example.org/",
                ""
            })
    void anythingElseIsText(String url) {
        assertThat(SafeLink.of(url)).isEmpty();
    }
}
