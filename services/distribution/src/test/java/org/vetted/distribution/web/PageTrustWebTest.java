package org.vetted.distribution.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jdom2.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.vetted.distribution.app.InMemoryPageStore;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.domain.Author;
import org.vetted.distribution.domain.ClaimProvenance;
import org.vetted.distribution.domain.ClaimProvenance.ClaimApproval;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.Reviewer;
import org.vetted.distribution.domain.WithdrawnArticle;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an article page proves about its review (disclaimer, reviewers, dates, references, how each claim was
 * reviewed, the MedicalWebPage JSON-LD), the Atom feed with its tombstones, and the sitemaps.
 */
@WebMvcTest(
        controllers = {
            ArticlePageController.class,
            HomePageController.class,
            AtomFeedController.class,
            SitemapController.class
        })
@Import({SignedPagesWebFixture.SigningSite.class, PageTrustWebTest.Site.class})
@TestPropertySource(
        properties = {
            "vetted.distribution.medical-disclaimer=Talk to your own doctor & pharmacist <first>.",
            "vetted.distribution.sitemap-page-size=2",
            "vetted.test.site-url=https://vetted.example/"
        })
class PageTrustWebTest extends SignedPagesWebFixture {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant FIRST_REVIEW = Instant.parse("2026-11-20T09:00:00Z");
    static final Instant PUBLISHED = Instant.parse("2026-11-21T12:00:00Z");
    static final Instant SECOND_REVIEW = Instant.parse("2026-11-25T15:30:00Z");
    static final Instant REPUBLISHED = Instant.parse("2026-11-26T10:00:00Z");
    static final Reviewer RITA = new Reviewer("rita", "Rita Reyes", "MD");
    static final Reviewer PAUL = new Reviewer("paul", "Paul Park", "PharmD");
    static final Instant RETRACTED = Instant.parse("2026-11-27T08:00:00Z");

    /** A page store with one entry gone, as the store will report retracted or unpublished articles. */
    static final class StoreWithTombstones implements PageStore {
        private final InMemoryPageStore pages = new InMemoryPageStore();

        @Override
        public List<DeletedEntry> deletedEntries(int limit) {
            return List.of(new DeletedEntry("gone-1", "https://vetted.example/articles/gone", RETRACTED))
                    .subList(0, Math.min(1, limit));
        }

        @Override
        public Outcome apply(PublishedArticle article) {
            return pages.apply(article);
        }

        @Override
        public Outcome apply(WithdrawnArticle withdrawal) {
            return pages.apply(withdrawal);
        }

        @Override
        public Optional<Page> findBySlug(String slug) {
            return pages.findBySlug(slug);
        }

        @Override
        public Optional<Page> findByArticle(String articleId) {
            return pages.findByArticle(articleId);
        }

        @Override
        public List<Page> newestFirst(int limit) {
            return pages.newestFirst(limit);
        }

        @Override
        public List<Page> olderThan(Position position, int limit) {
            return pages.olderThan(position, limit);
        }

        @Override
        public List<Page> newerThan(Position position, int limit) {
            return pages.newerThan(position, limit);
        }

        @Override
        public long count() {
            return pages.count();
        }

        @Override
        public List<Page> inArticleIdOrder(long offset, int limit) {
            return pages.inArticleIdOrder(offset, limit);
        }

        @Override
        public List<Page> newestFirstWithRetracted(int limit) {
            return pages.newestFirstWithRetracted(limit);
        }

        @Override
        public List<WithdrawnArticle> withdrawnNewestFirst(int limit) {
            return pages.withdrawnNewestFirst(limit);
        }
    }

    @TestConfiguration
    static class Site {
        @Bean
        PageStore pageStore() {
            return new StoreWithTombstones();
        }
    }

    @Autowired
    PageStore pages;

    @BeforeEach
    void publish() {
        pages.apply(article("a1", 1, "magnesium", PUBLISHED, FIRST_REVIEW, List.of()));
        // Revision 2: the first claim's approval carried over from revision 1, the second decided anew.
        pages.apply(article(
                "a1",
                2,
                "magnesium",
                REPUBLISHED,
                SECOND_REVIEW,
                List.of(
                        new ClaimProvenance(
                                "c-1",
                                "Magnesium may ease </script><script>alert(1)</script> cramps.",
                                "How it works",
                                List.of(new ClaimApproval(
                                        RITA,
                                        FIRST_REVIEW,
                                        1,
                                        "doi:10.1000/xyz",
                                        "https://doi.org/10.1000/xyz",
                                        null))),
                        new ClaimProvenance(
                                "c-2",
                                "Trials used 200 mg a day.",
                                null,
                                List.of(
                                        new ClaimApproval(
                                                RITA,
                                                SECOND_REVIEW.minusSeconds(600),
                                                2,
                                                "javascript:alert(1)",
                                                "javascript:alert(1)",
                                                null),
                                        new ClaimApproval(
                                                PAUL,
                                                SECOND_REVIEW.minusSeconds(300),
                                                2,
                                                "PMID:12345",
                                                "https://pubmed.ncbi.nlm.nih.gov/12345/",
                                                "lib-0123456789abcdef"))))));
        pages.apply(article("a2", 1, "sleep", PUBLISHED.minusSeconds(3600), FIRST_REVIEW, List.of()));
        pages.apply(article("a3", 1, "walking", PUBLISHED.minusSeconds(7200), FIRST_REVIEW, List.of()));
    }

