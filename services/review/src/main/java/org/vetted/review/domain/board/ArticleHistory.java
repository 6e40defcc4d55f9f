package org.vetted.review.domain.board;

import org.vetted.review.domain.draft.Draft;

/**
 * An article's revision under review with the earlier revisions a reviewer compares it with, read together so they
 * belong to one state of the board. {@code previous} is the revision the current one replaced (null for the first
 * revision the board saw); {@code lastApproved} is the latest earlier revision that was approved (null when none
 * is known). Both are older than the current revision, and may be the same draft.
 */
public record ArticleHistory(ArticleReview review, Draft previous, Draft lastApproved) {}
