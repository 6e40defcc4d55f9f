package org.vetted.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The calls a writer and a medical reviewer make, as the API takes them: submit a draft, read a review, decide a
 * claim, sign off. Shared by the scenarios, which assert on each answer, and the fault rig, which retries through
 * outages.
 */
final class Journeys {
    private final String intake;
    private final String review;
    private final UnaryOperator<String> passwords;

    /** With the local profile's demo accounts. */
    Journeys(String intake, String review) {
        this(intake, review, Http::demoPassword);
    }

    /** With the accounts whose passwords {@code passwords} gives by user name. */
    Journeys(String intake, String review, UnaryOperator<String> passwords) {
        this.intake = intake;
        this.review = review;
        this.passwords = passwords;
    }

    /** A new article ({@code articleId} null) or a revision of one, as plain text. */
    Http.Response submit(String writer, String text, String articleId) {
        String url = intake + "/api/drafts" + (articleId == null ? "" : "?articleId=" + articleId);
        return Http.post(url, writer, passwords.apply(writer), "text/plain; charset=UTF-8", text);
    }

    Http.Response underReview(String reviewer, String articleId) {
        return Http.get(review + "/api/reviews/" + articleId, reviewer, passwords.apply(reviewer));
    }

    /** A claim decision names the revision it was made on, so it can never land on a later text. */
    Http.Response decide(String reviewer, String articleId, int revision, String claimId, String decision) {
        return Http.postJson(
                review + "/api/reviews/" + articleId + "/claims/" + claimId,
                reviewer,
                passwords.apply(reviewer),
                Map.of(
                        "decision",
                        decision,
                        "comment",
                        "Checked against the cited trials.",
                        "reference",
                        "https://example.org/cochrane-review",
                        "revision",
                        revision));
    }

    Http.Response signOff(String reviewer, String articleId, String decision, String contentHash) {
        return Http.postJson(
                review + "/api/reviews/" + articleId + "/decision",
                reviewer,
                passwords.apply(reviewer),
                contentHash == null
                        ? Map.of("decision", decision, "comment", "Signed off in the end-to-end test.")
                        : Map.of(
                                "decision",
                                decision,
                                "comment",
                                "Signed off in the end-to-end test.",
                                "contentHash",
                                contentHash));
    }

    /** The reviewer who also approves a claim that needs four eyes. */
    static String secondReviewer(String reviewer) {
        return reviewer.equals("rita") ? "paul" : "rita";
    }

    static String fixture(String name) {
        try (InputStream in = Journeys.class.getResourceAsStream("/drafts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
