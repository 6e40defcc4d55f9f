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
 * Jackson types here, nor use cases or adapters.
 * <p>
 * By theme: {@code drafts} (reading a submission: parsers, normal form, limits, the reading budget, the rules,
 * numbering and slugs), {@code claims} (candidate claims and experts in a body, the lexicon and the English models),
 * {@code articles} (the article events and the status view folded from them) and {@code accounts} (who may sign in
 * and whom a draft credits).
 */
package org.vetted.intake.domain;
