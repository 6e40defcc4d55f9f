package org.vetted.distribution.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.distribution.app.InMemoryPageStore;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Author;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.Reviewer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@WebMvcTest(
        controllers = {
            ArticlePageController.class,
            ArticleApiController.class,
            FeedController.class,
            KeysController.class,
            HomePageController.class
        })
@Import({SignedPagesWebFixture.SigningSite.class, SiteWebTest.Site.class})
@TestPropertySource(
        properties = {
            "vetted.distribution.display-zone=America/New_York",
            "vetted.test.site-url=https://vetted.example/"
        })
class SiteWebTest extends SignedPagesWebFixture {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant APPROVED_AT = Instant.parse("2026-11-26T01:30:00Z");
    /** 03:00 UTC on the 24th is still Monday the 23rd in New York, the configured display zone. */
    static final Instant MONDAY = Instant.parse("2026-11-24T03:00:00Z");

    static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");
    static final Reviewer RITA = new Reviewer("rita", "Rita Reyes", "MD");
    static final Reviewer PAUL = new Reviewer("paul", "Paul Park", "PharmD");
    static final String BYLINE =
            "<p class=\"medical-review\">Medically reviewed by Rita Reyes, MD on November 25, 2026</p>";

    @TestConfiguration
    static class Site {
        @Bean
        PageStore pageStore() {
            return new InMemoryPageStore();
        }
    }

    @Autowired
    PageStore pages;

    @BeforeEach
    void publish() {
        pages.apply(article("a1", 1, "walking", "Walking <script>alert(1)</script> & “You”", MONDAY));
        pages.apply(article("a1", 2, "walking", "Walking <script>alert(1)</script> & “You”", TUESDAY));
        // Four eyes: Rita approved claims, Paul approved claims too and signed off.
        pages.apply(article("a2", 1, "sleep", "Sleep?", MONDAY.plusSeconds(60), PAUL, List.of(PAUL, RITA)));
    }

