package org.vetted.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.vetted.contract.ContentHash;
import org.vetted.contract.Topics;
import org.vetted.events.ArticleApproved;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.ReviewServiceTest;

/** A correction note and an embargo are shown to the reviewer, hashed and approved with the text. */
class CorrectionReviewTest extends ReviewServiceTest {
    private static final Instant PUBLISH_AT = Instant.parse("2030-01-02T09:00:00Z");

    @BeforeEach
    void drainOutputs() {
        output.clear();
    }

    @Test
    void theReviewerSeesTheNoteAndTheEmbargoAndTheApprovalCarriesThem() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = noted(DraftEvents.draft(articleId, 1, false), "The dose is <b>200 mg</b>, not 2000 mg.");
        submit(draft);

        mvc.perform(get("/reviews/{id}", articleId).with(user("rita").roles("MEDICAL_REVIEWER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Correction of the")))
                .andExpect(content().string(containsString("The dose is &lt;b&gt;200 mg&lt;/b&gt;, not 2000 mg.")))
                .andExpect(content().string(containsString("2030-01-02T09:00:00Z")));

        decideClaim("rita", articleId, "c-pain", "{\"decision\":\"APPROVED\",\"revision\":1}");
        decideClaim("paul", articleId, "c-dose", "{\"decision\":\"APPROVED\",\"revision\":1}");
        decideClaim("rita", articleId, "c-dose", "{\"decision\":\"APPROVED\",\"revision\":1}");
        signOff("paul", articleId, "{\"decision\":\"APPROVE\",\"contentHash\":\"" + draft.getContentHash() + "\"}")
                .andExpect(status().isOk());

        ArticleApproved approved = approvedOf(articleId);
        assertThat(approved.getCorrection()).isEqualTo(draft.getCorrection());
        assertThat(approved.getPublishAt()).isEqualTo(PUBLISH_AT);
        assertThat(approved.getApproval().getContentHash()).isEqualTo(draft.getContentHash());
        assertThat(ContentHash.matches(approved.getApproval().getContentHash(), ContentHash.reviewed(approved)))
                .isTrue();
    }

    @Test
    void aNoteThatIsNotTheOneHashedIsNoDraft() throws Exception {
        String articleId = newArticleId();
        DraftSubmitted draft = noted(DraftEvents.draft(articleId, 1, false), "Fixed the dose.");
        draft.setCorrection("Fixed nothing.");
        draft.setSignature(null);
        submit(DraftEvents.INTAKE.sign(draft));

        mvc.perform(get("/reviews/{id}", articleId).with(user("rita").roles("MEDICAL_REVIEWER")))
                .andExpect(status().isNotFound());
    }

    private static DraftSubmitted noted(DraftSubmitted draft, String note) {
        draft.setSignature(null);
        draft.setCorrection(note);
        draft.setPublishAt(PUBLISH_AT);
        draft.setContentHash(ContentHash.of(ContentHash.reviewed(draft)));
        return DraftEvents.INTAKE.sign(draft);
    }

    private ArticleApproved approvedOf(String articleId) {
        Message<byte[]> message;
        while ((message = output.receive(1000, Topics.APPROVED)) != null) {
            Object payload = message.getPayload();
            if (payload instanceof ArticleApproved approved
                    && approved.getArticleId().equals(articleId)) {
                return approved;
            }
        }
        throw new AssertionError("no approval of " + articleId);
    }
}
