package org.vetted.review.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimState;
import org.vetted.review.domain.draft.Author;
import org.vetted.review.domain.draft.ClaimText;

/**
 * What the queue filters and sorts an open article by, derived from its review as the board holds it: a store keeps
 * these beside the article so that a page is selected where the articles are kept, without folding every open one.
 * Names and tags are kept lower-cased, as {@link QueueQuery} compares them.
 *
 * @param authorKeys             every credited author's username and display name
 * @param waitsForSecondReviewer a high-risk claim is approved once and waits for another reviewer
 * @param highRiskOpen           open claims that need two reviewers
 * @param deciders               usernames of the reviewers whose decisions count on its claims
 */
public record ArticleQueueFacts(
        String title,
        List<String> authorKeys,
        List<String> tags,
        boolean waitsForSecondReviewer,
        int highRiskOpen,
        List<String> deciders) {

    public ArticleQueueFacts {
        authorKeys = List.copyOf(authorKeys);
        tags = List.copyOf(tags);
        deciders = List.copyOf(deciders);
    }

    public static ArticleQueueFacts of(ArticleReview review) {
        Set<String> authors = new TreeSet<>();
        for (Author author : review.draft().authors()) {
            authors.add(author.username().toLowerCase(Locale.ROOT));
            authors.add(author.displayName().toLowerCase(Locale.ROOT));
        }
        Set<String> tags = new TreeSet<>();
        review.draft().tags().forEach(tag -> tags.add(tag.toLowerCase(Locale.ROOT)));
        Set<String> deciders = new TreeSet<>();
        boolean waiting = false;
        int highRiskOpen = 0;
        for (ClaimState state : review.claimStates()) {
            state.decisions()
                    .forEach(decision ->
                            deciders.add(decision.reviewer().username().toLowerCase(Locale.ROOT)));
            if (state.isOpen() && state.isHighRisk()) {
                highRiskOpen++;
                waiting |= state.approvals() > 0;
            }
        }
        return new ArticleQueueFacts(
                review.draft().title(),
                new ArrayList<>(authors),
                new ArrayList<>(tags),
                waiting,
                highRiskOpen,
                new ArrayList<>(deciders));
    }

    /** The title as the queue's title search reads it: {@link ClaimText#folded}, as {@link QueueQuery} folds words. */
    public String searchTitle() {
        return ClaimText.folded(title);
    }

    /** The article's place in the queue. */
    public QueuePosition position(ArticleReview review) {
        return QueuePosition.of(this, review.draft().submittedAt(), review.articleId());
    }
}