    @Test
    void articlePageEscapesTheTitleAndShowsTheArticleHtmlWithItsBylineOnce() throws Exception {
        mvc.perform(get("/articles/walking").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("<meta charset=\"utf-8\">")))
                .andExpect(content()
                        .string(containsString("<h1>Walking &lt;script&gt;alert(1)&lt;/script&gt; &amp; “You”</h1>")))
                .andExpect(content().string(not(containsString("<script>"))))
                .andExpect(content().string(containsString("By <span>Wanda Writer and Walter Webb &lt;b&gt;</span>")))
                // The first publication, Monday in New York (the configured display zone), Tuesday in UTC.
                .andExpect(content()
                        .string(containsString(
                                "Published <time datetime=\"2026-11-24T03:00:00Z\">November 23, 2026</time>")))
                .andExpect(content().string(containsString("<p><em>Revision 2</em> of the article.</p>" + BYLINE)))
                // The rendered HTML carries the medical-review byline; the page does not add a second one.
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).containsOnlyOnce("Medically reviewed"))
                .andExpect(content().string(containsString("href=\"/feed.json\"")));
    }

    @Test
    void unknownArticleIsAPlainNotFoundPageForBrowsers() throws Exception {
        mvc.perform(get("/articles/nothing-here").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("<h1>Not found</h1>")));
    }

    @Test
    void unknownArticleIsTheNotFoundPageWhenTheClientTakesAnything() throws Exception {
        mvc.perform(get("/articles/nothing-here").accept(MediaType.ALL))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
        mvc.perform(get("/articles/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }

    @Test
    void unknownArticleIsAProblemForJsonClients() throws Exception {
        mvc.perform(get("/articles/nothing-here").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Article not found"))
                .andExpect(jsonPath("$.slug").value("nothing-here"))
                .andExpect(jsonPath("$.instance").value("/articles/nothing-here"));
    }

    @Test
    void feedIsAJsonFeedNewestFirst() throws Exception {
        mvc.perform(get("/feed.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/feed+json"))
                .andExpect(jsonPath("$.version").value("https://jsonfeed.org/version/1.1"))
                .andExpect(jsonPath("$.title").value("Vetted"))
                .andExpect(jsonPath("$.home_page_url").value("https://vetted.example/"))
                .andExpect(jsonPath("$.feed_url").value("https://vetted.example/feed.json"))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].id").value("a1"))
                .andExpect(jsonPath("$.items[0].url").value("https://vetted.example/articles/walking"))
                .andExpect(jsonPath("$.items[0].title").value("Walking <script>alert(1)</script> & “You”"))
                .andExpect(jsonPath("$.items[0].content_html")
                        .value("<p><em>Revision 2</em> of the article.</p>" + BYLINE))
                .andExpect(jsonPath("$.items[0].summary").value("Summary of revision 2."))
                .andExpect(jsonPath("$.items[0].date_published").value("2026-11-24T03:00:00Z"))
                .andExpect(jsonPath("$.items[0].date_modified").value("2026-11-24T10:00:00Z"))
                .andExpect(jsonPath("$.items[0].authors[0].name").value("Wanda Writer"))
                .andExpect(jsonPath("$.items[0].tags[0]").value("exercise"))
                .andExpect(jsonPath("$.items[1].id").value("a2"))
                // The four-eyes article credits both reviewers, the signer first, in the feed's extension.
                .andExpect(
                        jsonPath("$.items[1]._medical_review.reviewers[0].name").value("Paul Park"))
                .andExpect(jsonPath("$.items[1]._medical_review.reviewers[1].credential")
                        .value("MD"))
                .andExpect(jsonPath("$.items[1]._medical_review.reviewed_at").value("2026-11-26T01:30:00Z"));
    }

    @Test
    void articleJsonHasTheLatestRevision() throws Exception {
        mvc.perform(get("/api/articles/walking"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.articleId").value("a1"))
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.medicallyReviewedBy.name").value("Rita Reyes"))
                .andExpect(jsonPath("$.medicallyReviewedBy.credential").value("MD"))
                .andExpect(jsonPath("$.medicallyReviewedAt").value("2026-11-26T01:30:00Z"))
                .andExpect(jsonPath("$.firstPublishedAt").value("2026-11-24T03:00:00Z"));
    }

    @Test
    void articleJsonIsSignedByDistributionOverEverythingItServes() throws Exception {
        String body = articleJson("walking");
        String signature = com.jayway.jsonpath.JsonPath.read(body, "$.signature");

        assertThat(downstreamSite().problem(body)).isEmpty();
        assertThat(DemoKeys.trusted().verifyCompact(Issuer.REVIEW, signature)).isPresent();
        JWSObject jws = JWSObject.parse(signature);
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("EdDSA");
        assertThat(jws.getHeader().getKeyID()).isEqualTo("distribution-demo-1");
        assertThat(jws.getHeader().getType().getType()).isEqualTo("vetted-article+jws");
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        assertThat(claims)
                .containsEntry("articleId", "a1")
                .containsEntry("slug", "walking")
                .containsEntry("title", "Walking <script>alert(1)</script> & “You”")
                .containsEntry("summary", "Summary of revision 2.")
                .containsEntry("url", "https://vetted.example/articles/walking")
                .containsEntry("authors", List.of(Map.of("name", "Wanda Writer"), Map.of("name", "Walter Webb <b>")))
                .containsEntry("tags", List.of("exercise"))
                .containsEntry("medicallyReviewedBy", Map.of("name", "Rita Reyes", "credential", "MD"))
                .containsEntry("medicalReviewers", List.of(Map.of("name", "Rita Reyes", "credential", "MD")))
                .containsEntry("medicallyReviewedAt", "2026-11-26T01:30:00Z")
                .containsEntry("firstPublishedAt", "2026-11-24T03:00:00Z")
                .containsEntry("publishedAt", "2026-11-24T10:00:00Z")
                .containsEntry("contentHash", "sha256:x")
                .containsEntry(
                        "htmlSha256", DownstreamSite.sha256Hex(com.jayway.jsonpath.JsonPath.read(body, "$.html")))
                .doesNotContainKeys("html", "signature");
        assertThat(((Number) claims.get("revision")).intValue()).isEqualTo(2);
    }

    @Test
    void aFourEyesArticleCreditsEveryReviewerTheSignerFirstInItsSignedJson() throws Exception {
        String body = articleJson("sleep");

        assertThat(downstreamSite().problem(body)).isEmpty();
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(body, "$.medicallyReviewedBy.name"))
                .isEqualTo("Paul Park");
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(body, "$.medicalReviewers[*].name"))
                .containsExactly("Paul Park", "Rita Reyes");
        Map<String, Object> claims = JWSObject.parse(com.jayway.jsonpath.JsonPath.read(body, "$.signature"))
                .getPayload()
                .toJSONObject();
        assertThat(claims)
                .containsEntry(
                        "medicalReviewers",
                        List.of(
                                Map.of("name", "Paul Park", "credential", "PharmD"),
                                Map.of("name", "Rita Reyes", "credential", "MD")));
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD) // adds pages the other tests do not expect
    void anArticlePublishedBeforeTheCreditsWereCarriedCreditsItsSigner() throws Exception {
        pages.apply(article("a3", 1, "older", "Older", MONDAY, PAUL, List.of()));

        String body = articleJson("older");

        assertThat(downstreamSite().problem(body)).isEmpty();
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(body, "$.medicalReviewers[*].name"))
                .containsExactly("Paul Park");
    }

    @Test
    void theFrontPageListsTheLatestArticlesWithWhoReviewedThemAndLinksTheFeed() throws Exception {
        String page = mvc.perform(get("/").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(header().string("Content-Security-Policy", ArticlePageController.CONTENT_SECURITY_POLICY))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains(
                        "<html lang=\"en\">",
                        "<main id=\"content\">",
                        "<h1>Latest articles</h1>",
                        "<nav aria-label=\"Site\">",
                        "<a class=\"skip\" href=\"#content\">Skip to content</a>",
                        "href=\"/feed.json\"",
                        "type=\"application/feed+json\"")
                .contains("<a href=\"/articles/walking\">Walking &lt;script&gt;alert(1)&lt;/script&gt; &amp; “You”</a>")
                .contains("<p class=\"summary\">Summary of revision 2.</p>")
                .contains("Medically reviewed by <span class=\"reviewed-by\">Rita Reyes, MD</span>")
                .contains(
                        "Medically reviewed by <span class=\"reviewed-by\">Paul Park, PharmD and Rita Reyes, MD</span>")
                .contains("Published <time datetime=\"2026-11-24T03:00:00Z\">November 23, 2026</time>")
                .doesNotContain("<script", "Revision 2</em>", "rel=\"prev\"");
        // Newest first: walking was republished on Tuesday, sleep published on Monday.
        assertThat(page.indexOf("/articles/walking")).isLessThan(page.indexOf("/articles/sleep"));
    }

    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD) // adds pages the other tests do not expect
    void theFrontPageIsKeysetPaginatedNewestFirstBothWays() throws Exception {
        // 20 a page: with the two articles above, the oldest two of these are on the second listing.
        for (int i = 0; i < 20; i++) {
            pages.apply(article("b" + i, 1, "older-" + i, "Older " + i, MONDAY.minusSeconds(3600L * (i + 1))));
        }

        String first = home(get("/"));
        assertThat(first)
                .contains("rel=\"next\" href=\"/?before=", "/articles/older-0\"")
                .doesNotContain("/articles/older-19\"", "rel=\"prev\"");
        String before = link(first, "next");
        String second = home(get("/").param("before", before));
        assertThat(second)
                .contains("<h1>Older articles</h1>", "rel=\"prev\" href=\"/?after=", "/articles/older-19\"")
                .doesNotContain("rel=\"next\"", "/articles/older-0\"");
        String back = home(get("/").param("after", link(second, "prev")));
        assertThat(back)
                .contains("<h1>Latest articles</h1>", "/articles/older-0\"")
                .doesNotContain("rel=\"prev\"");
        mvc.perform(get("/").param("before", link(second, "prev"))).andExpect(status().isOk());
    }

    @Test
    void aCursorThisSiteDidNotMakeIsAProblemNamingTheParameter() throws Exception {
        for (String cursor : new String[] {"x<script>", "", "bm90IGEgY3Vyc29y", "OTk5OTk5OTk5OTk5OTk5OTk5fmEx"}) {
            mvc.perform(get("/").param("before", cursor))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.field").value("before"));
        }
        mvc.perform(get("/").param("after", "a".repeat(PageCursor.MAX_LENGTH + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("after"));
    }

    private String home(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The cursor of the listing's link with this rel. */
    private static String link(String page, String rel) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(
                        "rel=\"" + rel + "\" href=\"/\\?(?:before|after)=([A-Za-z0-9_-]+)\"")
                .matcher(page);
        assertThat(link.find()).as("a %s link", rel).isTrue();
        return link.group(1);
    }

    @Test
    void theArticlePageHasTheSiteHeaderLinkingHome() throws Exception {
        mvc.perform(get("/articles/sleep").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<a class=\"home\" rel=\"home\" href=\"/\">Vetted</a>")))
                .andExpect(content().string(containsString("<main id=\"content\">")));
    }

    /** Whatever a cache or proxy changes of what a site displays, the article no longer verifies. */
    @Test
    void changingAnyFieldASiteDisplaysBreaksTheSignature() throws Exception {
        String body = articleJson("walking");
        DownstreamSite site = downstreamSite();
        Map<String, Consumer<ObjectNode>> alterations = new LinkedHashMap<>();
        alterations.put("title", article -> article.put("title", "Walking cures back pain"));
        alterations.put("summary", article -> article.put("summary", "Walking cures it."));
        alterations.put(
                "an author", article -> ((ObjectNode) article.path("authors").path(1)).put("name", "Dr. Who"));
        alterations.put(
                "an author more",
                article -> ((ArrayNode) article.path("authors")).addObject().put("name", "Famous Doctor"));
        alterations.put(
                "a tag",
                article -> ((ArrayNode) article.path("tags"))
                        .set(0, JSON.getNodeFactory().stringNode("cure")));
        alterations.put("a tag more", article -> ((ArrayNode) article.path("tags")).add("miracle"));
        alterations.put(
                "the reviewer's credential",
                article -> ((ObjectNode) article.path("medicallyReviewedBy")).put("credential", "PhD"));
        alterations.put(
                "the reviewer's name",
                article -> ((ObjectNode) article.path("medicallyReviewedBy")).put("name", "Famous Doctor"));
        alterations.put(
                "a credited reviewer's name",
                article -> ((ObjectNode) article.path("medicalReviewers").path(0)).put("name", "Famous Doctor"));
        alterations.put(
                "a credited reviewer more",
                article -> ((ArrayNode) article.path("medicalReviewers"))
                        .addObject()
                        .put("name", "Famous Doctor")
                        .put("credential", "MD"));
        alterations.put("the review date", article -> article.put("medicallyReviewedAt", "2026-11-27T01:30:00Z"));
        alterations.put("the canonical URL", article -> article.put("url", "https://elsewhere.example/walking"));
        alterations.put(
                "the first publication date", article -> article.put("firstPublishedAt", "2020-01-01T00:00:00Z"));
        alterations.put(
                "the html",
                article -> article.put("html", article.path("html").asString().replace("Revision 2", "Revision 3")));

        assertThat(site.problem(body)).isEmpty();
        alterations.forEach((field, alteration) -> {
            ObjectNode altered = (ObjectNode) JSON.readTree(body);
            alteration.accept(altered);
            assertThat(site.problem(JSON.writeValueAsString(altered))).as(field).isPresent();
        });
    }

    @Test
    void theKeysToCheckArticlesArePublicAsAJwkSetWithoutPrivateParts() throws Exception {
        mvc.perform(get("/.well-known/jwks.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/jwk-set+json"))
                .andExpect(jsonPath("$.keys[0].kty").value("OKP"))
                .andExpect(jsonPath("$.keys[0].crv").value("Ed25519"))
                .andExpect(jsonPath("$.keys[0].kid").value("distribution-demo-1"))
                .andExpect(jsonPath("$.keys[0].x").isNotEmpty())
                .andExpect(jsonPath("$.keys[0].d").doesNotExist())
                .andExpect(jsonPath("$.keys.length()").value(1));
    }

    @Test
    void unknownArticleJsonIsAProblem() throws Exception {
        mvc.perform(get("/api/articles/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No published article has this slug."));
    }

    private String articleJson(String slug) throws Exception {
        return mvc.perform(get("/api/articles/" + slug))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A downstream site that knows distribution by the keys it serves, and nothing else. */
    private DownstreamSite downstreamSite() throws Exception {
        return new DownstreamSite(mvc.perform(get("/.well-known/jwks.json"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private static PublishedArticle article(String id, int revision, String slug, String title, Instant at) {
        return article(id, revision, slug, title, at, RITA, List.of(RITA));
    }

    private static PublishedArticle article(
            String id, int revision, String slug, String title, Instant at, Reviewer signer, List<Reviewer> credited) {
        return PublishedArticle.builder()
                .eventId("event-" + id + "-" + revision)
                .articleId(id)
                .revision(revision)
                .slug(slug)
                .title(title)
                .summary("Summary of revision " + revision + ".")
                .html("<p><em>Revision " + revision + "</em> of the article.</p>" + BYLINE)
                .url("https://vetted.example/articles/" + slug)
                .authors(List.of(new Author("wanda", "Wanda Writer"), new Author("walter", "Walter Webb <b>")))
                .tags(List.of("exercise"))
                .medicallyReviewedBy(signer)
                .medicalReviewers(credited)
                .medicallyReviewedAt(APPROVED_AT)
                .contentHash("sha256:x")
                .publishedAt(at)
                .build();
    }
}