    @Test
    void theArticlePageShowsTheDisclaimerReviewersDatesReferencesAndHowEachClaimWasReviewed() throws Exception {
        String page = page("/articles/magnesium");

        assertThat(page)
                .contains("<p>Talk to your own doctor &amp; pharmacist &lt;first&gt;.</p>")
                .contains("Reviewers: <span class=\"reviewer\">Paul Park, PharmD</span>; "
                        + "<span class=\"reviewer\">Rita Reyes, MD</span>")
                .contains("Published <time datetime=\"2026-11-21T12:00:00Z\">November 21, 2026</time>")
                .contains("Last reviewed <time datetime=\"2026-11-25T15:30:00Z\">November 25, 2026</time>")
                .contains("<h2 id=\"how-reviewed-title\">How this article was reviewed</h2>")
                .contains("<q>Magnesium may ease &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; cramps.</q>")
                // The carried approval is credited to the decision made on revision 1, on its own date.
                .contains("on <time datetime=\"2026-11-20T09:00:00Z\">November 20, 2026</time>"
                        + "<span class=\"carried\"> (on revision 1, an earlier version of this article;")
                .contains("<a href=\"https://doi.org/10.1000/xyz\" rel=\"nofollow noopener\">doi:10.1000/xyz</a>")
                .contains("<a href=\"https://pubmed.ncbi.nlm.nih.gov/12345/\" rel=\"nofollow noopener\">PMID:12345</a>")
                .contains("<span class=\"carried\">, accepted from the claims library</span>")
                // A reference whose URL is not http(s) is shown as text, never as a link.
                .contains("<span>javascript:alert(1)</span>")
                .doesNotContain("href=\"javascript:")
                .contains(
                        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Vetted\" href=\"/feed.atom\">");
        assertThat(page.indexOf("How this article was reviewed")).isGreaterThan(page.indexOf("article-body"));
        assertThat(Pattern.compile("<script(?![^>]*application/ld\\+json)")
                        .matcher(page)
                        .find())
                .as("no executable script")
                .isFalse();
    }

