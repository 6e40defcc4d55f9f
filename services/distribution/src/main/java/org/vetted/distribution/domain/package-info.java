/**
 * Distribution decides what goes public and what a reader sees. It trusts no upstream service blindly: the messaging
 * edge first verifies review's seal on the approval and rendering's seal on the rendering with its exact HTML (keyed
 * seals no topic writer can forge), seals what it publishes, and serves only sealed publications; before an article is published it checks once more that the approval covers exactly the source that
 * was rendered (the source hashes to the approved hash, the renderer's source hash is that hash, and the approval is
 * for this revision), because article.published is the public contract and the last point where unreviewed text can be
 * stopped. It then fixes the public summary (the writer's, else the first paragraph as plain text) and the URL. The
 * public pages and feed are a projection of the committed article.published topic in which the latest revision of each
 * article wins, replays are harmless and a slug keeps serving the article that first held it. Nothing here reads the
 * clock or knows about Kafka.
 */
package org.vetted.distribution.domain;
