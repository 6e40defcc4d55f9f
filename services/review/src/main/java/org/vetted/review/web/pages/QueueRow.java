package org.vetted.review.web.pages;

import java.time.Instant;

import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.staff.Actor;

/**
 * One line of the queue: how many claims are still open (carried-over approvals are not; a high-risk claim approved
 * once is), whether an expert lacks a credential, whose it is.
 */
record QueueRow(String articleId, String title, int revision, Instant submittedAt, int openClaims,
                boolean expertWithoutCredential, boolean own) {

    static QueueRow of(ArticleReview review, Actor actor) {
        return new QueueRow(review.articleId(), review.draft().title(), review.revision(), review.draft().submittedAt(),
                review.openCount(),
                review.draft().experts().stream().anyMatch(expert -> expert.credential() == null
                        || expert.credential().isBlank()),
                review.draft().creditedAs(actor.username(), actor.displayName()).isPresent());
    }
}