    @Test
    void everyArticlePageEmbedsAMedicalWebPageNamingTheReviewersWithTheirCredentials() throws Exception {
        String page = page("/articles/magnesium");
        JsonNode jsonLd = JSON.readTree(jsonLd(page));

        assertThat(jsonLd.get("@context").asString()).isEqualTo("https://schema.org");
        assertThat(jsonLd.get("@type").asString()).isEqualTo("MedicalWebPage");
        assertThat(jsonLd.get("name").asString()).isEqualTo("Magnesium </script> & sleep");
        assertThat(jsonLd.get("url").asString()).isEqualTo("https://vetted.example/articles/magnesium");
        assertThat(jsonLd.get("datePublished").asString()).isEqualTo("2026-11-21T12:00:00Z");
        assertThat(jsonLd.get("dateModified").asString()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(jsonLd.get("lastReviewed").asString()).isEqualTo("2026-11-25T15:30:00Z");
        JsonNode reviewer = jsonLd.get("reviewedBy").get(0);
        assertThat(reviewer.get("@type").asString()).isEqualTo("Person");
        assertThat(reviewer.get("name").asString()).isEqualTo("Paul Park");
        assertThat(reviewer.get("hasCredential").get("name").asString()).isEqualTo("PharmD");
        assertThat(jsonLd.get("reviewedBy")
                        .get(1)
                        .get("hasCredential")
                        .get("name")
                        .asString())
                .isEqualTo("MD");
        assertThat(jsonLd.get("author").get(0).get("name").asString()).isEqualTo("Wanda Writer");
        assertThat(jsonLd.get("citation"))
                .extracting(citation -> citation.get("name").asString())
                .containsExactly("doi:10.1000/xyz", "javascript:alert(1)", "PMID:12345");
        assertThat(jsonLd.get("citation").get(1).has("url"))
                .as("no link for a javascript: URL")
                .isFalse();
        // The title's "</script>" and "&" are JSON escapes in the block, so it cannot end the element.
        assertThat(jsonLd(page)).doesNotContain("</", "&").contains("\\u003c/script\\u003e", "\\u0026");
    }

    @Test
    void theAtomFeedParsesWithRomeAndCarriesTheEntriesAndATombstone() throws Exception {
        String atom = mvc.perform(get("/feed.atom"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        Feed feed = (Feed) new WireFeedInput().build(new StringReader(atom));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getTitle()).isEqualTo("Vetted");
        assertThat(feed.getOtherLinks().get(0).getHref()).isEqualTo("https://vetted.example/feed.atom");
        List<Entry> entries = feed.getEntries();
        assertThat(entries)
                .extracting(Entry::getId)
                .containsExactly("urn:vetted:article:a1", "urn:vetted:article:a2", "urn:vetted:article:a3");
        assertThat(entries.get(0).getTitle()).isEqualTo("Magnesium </script> & sleep");
        assertThat(entries.get(0).getAlternateLinks().get(0).getHref())
                .isEqualTo("https://vetted.example/articles/magnesium");
        assertThat(entries.get(0).getPublished().toInstant()).isEqualTo(PUBLISHED);
        assertThat(entries.get(0).getUpdated().toInstant()).isEqualTo(REPUBLISHED);
        assertThat(entries.get(0).getContents().get(0).getValue()).contains("<p>Magnesium.</p>");
        assertThat(feed.getUpdated().toInstant()).isEqualTo(RETRACTED);

        List<Element> tombstones = feed.getForeignMarkup().stream()
                .filter(element -> element.getName().equals("deleted-entry"))
                .toList();
        assertThat(tombstones).hasSize(1);
        Element tombstone = tombstones.get(0);
        assertThat(tombstone.getNamespaceURI()).isEqualTo("http://purl.org/atompub/tombstones/1.0");
        assertThat(tombstone.getAttributeValue("ref")).isEqualTo("urn:vetted:article:gone-1");
        assertThat(tombstone.getAttributeValue("when")).isEqualTo("2026-11-27T08:00:00Z");
        assertThat(tombstone.getChildren().get(0).getAttributeValue("href"))
                .isEqualTo("https://vetted.example/articles/gone");
    }

    @Test
    void theSitemapIsAnIndexOfPagesOfArticleUrlsWithLastmod() throws Exception {
        Document index = xml("/sitemap.xml");
        assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
        assertThat(index.getDocumentElement().getNamespaceURI())
                .isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
        assertThat(texts(index, "loc"))
                .containsExactly(
                        "https://vetted.example/sitemaps/articles-1.xml",
                        "https://vetted.example/sitemaps/articles-2.xml");

        Document first = xml("/sitemaps/articles-1.xml");
        assertThat(first.getDocumentElement().getLocalName()).isEqualTo("urlset");
        assertThat(texts(first, "loc"))
                .containsExactly(
                        "https://vetted.example/",
                        "https://vetted.example/articles/magnesium",
                        "https://vetted.example/articles/sleep");
        assertThat(texts(first, "lastmod"))
                .containsExactly("2026-11-26T10:00:00Z", "2026-11-26T10:00:00Z", "2026-11-21T11:00:00Z");
        assertThat(texts(xml("/sitemaps/articles-2.xml"), "loc"))
                .containsExactly("https://vetted.example/articles/walking");
        mvc.perform(get("/sitemaps/articles-3.xml")).andExpect(status().isNotFound());
        mvc.perform(get("/sitemaps/articles-0.xml")).andExpect(status().isNotFound());
    }

    @Test
    void theFrontPageLinksBothFeeds() throws Exception {
        assertThat(page("/"))
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Vetted\" href=\"/feed.atom\">")
                .contains(
                        "<link rel=\"alternate\" type=\"application/feed+json\" title=\"Vetted\" href=\"/feed.json\">");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private Document xml(String path) throws Exception {
        byte[] body = mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(body));
    }

    private static List<String> texts(Document document, String name) {
        org.w3c.dom.NodeList nodes = document.getElementsByTagNameNS(Sitemaps.NAMESPACE, name);
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    static String jsonLd(String page) {
        Matcher block = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertThat(block.find()).as("a JSON-LD block").isTrue();
        return block.group(1);
    }

    private static PublishedArticle article(
            String id, int revision, String slug, Instant at, Instant reviewedAt, List<ClaimProvenance> provenance) {
        return PublishedArticle.builder()
                .eventId("event-" + id + "-" + revision)
                .articleId(id)
                .revision(revision)
                .slug(slug)
                .title("a1".equals(id) ? "Magnesium </script> & sleep" : "Article " + id)
                .summary("Summary.")
                .html("<p>Magnesium.</p>")
                .url("https://vetted.example/articles/" + slug)
                .authors(List.of(new Author("wanda", "Wanda Writer")))
                .tags(List.of("sleep"))
                .medicallyReviewedBy(PAUL)
                .medicalReviewers(List.of(PAUL, RITA))
                .medicallyReviewedAt(reviewedAt)
                .contentHash("sha256v2:x")
                .publishedAt(at)
                .claimProvenance(provenance)
                .build();
    }
}
