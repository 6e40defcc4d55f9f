package org.vetted.distribution.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.support.signing.Seals;

/**
 * The records of the public topic, article.published (distribution's alone). Written: what every record carries
 * besides its value, the header {@link Topics#EVENT_TYPE_HEADER} with the record's simple name (raw UTF-8 bytes, so
 * the binder's header mapper writes it as is), so that a consumer can skip a type it does not know before decoding.
 * Read ({@link #read}): the raw value decoded, and the {@code vetted-signature} header checked over exactly those bytes,
 * as a downstream site does.
 */
public final class PublicRecords {
    private PublicRecords() {}

    /**
     * A record of the public topic as read.
     *
     * @param record  the decoded event (its seal is still to be checked)
     * @param problem why its {@code vetted-signature} header is not distribution's over the value, when it is there and
     *                is not; empty also for records written before the header existed, judged by their seal alone
     */
    public record Read(SpecificRecordBase record, Optional<String> problem) {}

    /** {@code message}: the encoded, signed value ({@code Outbound.signedBytes}); its record names the type. */
    static Message<byte[]> typed(Message<byte[]> message) {
        String type =
                EventCatalog.standard().decode(message.getPayload()).getClass().getSimpleName();
        return MessageBuilder.fromMessage(message)
                .setHeader(Topics.EVENT_TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /**
     * The raw value of {@code raw} decoded and its header checked; a value that is missing or does not decode is
     * poison ({@code "<notDone>: <reason>"}), to be dead-lettered as the contract's deserializer did.
     */
    public static Read read(Message<byte[]> raw, Seals seals, String notDone) {
        if (!(((Message<?>) raw).getPayload() instanceof byte[] value)) {
            throw new PoisonEventException(notDone + ": a record of article.published without a value");
        }
        SpecificRecordBase record;
        try {
            record = EventCatalog.standard().decode(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(notDone + ": " + e.getMessage());
        }
        Optional<String> problem = signatureHeader(raw)
                .flatMap(header -> seals.valueProblem(Issuer.DISTRIBUTION, header, value))
                .map(why -> "its " + Signatures.VALUE_SIGNATURE_HEADER + " header is not distribution's: " + why);
        return new Read(record, problem);
    }

    /** The header as the binder maps it: the JWS's bytes from Kafka, or a string from the test binder. */
    static Optional<String> signatureHeader(Message<?> message) {
        Object header = message.getHeaders().get(Signatures.VALUE_SIGNATURE_HEADER);
        if (header instanceof byte[] bytes) {
            return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
        }
        return Optional.ofNullable(header).map(Object::toString);
    }
}
