/**
 * Intake's use cases and the ports they need, in plain Java wired in {@code config}: {@link
 * org.vetted.intake.app.DraftSubmissions} (read, number, publish and record a draft) over {@link
 * org.vetted.intake.app.ArticleRegistry} (the articles' view and the bookkeeping of slugs and numbers, kept by
 * {@code store}, which keeps each event's signed record and reads it back through {@link
 * org.vetted.intake.app.ArticleRecords}) and {@link org.vetted.intake.app.DraftPublisher} (the DraftSubmitted event,
 * sent by {@code messaging}). Ports carry domain types, and records only as opaque signed bytes, so the Avro contract
 * and the transports stay in the adapters.
 */
package org.vetted.intake.app;
