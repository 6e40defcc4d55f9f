package org.vetted.review.domain.withdrawal;

/** The last revision of an article review approved: what a withdrawal names. */
public record ApprovedRevision(int revision, String contentHash, String slug, String title) {}
