package org.vetted.distribution.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.distribution.Replay;
import org.vetted.distribution.app.InMemoryPageStore;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.config.ArticlePageProperties;
import org.vetted.distribution.config.DistributionProperties;
import org.vetted.distribution.domain.PublicSite;
import org.vetted.support.projection.SharedProjection;

@WebMvcTest(controllers = {ArticlePageController.class, ArticleApiController.class, FeedController.class})
@Import(ReplayGateTest.Site.class)
class ReplayGateTest {

    @TestConfiguration
    @EnableConfigurationProperties({DistributionProperties.class, ArticlePageProperties.class})
    static class Site {
        @Bean
        PageStore pageStore() {
            return new InMemoryPageStore();
        }

        @Bean
        PublicSite publicSite() {
            return new PublicSite("https://vetted.example");
        }

        @Bean
        SharedProjection pagesProjection() {
            return Replay.projectionOnItsOwnDatabase();
        }

        @Bean
        Signatures signatures() {
            return DemoKeys.signaturesOf(Issuer.DISTRIBUTION);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SharedProjection projection;

    @Test
    void pagesFeedAndApiAnswer503UntilTheReplayIsOverThenServe() throws Exception {
        Map<String, List<MediaType>> acceptedBy = Map.of(
                "/articles/walking", List.of(MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, MediaType.ALL),
                "/feed.json", List.of(MediaType.valueOf("application/feed+json"), MediaType.ALL),
                "/api/articles/walking", List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
        for (Map.Entry<String, List<MediaType>> path : acceptedBy.entrySet()) {
            for (MediaType accept : path.getValue()) {
                mvc.perform(get(path.getKey()).accept(accept))
                        .andExpect(status().isServiceUnavailable())
                        .andExpect(header().string("Retry-After", "2"))
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.status").value(503))
                        .andExpect(jsonPath("$.title").value("Starting up: replaying article history"));
            }
        }

        Replay.markCaughtUp(projection);

        mvc.perform(get("/articles/walking").accept(MediaType.TEXT_HTML)).andExpect(status().isNotFound());
        mvc.perform(get("/api/articles/walking")).andExpect(status().isNotFound());
        mvc.perform(get("/feed.json")).andExpect(status().isOk());
    }
}
