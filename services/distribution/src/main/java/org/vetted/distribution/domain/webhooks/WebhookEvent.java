package org.vetted.distribution.domain.webhooks;

import java.time.Instant;

/**
 * An event as every subscriber to its type receives it: the JSON body is made once, when the event is queued, so
 * every attempt sends (and signs) the same bytes.
 *
 * @param eventId    the id of the signed record it comes from: with the subscription, the delivery's identity
 * @param articleId  deliveries of one article to one subscriber go out in the order queued
 * @param occurredAt when it happened (the payload's timestamp); subscriptions made later do not receive it
 * @param body       {@code {"type": ..., "timestamp": ..., "data": {...}}}
 */
public record WebhookEvent(String eventId, String articleId, EventType type, Instant occurredAt, String body) {}
