package org.vetted.intake.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.vetted.intake.IntakeAppTest;
import org.vetted.intake.app.ArticleRecords;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.domain.articles.ArticleView;
import org.vetted.intake.messaging.SignedRecordsForTests;

/** The writers' pages: sign-in, CSRF, what a writer sees and may do, and errors as pages. */
class WriterPagesTest extends IntakeAppTest {
    private static final String PASTE = """
            Can Ginger Settle a Queasy Stomach?
            What the Trials Say
            Ginger may ease nausea in early pregnancy, small trials suggest.
            “It works for some people,” says Sam Lee.
            Leave a Reply
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleRegistry registry;

    @Autowired
    ArticleRecords records;

    /** A record as it arrives from review's topics, applied as {@code trackArticle} applies it. */
    private void apply(byte[] record) {
        registry.apply(records.read(record), record);
    }

    @Test
    void pagesAskAStrangerToSignInAndTheLoginPageCarriesACsrfToken() throws Exception {
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"username\"")))
                .andExpect(content().string(containsString("name=\"password\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("<label for=\"username\">")));
    }

    @Test
    void aWriterSignsInWithTheFormAndGetsAnHttpOnlySameSiteSession() throws Exception {
        mvc.perform(formLogin("/login").user("wanda").password("wanda-pass"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user("wanda").password("wrong")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aPastedDraftShowsWhatIntakeFoundWithTheWarnings() throws Exception {
        submitted(draft(PASTE), wanda())
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Submitted for review")))
                .andExpect(content().string(containsString("/articles/can-ginger-settle-a-queasy-stomach")))
                .andExpect(content().string(containsString("removed trailing web-page debris: Leave a Reply")))
                .andExpect(content().string(containsString("Sam Lee")))
                .andExpect(content().string(containsString("no credential stated")))
                .andExpect(content().string(containsString("Ginger may ease nausea")))
                .andExpect(content().string(containsString("hedged")));
    }

    @Test
    void anUploadedMarkdownFileIsTakenAsMarkdown() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "turmeric.md",
                "text/markdown",
                "---\ntitle: Can Turmeric Calm Joint Pain?\ntags: [supplements]\n---\nCurcumin may reduce knee pain.\n"
                        .getBytes(StandardCharsets.UTF_8));
        submitted(multipart("/drafts").file(file), wanda())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Can Turmeric Calm Joint Pain?")))
                .andExpect(content().string(containsString("supplements")));
    }

    @Test
    void anUploadedHtmlPageIsTakenAsHtmlAndItsAbsoluteClaimsAreTagged() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "zinc.html",
                "text/html",
                "<h1>Zinc and Colds</h1><p>Zinc lozenges cure colds in two days.</p>".getBytes(StandardCharsets.UTF_8));
        submitted(multipart("/drafts").file(file), wanda())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Zinc and Colds")))
                .andExpect(content().string(containsString("<span class=\"tag absolute\">absolute</span>")))
                .andExpect(content().string(containsString("absolute claim")));
    }

    @Test
    void theNewDraftPageOffersHtmlAndKeepsItChosenWhenADraftIsRefused() throws Exception {
        mvc.perform(get("/drafts/new").with(wanda()))
                .andExpect(content().string(containsString("value=\"HTML\"")))
                .andExpect(content().string(containsString(".html")));
        mvc.perform(multipart("/drafts")
                        .param("format", "HTML")
                        .param("text", "<p>No title.</p>")
                        .with(wanda())
                        .with(csrf()))
                .andExpect(content().string(containsString("The draft was not accepted")))
                .andExpect(content().string(containsString("value=\"HTML\" checked")));
    }

    @Test
    void theFormsEmbargoAndCorrectionFieldsAreJudgedWithTheTextAndKept() throws Exception {
        String at = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(2))
                .plusDays(2)
                .withNano(0)
                .toString();
        mvc.perform(draft("Ginger\nGinger may ease nausea.\n")
                        .param("publishAt", at)
                        .param("action", "check")
                        .with(wanda())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"checked-publish-at\"")))
                .andExpect(content().string(containsString("value=\"" + at + "\"")));
        mvc.perform(draft("Ginger\nGinger may ease nausea.\n")
                        .param("correction", "\u200b\u2060 \u00ad")
                        .with(wanda())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The draft was not accepted")))
                .andExpect(content().string(containsString("must not be blank: say what the correction changes")));
        mvc.perform(draft("Ginger\nGinger may ease nausea.\n")
                        .param("publishAt", "tomorrow")
                        .with(wanda())
                        .with(csrf()))
                .andExpect(content().string(containsString("must be an ISO-8601 date and time with an offset")))
                .andExpect(content().string(containsString("value=\"tomorrow\"")));
    }

    @Test
    void aRefusedDraftComesBackWithTheProblemsNamedAndTheTextKept() throws Exception {
        mvc.perform(draft("Title\nA line with a \u0000 in it.\n").with(wanda()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The draft was not accepted")))
                .andExpect(content().string(containsString("contains control character U+0000 at line 2, column 15")))
                .andExpect(content().string(containsString("A line with a")));
    }

    @Test
    void aRefreshOrASecondPostOfTheSameFormMakesNoSecondArticle() throws Exception {
        String token = UUID.randomUUID().toString();
        String text = PASTE.replace("Ginger", "Liquorice");
        String first = mvc.perform(
                        draft(text).param("token", token).with(wanda()).with(csrf()))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String again = mvc.perform(
                        draft(text).param("token", token).with(wanda()).with(csrf()))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        assertThat(again).isEqualTo(first).endsWith("/revisions/1");
        mvc.perform(get(first).with(wanda()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Submitted for review")));
        mvc.perform(get(first).with(wanda())).andExpect(status().isOk());
        assertThat(articlesTitled("Can Liquorice Settle a Queasy Stomach?")).isEqualTo(1);
    }

    @Test
    void twoPostsOfOneFormAtOnceMakeOneArticle() throws Exception {
        String token = UUID.randomUUID().toString();
        String text = PASTE.replace("Ginger", "Cardamom");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> posts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                posts.add(pool.submit(() -> {
                    start.await();
                    return mvc.perform(draft(text)
                                    .param("token", token)
                                    .with(wanda())
                                    .with(csrf()))
                            .andExpect(status().isSeeOther())
                            .andReturn()
                            .getResponse()
                            .getRedirectedUrl();
                }));
            }
            start.countDown();
            assertThat(posts.get(0).get(30, TimeUnit.SECONDS))
                    .isEqualTo(posts.get(1).get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertThat(articlesTitled("Can Cardamom Settle a Queasy Stomach?")).isEqualTo(1);
    }

    @Test
    void checkingADraftShowsWhatReviewersWillGetAndSendsNothing() throws Exception {
        String token = UUID.randomUUID().toString();
        mvc.perform(draft(PASTE.replace("Ginger", "Nutmeg"))
                        .param("token", token)
                        .param("action", "check")
                        .with(wanda())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Checked, not sent")))
                .andExpect(content().string(containsString("Nutmeg may ease nausea")))
                .andExpect(content().string(containsString("removed trailing web-page debris: Leave a Reply")))
                .andExpect(content().string(containsString("id=\"preview\"")))
                .andExpect(content().string(containsString("value=\"" + token + "\"")))
                .andExpect(content().string(containsString("Submit for review")));
        assertThat(articlesTitled("Can Nutmeg Settle a Queasy Stomach?")).isZero();

        submitted(draft(PASTE.replace("Ginger", "Nutmeg")).param("token", token), wanda())
                .andExpect(content().string(containsString("Submitted for review")));
        assertThat(articlesTitled("Can Nutmeg Settle a Queasy Stomach?")).isEqualTo(1);
    }

    @Test
    void theCheckTellsWhichClaimsWillNeedTwoReviewersAndWhy() throws Exception {
        String paste = """
                Can Cloves Soothe a Toothache?
                What the Trials Say
                Clove oil may numb tooth pain for an hour, small trials suggest.
                Adults can take 400 mg of ibuprofen with it, dentists say.
                """;
        String page = mvc.perform(
                        draft(paste).param("action", "check").with(wanda()).with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("needs two medical reviewers: dose");
        assertThat(page.split("needs two medical reviewers", -1))
                .as("only the dose claim is marked, the toothache one is not")
                .hasSize(2);
    }

    @Test
    void anApprovalCarriedOverShowsAsApprovedAndTheCountsAgreeWithPublished() throws Exception {
        String id = "carried-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        apply(SignedRecordsForTests.draftSubmitted(
                "c1-" + id, id, 1, at, "c-1", "Ginger may ease nausea.", "c-2", "Mint may calm colic."));
        apply(SignedRecordsForTests.claimReviewed(
                "c2-" + id, id, 1, at.plusSeconds(60), "c-1", true, "rita", "Rita Reyes", null, "javascript:alert(1)"));
        apply(SignedRecordsForTests.claimReviewed(
                "c3-" + id,
                id,
                1,
                at.plusSeconds(61),
                "c-2",
                false,
                "rita",
                "Rita Reyes",
                "Which trial?",
                "https://doi.org/10.1000/colic"));
        apply(SignedRecordsForTests.reviewReturned(
                "c4-" + id,
                id,
                1,
                at.plusSeconds(120),
                false,
                List.of("c-2"),
                "rita",
                "Rita Reyes",
                "Soften the colic line."));
        apply(SignedRecordsForTests.draftSubmitted(
                "c5-" + id, id, 2, at.plusSeconds(300), "c-1", "Ginger may ease nausea."));
        apply(SignedRecordsForTests.articleApproved("c6-" + id, id, 2, at.plusSeconds(400), "rita", "Rita Reyes"));
        apply(SignedRecordsForTests.articlePublished("c7-" + id, id, 2, at.plusSeconds(500), "rita", "Rita Reyes"));

        String page = mvc.perform(get("/articles/{id}", id).with(wanda()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"status\">published<")))
                .andExpect(content()
                        .string(containsString("1 claim: 1 approved (1 carried over from earlier "
                                + "revisions), 0 rejected, 0 not decided yet")))
                .andExpect(content().string(containsString("by Rita Reyes in revision 1")))
                .andExpect(content().string(not(containsString("Not decided yet"))))
                // The changes-requested box names the sentence, with the reviewer's comment and reference.
                .andExpect(content().string(containsString("‘Mint may calm colic.’")))
                .andExpect(content().string(containsString("href=\"https://doi.org/10.1000/colic\"")))
                .andExpect(content().string(not(containsString("href=\"javascript"))))
                // History as sentences, with local dates.
                .andExpect(content().string(containsString("Rita Reyes approved ‘Ginger may ease nausea.’")))
                .andExpect(content().string(containsString("Wanda Writer submitted revision 2")))
                .andExpect(content()
                        .string(containsString(
                                "<time datetime=\"2026-11-30T10:00:00Z\">30 Nov 2026, 10:00 UTC</time>")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("ClaimReviewed", "DraftSubmitted", "Claims rejected: c-2");
    }

    @Test
    void warningsStayOnTheArticlePageUntilTheNextRevision() throws Exception {
        String page = submitted(draft(PASTE.replace("Ginger", "Clove")), wanda())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String articleId = page.replaceAll("(?s).*href=\"/articles/([^\"/]+)\".*", "$1");

        mvc.perform(get("/articles/{id}", articleId).with(wanda()))
                .andExpect(content().string(containsString("Warnings in revision 1")))
                .andExpect(content().string(containsString("removed trailing web-page debris: Leave a Reply")));
        submitted(
                        draft("Can Clove Settle a Queasy Stomach?\nClove may ease nausea, small trials suggest.\n")
                                .param("articleId", articleId),
                        wanda())
                .andExpect(status().isOk());
        mvc.perform(get("/articles/{id}", articleId).with(wanda()))
                .andExpect(content().string(containsString("Warnings in revision 2")))
                .andExpect(content().string(not(containsString("Leave a Reply"))));
    }

    @Test
    void myArticlesComeAPageAtATimeAndABadCursorIsNamed() throws Exception {
        RequestPostProcessor wren = user("wren").roles("WRITER");
        for (String herb : List.of("Basil", "Thyme", "Oregano")) {
            submitted(draft(PASTE.replace("Ginger", herb)), wren);
        }
        String first = mvc.perform(get("/").param("limit", "2").with(wren))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Can Oregano Settle")))
                .andExpect(content().string(containsString("Can Thyme Settle")))
                .andExpect(content().string(not(containsString("Can Basil Settle"))))
                .andExpect(content().string(containsString("just now</time>")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String older =
                first.replaceAll("(?s).*id=\"older\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        mvc.perform(get(older).with(wren))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Can Basil Settle")))
                .andExpect(content().string(not(containsString("Can Thyme Settle"))))
                .andExpect(content().string(containsString("Newest articles")));
        String byDefault =
                mvc.perform(get("/").with(wren)).andReturn().getResponse().getContentAsString();
        if (byDefault.contains("id=\"older\"")) {
            mvc.perform(get(byDefault
                                    .replaceAll("(?s).*id=\"older\" href=\"([^\"]+)\".*", "$1")
                                    .replace("&amp;", "&"))
                            .with(wren))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/").param("cursor", "forged").with(wren))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The cursor must be")));
        mvc.perform(get("/").param("limit", "1000").with(wren))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("The limit must be")));
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(draft(PASTE).with(wanda())).andExpect(status().isForbidden());
    }

    @Test
    void aWriterSeesOnlyTheirOwnArticlesAndAReviewerNoWriterPages() throws Exception {
        submitted(draft(PASTE.replace("Ginger", "Peppermint")), user("walter").roles("WRITER"))
                .andExpect(status().isOk());
        submitted(draft(PASTE.replace("Ginger", "Fennel")), wanda()).andExpect(status().isOk());

        mvc.perform(get("/").with(wanda()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Can Fennel Settle a Queasy Stomach?")))
                .andExpect(content().string(not(containsString("Peppermint"))))
                .andExpect(content().string(containsString("Signed in as <strong>Wanda Writer</strong>")));
        mvc.perform(get("/").with(user("rita").roles("MEDICAL_REVIEWER")).accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden());
    }

    @Test
    void anotherWritersArticleIsNotFoundAsAPage() throws Exception {
        String page = submitted(
                        draft(PASTE.replace("Ginger", "Chamomile")),
                        user("walter").roles("WRITER"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String articleId = page.replaceAll("(?s).*href=\"/articles/([^\"]+)\".*", "$1");

        mvc.perform(get("/articles/{id}", articleId).with(user("walter").roles("WRITER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Submit a new revision")));
        mvc.perform(get("/articles/{id}", articleId).with(wanda()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound());
    }

    @Test
    void anArticlePageShowsEachDecisionWhyItCameBackASafePreviewAndTheLatestText() throws Exception {
        String page = submitted(multipart("/drafts").param("format", "MARKDOWN").param("text", """
                        ---
                        title: Can Sage Sharpen Memory?
                        tags: [herbs]
                        ---
                        Sage may help memory in older adults.

