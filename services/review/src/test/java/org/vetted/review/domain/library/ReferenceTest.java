package org.vetted.review.domain.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            https://example.org/knee-trial              | URL  | https://example.org/knee-trial
            http://www.nice.org.uk/guidance/ng226?x=1#a | URL  | http://www.nice.org.uk/guidance/ng226?x=1#a
            HTTPS://Example.org/A                       | URL  | HTTPS://Example.org/A
            10.1000/xyz123                              | DOI  | doi:10.1000/xyz123
            doi:10.1056/NEJMoa2034577                   | DOI  | doi:10.1056/NEJMoa2034577
            DOI: 10.1000/xyz                            | DOI  | doi:10.1000/xyz
            https://doi.org/10.1136/bmj.m3862           | DOI  | doi:10.1136/bmj.m3862
            http://dx.doi.org/10.1000/abc               | DOI  | doi:10.1000/abc
            PMID: 12345678                              | PMID | PMID:12345678
            pmid 123                                    | PMID | PMID:123
            PMID:00042                                  | PMID | PMID:42
            '  doi:10.1000/padded  '                    | DOI  | doi:10.1000/padded
            """)
    void wellFormedReferencesAreReadInTheirOneForm(String text, Reference.Kind kind, String value) {
        Reference reference = Reference.parse(text);
        assertThat(reference.kind()).isEqualTo(kind);
        assertThat(reference.value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "the NICE guideline",
                "javascript:alert(1)",
                "ftp://example.org/x",
                "https://",
                "https:///path",
                "example.org/x",
                "doi:11.1000/x",
                "doi:10.12/x",
                "10.1000/",
                "https://doi.org/not-a-doi",
                "PMID: 123456789",
                "pmid",
                "https://exa mple.org",
                "https://example.org/\u0000x",
                "https://example.org/\u202Egnp.exe",
                "https://trusted.org@evil.example/",
                "doi:10.1000/a b",
                "http://[::1",
                "doi:",
                "https://doi.org/",
                "   "
            })
    void anythingElseIsRefusedWithAReason(String text) {
        assertThatThrownBy(() -> Reference.parse(text))
                .isInstanceOf(Reference.Invalid.class)
                .hasMessageNotContaining("Exception")
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(ints = {501, 100_000})
    void aReferenceLongerThan500CharactersIsRefused(int length) {
        String text = "https://example.org/" + "a".repeat(length);
        assertThatThrownBy(() -> Reference.parse(text)).hasMessageContaining("longer than 500");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void blankIsNoReference(String text) {
        assertThat(Reference.parseOptional(text)).isEmpty();
        assertThat(Reference.parseOptional(null)).isEmpty();
        assertThat(Reference.isWellFormed(text)).isFalse();
    }
}
