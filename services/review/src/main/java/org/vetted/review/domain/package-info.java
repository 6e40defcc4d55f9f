/**
 * What the review service decides, and why: whether a medical reviewer may decide a claim of an article, and
 * whether a revision may be signed off as medically approved. An approval binds to one revision and to the hash of
 * exactly the text the reviewer saw; a newer revision never inherits decisions, so every published word has been
 * approved as it stands. Rules are named functions gathered by {@code defaults()}, results are sealed values, and
 * the {@link org.vetted.review.domain.ReviewBoard} is the projection of drafts and decisions they are checked
 * against. Nothing here publishes, persists or reads the clock: the edges do that.
 */
package org.vetted.review.domain;