                        Sage lowers blood pressure.

                        [More](javascript:alert(1)) and <img src=x onerror=alert(2)>
                        """), wanda())
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"preview\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String articleId = page.replaceAll("(?s).*href=\"/articles/([^\"]+)\".*", "$1");
        ArticleView article = registry.view(articleId).orElseThrow();
        List<ArticleView.ClaimView> claims = article.latest().orElseThrow().claims();
        String hedged = claims.get(0).claim().id();
        String absolute = claims.get(1).claim().id();
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        apply(SignedRecordsForTests.claimReviewed(
                "d-1", articleId, 1, at, hedged, true, "rita", "Dr. Rita Reyes", "Fine as hedged.", "PMID 12345678"));
        apply(SignedRecordsForTests.claimReviewed(
                "d-2", articleId, 1, at, absolute, true, "rita", "Dr. Rita Reyes", null, null));
        // She changed her mind: the later decision stands.
        apply(SignedRecordsForTests.claimReviewed(
                "d-3",
                articleId,
                1,
                at.plusSeconds(60),
                absolute,
                false,
                "rita",
                "Dr. Rita Reyes",
                "No trial shows a <cure>.",
                "https://doi.org/10.1000/xyz"));
        apply(SignedRecordsForTests.reviewReturned(
                "r-1",
                articleId,
                1,
                at.plusSeconds(120),
                false,
                List.of(absolute),
                "rita",
                "Dr. Rita Reyes",
                "Soften the blood pressure line."));

        String articlePage = mvc.perform(get("/articles/{id}", articleId).with(wanda()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(content().string(containsString("Changes requested")))
                .andExpect(content().string(containsString("Soften the blood pressure line.")))
                .andExpect(content().string(containsString("Fine as hedged.")))
                .andExpect(content().string(containsString("PMID 12345678")))
                .andExpect(content().string(containsString("No trial shows a &lt;cure&gt;.")))
                .andExpect(content().string(containsString("href=\"https://doi.org/10.1000/xyz\"")))
                .andExpect(content().string(containsString("<span class=\"rejected\">Rejected</span>")))
                .andExpect(content().string(containsString("<span class=\"approved\">Approved</span>")))
                .andExpect(content().string(containsString("title: Can Sage Sharpen Memory?")))
                .andExpect(content().string(containsString("value=\"MARKDOWN\" checked")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String preview =
                articlePage.substring(articlePage.indexOf("id=\"preview\""), articlePage.indexOf("</article>"));
        assertThat(preview)
                .contains("<p>Sage may help memory in older adults.</p>", "&lt;img src&#61;x onerror&#61;alert(2)&gt;")
                .doesNotContain("javascript:", "<img");
    }

    @Test
    void aRejectedArticleSaysItMayBeRevisedWithTheReasonAndKeepsTheForm() throws Exception {
        String id = "revisable-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        apply(SignedRecordsForTests.draftSubmitted(id + "-d", id, 1, at, "c-1", "Ginger may ease nausea."));
        apply(SignedRecordsForTests.reviewReturned(
                id + "-r", id, 1, at.plusSeconds(60), true, List.of(), "rita", "Dr. Rita Reyes", "Not supported."));

        mvc.perform(get("/articles/{id}", id).with(wanda()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("This article was rejected. You can submit a new revision that addresses"
                                + " the reviewer’s reasons.")))
                .andExpect(content().string(containsString("Not supported.")))
                .andExpect(content().string(containsString("id=\"revise-heading\"")));
    }

    @Test
    void theRevisionFormOffersACorrectionNoteOnlyOnceReadersHaveSeenTheArticle() throws Exception {
        String id = "correctable-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        apply(SignedRecordsForTests.draftSubmitted(id + "-d", id, 1, at, "c-1", "Ginger may ease nausea."));
        apply(SignedRecordsForTests.reviewReturned(
                id + "-r", id, 1, at.plusSeconds(60), false, List.of(), "rita", "Dr. Rita Reyes", "Cite a trial."));
        mvc.perform(get("/articles/{id}", id).with(wanda()))
                .andExpect(content().string(containsString("id=\"revise-heading\"")))
                .andExpect(content().string(not(containsString("id=\"correction\""))));

        apply(SignedRecordsForTests.draftSubmitted(
                id + "-d2", id, 2, at.plusSeconds(120), "c-1", "Ginger may ease nausea."));
        apply(SignedRecordsForTests.articleApproved(id + "-a", id, 2, at.plusSeconds(180), "rita", "Rita Reyes"));
        apply(SignedRecordsForTests.articlePublished(id + "-p", id, 2, at.plusSeconds(240), "rita", "Rita Reyes"));
        mvc.perform(get("/articles/{id}", id).with(wanda()))
                .andExpect(content().string(containsString("id=\"status\">published<")))
                .andExpect(content().string(containsString("<input id=\"correction\" name=\"correction\"")));
    }

    @Test
    void theApiRefusesWritesFromAnotherSitesPagesButNotFromClients() throws Exception {
        mvc.perform(post("/api/drafts")
                        .with(httpBasic("wanda", "wanda-pass"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .header("Origin", "https://evil.example")
                        .content(PASTE))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/drafts")
                        .with(httpBasic("wanda", "wanda-pass"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .header("Sec-Fetch-Site", "cross-site")
                        .content(PASTE))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/drafts")
                        .with(httpBasic("wanda", "wanda-pass"))
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(PASTE.replace("Ginger", "Mint")))
                .andExpect(status().isAccepted());
    }

    @Test
    void theApiNeverAcceptsThePagesSessionCookie() throws Exception {
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin("/login").user("wanda").password("wanda-pass"))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());

        mvc.perform(post("/api/drafts")
                        .session(session)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(PASTE))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
    }

    private long articlesTitled(String title) {
        return registry.all().stream()
                .filter(article -> title.equals(article.title()))
                .count();
    }

    /** POSTs the form, expects the 303 of post/redirect/get, and GETs where it points. */
    private ResultActions submitted(MockMultipartHttpServletRequestBuilder form, RequestPostProcessor who)
            throws Exception {
        String location = mvc.perform(form.with(who).with(csrf()))
                .andExpect(status().isSeeOther())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/articles/[^/]+/revisions/\\d+");
        return mvc.perform(get(location).with(who));
    }

    private static MockMultipartHttpServletRequestBuilder draft(String text) {
        MockMultipartHttpServletRequestBuilder request = multipart("/drafts");
        request.param("format", "PLAIN_TEXT").param("text", text);
        return request;
    }

    private static RequestPostProcessor wanda() {
        return user("wanda").roles("WRITER");
    }
}
