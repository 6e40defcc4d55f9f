package org.vetted.distribution.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.vetted.distribution.app.InMemoryPageStore;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Articles;
import org.vetted.distribution.domain.ReReviewKind;

/**
 * Pages whose medical review is due or overdue, under each overdue policy: "walking" is due, "sleep" expired, "zinc"
 * expired and was then reviewed again (a later approval published), "tea" has no notice.
 */
class ReReviewPagesWebTest {
    static final Instant MONDAY = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant LATER = Instant.parse("2027-11-26T10:00:00Z");

    @TestConfiguration
    static class Pages {
        @Bean
        PageStore pageStore() {
            PageStore pages = new InMemoryPageStore();
            pages.apply(Articles.published("a1", 1, "walking", "Walking", MONDAY));
            pages.apply(Articles.published("a2", 1, "sleep", "Sleep", MONDAY.plusSeconds(60)));
            pages.apply(Articles.published("a3", 1, "zinc", "Zinc", MONDAY.plusSeconds(120)));
            pages.apply(Articles.published("a4", 1, "tea", "Tea", MONDAY.plusSeconds(180)));
            pages.apply(Articles.reReview("a1", ReReviewKind.DUE, "walking", LATER));
            pages.apply(Articles.reReview("a2", ReReviewKind.DUE, "sleep", LATER));
            pages.apply(Articles.reReview("a2", ReReviewKind.EXPIRED, "sleep", LATER.plusSeconds(60)));
            pages.apply(Articles.reReview("a3", ReReviewKind.EXPIRED, "zinc", LATER));
            var zinc = Articles.published("a3", 1, "zinc", "Zinc", LATER.plusSeconds(600));
            pages.apply(zinc.toBuilder()
                    .eventId(zinc.eventId() + "-again")
                    .medicallyReviewedAt(LATER.plusSeconds(300))
                    .build());
            return pages;
        }
    }

