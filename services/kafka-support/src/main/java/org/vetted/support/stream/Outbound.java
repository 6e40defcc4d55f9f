package org.vetted.support.stream;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.Signatures;
import org.vetted.support.signing.Seals;

/**
 * The outbound step of a stream function: the domain's result mapped to its event, sealed with this service's key
 * (the seal covers the finished event, so it is set last) and keyed (each topic of an article's life is keyed by
 * article id, so one article's events stay in order on one partition). The message is the function's output, or what
 * a {@code StreamBridge} sends.
 *
 * @param <I> what the result answers (the consumed event, when the event produced copies from it)
 * @param <R> the domain's result
 * @param <O> the event produced
 */
public final class Outbound<I, R, O extends SpecificRecordBase> {
    private final Seals seals;
    private final BiFunction<? super I, ? super R, ? extends O> toEvent;
    private final Function<? super O, String> key;

    /**
     * @param toEvent builds the event unsealed
     * @param key     the record key of an event, e.g. {@code ArticleRendered::getArticleId}
     */
    public Outbound(
            Seals seals, BiFunction<? super I, ? super R, ? extends O> toEvent, Function<? super O, String> key) {
        this.seals = seals;
        this.toEvent = toEvent;
        this.key = key;
    }

    /** For an event made from the domain's result alone. */
    public static <R, O extends SpecificRecordBase> Outbound<Object, R, O> of(
            Seals seals, Function<? super R, ? extends O> toEvent, Function<? super O, String> key) {
        return new Outbound<>(seals, (in, result) -> toEvent.apply(result), key);
    }

    /**
     * The sealed, keyed event of {@code result} already encoded as the topic carries it (Avro single-object encoding;
     * the contract's serializer passes bytes through unchanged), with this service's detached JWS over exactly those
     * bytes in the {@value Signatures#VALUE_SIGNATURE_HEADER} header. For a public topic: a reader in any language
     * verifies the header over the raw value with a stock JOSE library and the writer's JWK set, before decoding.
     */
    public Message<byte[]> signedBytes(I in, R result) {
        O event = seals.seal(toEvent.apply(in, result));
        byte[] value = EventCatalog.standard().encode(event);
        return MessageBuilder.withPayload(value)
                .setHeader(KafkaHeaders.KEY, key.apply(event))
                // Bytes, so Kafka carries the header as the JWS's ASCII as it is (no JSON type header).
                .setHeader(
                        Signatures.VALUE_SIGNATURE_HEADER,
                        seals.signValue(value).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .build();
    }

    /** The sealed, keyed event of {@code result}. */
    public Message<O> message(I in, R result) {
        O event = seals.seal(toEvent.apply(in, result));
        return MessageBuilder.withPayload(event)
                .setHeader(KafkaHeaders.KEY, key.apply(event))
                .build();
    }
}
