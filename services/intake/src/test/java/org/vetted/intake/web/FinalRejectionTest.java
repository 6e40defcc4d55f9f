package org.vetted.intake.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.vetted.intake.IntakeAppTest;
import org.vetted.intake.app.ArticleRecords;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.messaging.SignedRecordsForTests;

/** With {@code vetted.intake.rejected-articles: final}, a rejected article is closed on the API and the pages. */
@TestPropertySource(properties = "vetted.intake.rejected-articles=final")
class FinalRejectionTest extends IntakeAppTest {
    @Test
    void aRejectedArticleSaysItIsClosedOffersNoRevisionAndRefusesOne(
            @Autowired MockMvc mvc, @Autowired ArticleRegistry registry, @Autowired ArticleRecords records)
            throws Exception {
        String id = "final-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T10:00:00Z");
        for (byte[] record : List.of(
                SignedRecordsForTests.draftSubmitted(id + "-d", id, 1, at, "c-1", "Ginger may ease nausea."),
                SignedRecordsForTests.reviewReturned(
                        id + "-r",
                        id,
                        1,
                        at.plusSeconds(60),
                        true,
                        List.of(),
                        "rita",
                        "Dr. Rita Reyes",
                        "No trial supports this."))) {
            registry.apply(records.read(record), record);
        }

        mvc.perform(get("/articles/{id}", id).with(user("wanda").roles("WRITER")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString("This article was rejected and is closed: it cannot be revised.")))
                .andExpect(content().string(containsString("No trial supports this.")))
                .andExpect(content().string(not(containsString("id=\"revise-heading\""))));

        mvc.perform(post("/api/drafts")
                        .param("articleId", id)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("Ginger and Mint\nGinger may help.\n".getBytes(StandardCharsets.UTF_8))
                        .with(httpBasic("wanda", "wanda-pass")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Article rejected for good"))
                .andExpect(jsonPath("$.detail", containsString("cannot be revised")))
                .andExpect(jsonPath("$.errors[0].field").value("articleId"));

        // A form sent anyway (an old tab) gets the reason on the page, not a new revision.
        mvc.perform(multipart("/drafts")
                        .param("articleId", id)
                        .param("format", "PLAIN_TEXT")
                        .param("text", "Ginger and Mint\nGinger may help.\n")
                        .with(user("wanda").roles("WRITER"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("rejected and is closed")));
    }
}
