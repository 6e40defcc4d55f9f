/**
 * What the review service decides, and why: whether a medical reviewer may decide a claim of an article, and
 * whether a revision may be signed off as medically approved. An approval binds to one revision and to the hash of
 * exactly the text the reviewer saw. A newer revision carries over the approval of each claim whose normalised text
 * and section are unchanged since the last approved (or last reviewed) revision ({@link
 * org.vetted.review.domain.board.EarlierReviews}); every other claim is open, and the sign-off of the new revision
 * still binds its whole text. Claims of a {@link org.vetted.contract.risk.FourEyesRule} risk class need two
 * reviewers.
 * Rules are named functions gathered by {@code defaults()}, results are sealed values, and the {@link
 * org.vetted.review.domain.board.ReviewBoard} is the projection of drafts and decisions they are checked against, the
 * same whatever order the topics interleave in. Nothing here publishes, persists or reads the clock: the edges do
 * that. Sub-packages by theme: {@code board}, {@code gate}, {@code draft}, {@code drift},
 * {@code library}, {@code staff}.
 */
package org.vetted.review.domain;
