/**
 * Signed webhooks (the Standard Webhooks scheme) for downstream sites that run no Kafka consumer: which events exist,
 * the signing secrets and signatures, the retry schedule, which addresses a webhook may go to, and what a
 * subscription may ask for. Plain Java: no clock is read here (times are handed in), no network is touched (addresses
 * are handed in resolved).
 */
package org.vetted.distribution.domain.webhooks;
