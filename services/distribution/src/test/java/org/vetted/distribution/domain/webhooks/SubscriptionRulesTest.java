package org.vetted.distribution.domain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionRulesTest {
    final SubscriptionRules rules = new SubscriptionRules(false);
    static final List<String> EVENTS = List.of("article.published");

    @Test
    void anHttpsUrlAndKnownEventsPass() {
        SubscriptionRules.Checked checked =
                rules.check("https://hooks.example.org/vetted?x=1", List.of("article.published", "article.retracted"));
        assertThat(checked.problems()).isEmpty();
        assertThat(checked.events()).containsExactly(EventType.ARTICLE_PUBLISHED, EventType.ARTICLE_RETRACTED);
        assertThat(rules.check("https://[2606:2800:21f::1]:8443/h", EVENTS).valid())
                .isTrue();
        assertThat(rules.check("https://93.184.215.14/h", EVENTS).valid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "hooks.example.org/x",
                "/relative",
                "ftp://example.org/x",
                "http://example.org/x",
                "https://user:pass@example.org/x",
                "https://example.org/x#frag",
                "https:///x",
                "https://exa mple.org/",
                "https://exämple.org/",
                "https://example.org/\u200b",
                "https://2130706433/",
                "https://0x7f000001/",
                "https://0177.0.0.1/",
                "https://127.1/",
                "https://017700000001/",
                "https://127.0.0.01/",
                "https://under_score.example/"
            })
    void badUrlsAreRefusedNamingTheUrl(String url) {
        SubscriptionRules.Checked checked = rules.check(url, EVENTS);
        assertThat(checked.problems()).extracting(FieldProblem::field).containsExactly("url");
    }

    @Test
    void httpOnlyWhenAllowed() {
        assertThat(new SubscriptionRules(true)
                        .check("http://localhost:9000/h", EVENTS)
                        .valid())
                .isTrue();
        assertThat(rules.check("http://localhost:9000/h", EVENTS).problems())
                .extracting(FieldProblem::reason)
                .containsExactly("must use https");
    }

    @Test
    void urlsAreBounded() {
        String longUrl = "https://example.org/" + "a".repeat(SubscriptionRules.MAX_URL_LENGTH);
        assertThat(rules.check(longUrl, EVENTS).problems())
                .extracting(FieldProblem::field)
                .containsExactly("url");
    }

    @Test
    void eventsMustBeKnownPresentAndFew() {
        assertThat(rules.check("https://example.org/h", List.of()).problems())
                .extracting(FieldProblem::field)
                .containsExactly("events");
        assertThat(rules.check("https://example.org/h", null).problems())
                .extracting(FieldProblem::field)
                .containsExactly("events");
        assertThat(rules.check("https://example.org/h", List.of("article.deleted"))
                        .problems())
                .extracting(FieldProblem::reason)
                .singleElement()
                .asString()
                .contains("article.deleted", "article.published");
        assertThat(rules.check("https://example.org/h", List.of("Article.Published", "article.published\u200b"))
                        .problems())
                .hasSize(2);
        assertThat(rules.check(
                                "https://example.org/h",
                                java.util.Collections.nCopies(SubscriptionRules.MAX_EVENTS + 1, "article.published"))
                        .problems())
                .extracting(FieldProblem::field)
                .containsExactly("events");
    }

    @Test
    void bothFieldsAreNamedWhenBothAreWrong() {
        assertThat(rules.check("ftp://x", List.of("nope")).problems())
                .extracting(FieldProblem::field)
                .containsExactly("url", "events");
    }
}
