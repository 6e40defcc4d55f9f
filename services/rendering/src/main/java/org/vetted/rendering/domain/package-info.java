/**
 * Rendering decides two things: whether an approval really covers the text it arrived with, and what HTML a reader may
 * be shown for that text. (That the approval was issued by review at all is its seal, verified by the messaging edge
 * before anything reaches this package; what is rendered is sealed there too.) An approval binds to the hash of exactly
 * one revision's title, summary and body; a record whose text does not hash to the approved hash, or that names no
 * revision or no credentialed signing reviewer, is refused rather than rendered, because publishing unreviewed health
 * content is the one failure this pipeline exists to prevent. Markdown is not an XSS defence, so the HTML is produced
 * by Flexmark with raw HTML escaped and then passed through an allowlist sanitizer; only the medical-review byline,
 * built here from escaped text, is appended after sanitizing. Nothing here publishes, reads the clock or knows about
 * Kafka.
 */
package org.vetted.rendering.domain;
