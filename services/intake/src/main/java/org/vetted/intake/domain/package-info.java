/**
 * What intake decides: whether a pasted, Markdown or HTML draft is a well-formed revision of an article (title, body,
 * tags, summary within limits), what its Markdown body, slug, revision number, authors and content hash are, and which
 * of its sentences are candidate health claims and who it quotes as experts. It decides this before anything is
 * published because every later step binds to it: reviewers approve claims by their stable ids and sign off the
 * exact content hash, so intake must produce the same text, ids and hash for the same input, every time. It also
 * keeps the writers' view of each article's status, projected from every article event. Hostile text is refused here,
 * at the door, with the line it is on: control characters and structure nested deeper than any article needs; and
 * reading any draft takes linear time, with a budget as the safety net, so no input can hold a thread. Plain Java only (OpenNLP,
 * SnakeYAML, jsoup and Flexmark's HTML converter are libraries of text, not of transport): no Spring, Kafka, Avro or
 * Jackson types here.
 */
package org.vetted.intake.domain;
