package org.vetted.intake.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.vetted.intake.IntakeAppTest;
import tools.jackson.databind.json.JsonMapper;

class DraftApiTest extends IntakeAppTest {
    private static final MediaType PLAIN = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final String DRAFT =
            "Does Walking Lower Blood Pressure?\nA brisk daily walk may help lower blood pressure.\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Test
    void draftWithoutCredentialsIsUnauthorized() throws Exception {
        mvc.perform(draft(PLAIN, DRAFT))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void reviewerOnlyAccountMayNotSubmitDrafts() throws Exception {
        mvc.perform(draft(PLAIN, DRAFT).with(httpBasic("rita", "rita-pass")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void healthIsOpen() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void anIdempotencyKeyMakesOneRevisionAndIsBoundToItsRequest() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String text = "Does Cycling Lower Blood Pressure?\nCycling may help lower blood pressure " + key + ".\n";
        String location = mvc.perform(draft(PLAIN, text).with(writer()).header("Idempotency-Key", key))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.LOCATION);

        mvc.perform(draft(PLAIN, text).with(writer()).header("Idempotency-Key", key))
                .andExpect(status().isSeeOther())
                .andExpect(header().string(HttpHeaders.LOCATION, location))
                .andExpect(header().string("Idempotent-Replayed", "true"));
        mvc.perform(draft(PLAIN, text.replace("may help", "cures"))
                        .with(writer())
                        .header("Idempotency-Key", key))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"))
                .andExpect(jsonPath("$.detail", containsString("nothing was sent")));
        mvc.perform(draft(PLAIN, text).with(writer()))
                .andExpect(status().isAccepted())
                .andExpect(header().string(HttpHeaders.LOCATION, org.hamcrest.Matchers.not(location)));
    }

    @Test
    void aMalformedIdempotencyKeyIsAFieldError() throws Exception {
        for (String key : new String[] {"has space", "x".repeat(129), "caf\u00e9", "zero\u200Bwidth"}) {
            mvc.perform(draft(PLAIN, DRAFT).with(writer()).header("Idempotency-Key", key))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        }
    }

    @Test
    void missingTitleIsAFieldError() throws Exception {
        mvc.perform(draft(MARKDOWN, "---\ntags: [sleep]\n---\nJust a body, no title.\n")
                        .with(writer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid draft"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].reason").value("must not be blank"));
    }

    @Test
    void oversizeBodyIsRefusedWith413() throws Exception {
        String huge = "Title\n" + "x".repeat(256 * 1024);
        mvc.perform(draft(PLAIN, huge).with(writer()))
                .andExpect(status().isContentTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413))
                .andExpect(jsonPath("$.detail", containsString("256 KiB")))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void aNulByteIsRefusedNamingTheBodyLineAndColumnInBothFormats() throws Exception {
        for (MediaType type : new MediaType[] {PLAIN, MARKDOWN}) {
            mvc.perform(draft(type, "# Title\nA line with a \u0000 in it.\n").with(writer()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("Invalid draft"))
                    .andExpect(jsonPath("$.errors[0].field").value("body"))
                    .andExpect(jsonPath("$.errors[0].reason")
                            .value("contains control character U+0000 at line 2, "
                                    + "column 15; only tab, line feed and carriage return are allowed"))
                    .andExpect(jsonPath("$.trace").doesNotExist());
        }
    }

    @Test
    void deeplyNestedQuotesAreRefusedNamingTheLine() throws Exception {
        mvc.perform(draft(MARKDOWN, "# Title\n\nIntro.\n\n" + "> ".repeat(1000) + "x\n")
                        .with(writer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("block quotes nested 1000 deep at line 5; at most 16"));
    }

    @Test
    void theCubicHeadingOfTheTestersIsAnsweredNotHung() throws Exception {
        mvc.perform(draft(MARKDOWN, "# a" + " ".repeat(10_000) + "x\n\nSleep may improve memory.\n")
                        .with(writer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be at most 200 characters"));
        mvc.perform(draft(MARKDOWN, "# Title\n\n## a" + " ".repeat(10_000) + "x\n\nSleep may improve memory.\n")
                        .with(writer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value("more than 200 spaces or tabs in a row at line 3, column 5"));
        mvc.perform(draft(MARKDOWN, "# Title\n\n## a" + " ".repeat(200) + "x\n\nSleep may improve memory.\n")
                        .with(writer()))
                .andExpect(status().isAccepted());
    }

    @Test
    void wrongContentTypeIsRefusedWith415() throws Exception {
        mvc.perform(draft(MediaType.APPLICATION_JSON, "{\"title\":\"x\"}").with(writer()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(415));
    }

    @Test
    void acceptedDraftAnswers202WithItsClaimsAndIsVisibleAtItsLocation() throws Exception {
        String location = mvc.perform(draft(PLAIN, DRAFT).with(writer()))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", containsString("/api/articles/")))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.slug", containsString("does-walking-lower-blood-pressure")))
                .andExpect(jsonPath("$.contentHash", containsString("sha256v2:")))
                .andExpect(jsonPath("$.claims", hasSize(1)))
                .andExpect(jsonPath("$.claims[0].kind").value("DOSE"))
                .andExpect(jsonPath("$.claims[0].hedged").value(true))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        mvc.perform(get(location).with(writer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.history[0].event").value("DraftSubmitted"))
                .andExpect(jsonPath("$.history[0].actor").value("wanda"));
        mvc.perform(get("/api/articles").with(writer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$.articles[*].articleId",
                        org.hamcrest.Matchers.hasItem(location.substring(location.lastIndexOf('/') + 1))));
    }

    @Test
    void anHtmlPageIsReadAsMarkdownAndItsAbsoluteClaimsAreMarkedAndNamed() throws Exception {
        String page = "<nav><a href=\"/\">Home</a></nav><h1>Can Zinc Cure a Cold?</h1>"
                + "<p>Zinc lozenges cure colds in two days.</p><p>Zinc may shorten a cold by a day.</p>"
                + "<script>alert('cures everything')</script><p>Share this article</p>";
        mvc.perform(draft(HTML, page).with(writer()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.title").value("Can Zinc Cure a Cold?"))
                .andExpect(jsonPath("$.claims", hasSize(2)))
                .andExpect(jsonPath("$.claims[0].text").value("Zinc lozenges cure colds in two days."))
                .andExpect(jsonPath("$.claims[0].absolute").value(true))
                .andExpect(jsonPath("$.claims[1].absolute").value(false))
                .andExpect(jsonPath("$.warnings", hasItem("removed trailing web-page debris: Share this article")))
                .andExpect(jsonPath("$.warnings", hasItem(containsString("absolute claim"))));
    }

    @Test
    void anHtmlPageNestedTooDeepIsRefusedNamingTheLine() throws Exception {
        mvc.perform(draft(HTML, "<h1>Title</h1>\n" + "<div>".repeat(500) + "x").with(writer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason")
                        .value("HTML elements nested more than 100 deep at line 2; " + "at most 100"));
    }

    @Test
    void newRevisionKeepsTheSlugAndOnlyAuthorsOrEditorsMaySubmitIt() throws Exception {
        String body = mvc.perform(draft(PLAIN, DRAFT).with(writer()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String id = json.readTree(body).get("articleId").asString();
        String slug = json.readTree(body).get("slug").asString();

        mvc.perform(draft(PLAIN, DRAFT).param("articleId", id).with(httpBasic("walter", "walter-pass")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Not an author"));
        mvc.perform(draft(PLAIN, DRAFT.replace("Walking", "Hiking"))
                        .param("articleId", id)
                        .with(writer()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.slug").value(slug));
        mvc.perform(draft(PLAIN, DRAFT).param("articleId", id).with(httpBasic("eddie", "eddie-pass")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.revision").value(3));
    }

    @Test
    void unknownArticleIs404Problem() throws Exception {
        mvc.perform(draft(PLAIN, DRAFT).param("articleId", "no-such-article").with(writer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/articles/no-such-article").with(writer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unknown article"));
    }

    @Test
    void aBodyThatCannotBeReadIsA400ProblemThatLeaksNoDetail() throws Exception {
        RequestBuilder brokenBody = servletContext -> {
            MockHttpServletRequest request = new MockHttpServletRequest(servletContext, "POST", "/api/drafts") {
                @Override
                public ServletInputStream getInputStream() {
                    return new BrokenStream();
                }
            };
            request.setContentType("text/plain;charset=UTF-8");
            request.addHeader(
                    HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString("wanda:wanda-pass".getBytes(StandardCharsets.UTF_8)));
            return request;
        };

        mvc.perform(brokenBody)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Unreadable draft"))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("connection reset"))));
    }

    @Test
    void containerErrorsOutsideSpringMvcAreProblemJsonToo() throws Exception {
        mvc.perform(get("/error")
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 400)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_EXCEPTION, new IOException("secret")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("secret"))));
    }

    /** A client that went away half-way: every read fails. */
    private static final class BrokenStream extends ServletInputStream {
        @Override
        public int read() throws IOException {
            throw new IOException("connection reset by peer at /10.0.0.7:51234");
        }

        @Override
        public boolean isFinished() {
            return false;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor writer() {
        return httpBasic("wanda", "wanda-pass");
    }

    private static MockHttpServletRequestBuilder draft(MediaType type, String text) {
        return post("/api/drafts").contentType(type).content(text.getBytes(StandardCharsets.UTF_8));
    }
}
