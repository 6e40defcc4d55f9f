package org.vetted.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vetted.contract.ContentHash;
import org.vetted.markdown.SafeMarkdown;

class ApprovalBindingTest {
    private final ArticleRenderer renderer =
            new ArticleRenderer(ApprovalBinding.defaults(), new MedicalReviewByline(ZoneOffset.UTC));

    @Test
    void markdownNestedDeeperThanTheLimitIsRefusedAndShallowerIsRendered() {
        String deep = "> ".repeat(SafeMarkdown.MAX_NESTING + 1) + "Walking helps.";
        String shallow = "> ".repeat(SafeMarkdown.MAX_NESTING - 2) + "Walking helps.";

        assertThat(renderer.render(ApprovedArticles.withBody(deep)))
                .isInstanceOfSatisfying(
                        RenderResult.Refused.class,
                        refused -> assertThat(refused.reason()).contains("nested", "at most 32"));
        assertThat(renderer.render(ApprovedArticles.withBody(shallow))).isInstanceOf(RenderResult.Rendered.class);
    }

    /** Bodies of 100,000 characters, intake's limit, in the shapes that grow most when rendered. */
    @ParameterizedTest
    @ValueSource(strings = {"[^1]\n\n[^1]: a\n\n", "a@b.co ", "> a\n\n", "\"", "www.a.co "})
    void theLargestBodyIntakeAcceptsRendersWithinTheLimit(String unit) {
        String body = unit.repeat(100_000 / unit.length());

        assertThat(renderer.render(ApprovedArticles.withBody(body)))
                .isInstanceOfSatisfying(
                        RenderResult.Rendered.class,
                        rendered -> assertThat(rendered.html().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                                .isLessThan(ArticleRenderer.MAX_HTML_BYTES));
    }

    @Test
    void htmlTooLargeToPublishIsRefused() {
        // Autolinks grow about seven-fold when rendered: five times intake's largest body outgrows the limit.
        String links = "www.a.co ".repeat(60_000);

        assertThat(renderer.render(ApprovedArticles.withBody(links)))
                .isInstanceOfSatisfying(
                        RenderResult.Refused.class,
                        refused -> assertThat(refused.reason())
                                .contains("bytes of HTML")
                                .contains("at most"));
    }

    @Test
    void approvalThatCoversTheTextIsRendered() {
        ApprovedArticle article = ApprovedArticles.withBody("Walking helps.");

        assertThat(renderer.render(article)).isInstanceOf(RenderResult.Rendered.class);
    }

    @Test
    void oneCharacterChangedInTheBodyAfterApprovalIsRefused() {
        ApprovedArticle approved = ApprovedArticles.withBody("Walking may help.");
        ApprovedArticle edited = ApprovedArticles.withBodyChangedAfterApproval(approved, "Walking may help!");

        assertThat(renderer.render(edited))
                .isInstanceOfSatisfying(
                        RenderResult.Refused.class,
                        refused -> assertThat(refused.reason()).contains("do not hash to the approved hash"));
    }

    @Test
    void summaryChangedAfterApprovalIsRefused() {
        ApprovedArticle approved = ApprovedArticles.withBody("Walking may help.");
        ApprovedArticle edited = new ApprovedArticle(
                approved.articleId(),
                approved.slug(),
                approved.title(),
                "Walking cures back pain.",
                approved.bodyMarkdown(),
                approved.tags(),
                approved.authors(),
                approved.signOff());

        assertThat(renderer.render(edited)).isInstanceOf(RenderResult.Refused.class);
    }

    @Test
    void tagsOrAuthorsChangedAfterApprovalAreRefused() {
        ApprovedArticle approved = ApprovedArticles.withBody("Walking may help.");
        ApprovedArticle retagged = new ApprovedArticle(
                approved.articleId(),
                approved.slug(),
                approved.title(),
                approved.summary(),
                approved.bodyMarkdown(),
                List.of("cure"),
                approved.authors(),
                approved.signOff());
        ApprovedArticle recredited = new ApprovedArticle(
                approved.articleId(),
                approved.slug(),
                approved.title(),
                approved.summary(),
                approved.bodyMarkdown(),
                approved.tags(),
                List.of(new ContentHash.Credit("wanda", "Dr. Wanda Writer, MD")),
                approved.signOff());

        assertThat(renderer.render(retagged)).isInstanceOf(RenderResult.Refused.class);
        assertThat(renderer.render(recredited)).isInstanceOf(RenderResult.Refused.class);
    }

    @Test
    void approvalWithoutARevisionIsRefused() {
        ApprovedArticle approved = ApprovedArticles.withBody("Walking may help.");
        SignOff signOff = approved.signOff();

        for (Integer missing : new Integer[] {null, 0, -1}) {
            ApprovedArticle noRevision = ApprovedArticles.withSignOff(
                    approved, new SignOff(missing, signOff.contentHash(), signOff.reviewer(), signOff.approvedAt()));
            assertThat(renderer.render(noRevision))
                    .isInstanceOfSatisfying(
                            RenderResult.Refused.class,
                            refused -> assertThat(refused.reason()).contains("names no revision"));
        }
    }

    @Test
    void approvalWithoutAHashIsRefused() {
        ApprovedArticle approved = ApprovedArticles.withBody("Walking may help.");
        SignOff signOff = approved.signOff();
        ApprovedArticle noHash =
                ApprovedArticles.withSignOff(approved, new SignOff(1, null, signOff.reviewer(), signOff.approvedAt()));

        assertThat(renderer.render(noHash)).isInstanceOf(RenderResult.Refused.class);
    }

    @Test
    void approvalSignedByAReviewerWithoutACredentialIsRefused() {
        ApprovedArticle approved = ApprovedArticles.withBody("Walking may help.");
        SignOff signOff = approved.signOff();
        ApprovedArticle uncredentialed = ApprovedArticles.withSignOff(
                approved,
                new SignOff(1, signOff.contentHash(), new SignOff.Reviewer("Rita Reyes", " "), signOff.approvedAt()));

        assertThat(renderer.render(uncredentialed))
                .isInstanceOfSatisfying(
                        RenderResult.Refused.class,
                        refused -> assertThat(refused.reason()).contains("credentialed reviewer"));
    }

    @Test
    void sourceHashIsTheHashOfTheTextAsRendered() {
        ApprovedArticle article = ApprovedArticles.withBody("Walking helps.\r\n");

        assertThat(renderer.render(article))
                .isInstanceOfSatisfying(
                        RenderResult.Rendered.class,
                        rendered -> assertThat(rendered.sourceHash())
                                .isEqualTo(article.signOff().contentHash()));
    }
}
