package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.test.web.servlet.MockMvc;
import org.vetted.contract.ContentHash;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.IntakeAppTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DraftSubmissionBindingTest extends IntakeAppTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    OutputDestination output;

    @Autowired
    JsonMapper json;

    @Test
    void postedDraftIsPublishedKeyedByArticleIdWithTheHashOfExactlyTheStoredText() throws Exception {
        String sample =
                new ClassPathResource("samples/vitamin-d-winter.txt").getContentAsString(StandardCharsets.UTF_8);
        output.clear();

        String response = mvc.perform(post("/api/drafts")
                        .with(httpBasic("wanda", "wanda-pass"))
                        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                        .content(sample.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        JsonNode accepted = json.readTree(response);

        Message<byte[]> message = output.receive(5000, DRAFT_TOPIC);
        assertThat(message).isNotNull();
        Object payload = message.getPayload();
        assertThat(payload).isInstanceOf(DraftSubmitted.class);
        DraftSubmitted event = (DraftSubmitted) payload;
        assertThat(message.getHeaders().get(KafkaHeaders.KEY)).isEqualTo(event.getArticleId());
        assertThat(event.getArticleId()).isEqualTo(accepted.get("articleId").asString());
        assertThat(event.getRevision()).isEqualTo(1);
        assertThat(event.getSlug()).isEqualTo("do-you-need-more-vitamin-d-in-winter");
        assertThat(event.getTitle()).isEqualTo("Do You Need More Vitamin D in Winter?");
        assertThat(event.getContentHash())
                .isEqualTo(ContentHash.of(ContentHash.reviewed(event)))
                .isEqualTo(accepted.get("contentHash").asString());
        assertThat(event.getBodyMarkdown()).doesNotContain("Leave a Reply").contains("## Getting the Dose Right");
        assertThat(event.getAuthors()).extracting(a -> a.getUsername()).containsExactly("wanda");
        assertThat(event.getSubmittedBy().getUsername()).isEqualTo("wanda");
        assertThat(event.getSubmittedBy().getDisplayName()).isEqualTo("Wanda Writer");
        assertThat(event.getClaims()).hasSize(accepted.get("claims").size()).isNotEmpty();
        assertThat(event.getExperts())
                .extracting(e -> e.getName())
                .containsExactly("Maren Okafor", "Tomas Lindqvist", "Brandt");
        assertThat(event.getWarnings()).contains("quoted expert \"Brandt\" has no stated credential");
        assertThat(event.getEventId()).isNotBlank();
        assertThat(event.getSubmittedAt()).isNotNull();
    }
}