    @Nested
    @WebMvcTest(
            controllers = {
                ArticlePageController.class,
                ArticleApiController.class,
                SitemapController.class,
                FeedController.class,
                AtomFeedController.class,
                HomePageController.class
            })
    @Import({SignedPagesWebFixture.SigningSite.class, Pages.class})
    class Keep extends SignedPagesWebFixture {
        @Test
        void anOverduePageKeepsItsLastReviewDateSaysTheReviewIsOverdueAndStaysIndexed() throws Exception {
            mvc.perform(get("/articles/sleep"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Medical review overdue")))
                    .andExpect(content().string(containsString("the medical review expired")))
                    .andExpect(content().string(containsString("Last reviewed")))
                    .andExpect(content().string(not(containsString("noindex"))));
            mvc.perform(get("/sitemaps/articles-1.xml")).andExpect(content().string(containsString("/articles/sleep")));
            mvc.perform(get("/api/articles/sleep")).andExpect(status().isOk());
        }

        @Test
        void theSignedArticleJsonAndTheJsonLdSayWhenTheReviewIsOverdueOrDueAndNothingOnceReviewedAgain()
                throws Exception {
            String sleep = mvc.perform(get("/api/articles/sleep"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.reReview.status").value("overdue"))
                    .andExpect(jsonPath("$.reReview.reviewBy").exists())
                    .andExpect(jsonPath("$.reReview.lastReviewedAt").exists())
                    .andExpect(jsonPath("$.corrections").isArray())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            // The notice is signed with the rest: a site can trust it as it trusts the article.
            org.assertj.core.api.Assertions.assertThat(verifiedPayload(sleep).toJSONObject())
                    .extractingByKey("reReview")
                    .asString()
                    .contains("status=overdue");
            mvc.perform(get("/api/articles/walking"))
                    .andExpect(jsonPath("$.reReview.status").value("due"));
            mvc.perform(get("/api/articles/zinc"))
                    .andExpect(jsonPath("$.reReview").doesNotExist());

            mvc.perform(get("/articles/sleep"))
                    .andExpect(content().string(containsString("\"creativeWorkStatus\":\"MedicalReviewOverdue\"")))
                    .andExpect(content().string(containsString("\"lastReviewed\"")));
            mvc.perform(get("/articles/walking"))
                    .andExpect(content().string(not(containsString("MedicalReviewOverdue"))));
            mvc.perform(get("/articles/zinc")).andExpect(content().string(not(containsString("MedicalReviewOverdue"))));
        }

        @Test
        void aDuePageSaysWhenAndAPageReviewedAgainOrNeverNoticedSaysNothing() throws Exception {
            mvc.perform(get("/articles/walking"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Medical review due")))
                    .andExpect(content().string(not(containsString("Medical review overdue"))));
            mvc.perform(get("/articles/zinc"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("re-review-notice\""))))
                    .andExpect(content().string(not(containsString("Medical review"))));
            mvc.perform(get("/articles/tea")).andExpect(content().string(not(containsString("Medical review"))));
        }
    }

    @Nested
    @WebMvcTest(
            controllers = {
                ArticlePageController.class,
                ArticleApiController.class,
                SitemapController.class,
                FeedController.class,
                AtomFeedController.class,
                HomePageController.class
            },
            properties = "vetted.distribution.overdue-policy=noindex")
    @Import({SignedPagesWebFixture.SigningSite.class, Pages.class})
    class Noindex extends SignedPagesWebFixture {
        @Test
        void anOverduePageIsNoindexAndOutOfTheSitemapWhileTheOthersStay() throws Exception {
            mvc.perform(get("/articles/sleep"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("<meta name=\"robots\" content=\"noindex\">")))
                    .andExpect(content().string(containsString("Medical review overdue")));
            mvc.perform(get("/articles/zinc")).andExpect(content().string(not(containsString("noindex"))));
            mvc.perform(get("/articles/walking")).andExpect(content().string(not(containsString("noindex"))));
            mvc.perform(get("/sitemaps/articles-1.xml"))
                    .andExpect(content().string(not(containsString("/articles/sleep"))))
                    .andExpect(content().string(containsString("/articles/zinc")))
                    .andExpect(content().string(containsString("/articles/walking")));
            // noindex keeps it in the feeds and on the front page: only search engines are asked to skip it.
            for (String listing : new String[] {"/feed.json", "/feed.atom", "/"}) {
                mvc.perform(get(listing)).andExpect(content().string(containsString("/articles/sleep")));
            }
        }
    }

    @Nested
    @WebMvcTest(
            controllers = {
                ArticlePageController.class,
                ArticleApiController.class,
                SitemapController.class,
                FeedController.class,
                AtomFeedController.class,
                HomePageController.class
            },
            properties = "vetted.distribution.overdue-policy=unpublish")
    @Import({SignedPagesWebFixture.SigningSite.class, Pages.class})
    class Unpublish extends SignedPagesWebFixture {
        @Test
        void anOverduePageIsGoneLikeATakedownUntilReviewedAgain() throws Exception {
            mvc.perform(get("/articles/sleep")).andExpect(status().isGone());
            mvc.perform(get("/api/articles/sleep")).andExpect(status().isGone());
            mvc.perform(get("/articles/zinc")).andExpect(status().isOk());
            mvc.perform(get("/articles/walking")).andExpect(status().isOk());
            mvc.perform(get("/sitemaps/articles-1.xml"))
                    .andExpect(content().string(not(containsString("/articles/sleep"))));
        }

        @Test
        void anOverduePageLeavesBothFeedsAndTheFrontPageTheAtomFeedWithATombstone() throws Exception {
            for (String listing : new String[] {"/feed.json", "/"}) {
                mvc.perform(get(listing))
                        .andExpect(status().isOk())
                        .andExpect(content().string(not(containsString("/articles/sleep"))))
                        .andExpect(content().string(containsString("/articles/zinc")))
                        .andExpect(content().string(containsString("/articles/walking")));
            }
            mvc.perform(get("/feed.atom"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("/articles/zinc")))
                    .andExpect(content().string(containsString("deleted-entry")))
                    .andExpect(content().string(containsString("ref=\"urn:vetted:article:a2\"")))
                    .andExpect(content().string(not(containsString("<id>urn:vetted:article:a2</id>"))))
                    .andExpect(content().string(containsString("<id>urn:vetted:article:a1</id>")));
        }
    }
}
