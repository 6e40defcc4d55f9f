package org.vetted.distribution.messaging;

import java.nio.charset.StandardCharsets;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;

/**
 * What every record distribution writes to the public topic carries besides its value: the header
 * {@link Topics#EVENT_TYPE_HEADER} with the record's simple name (raw UTF-8 bytes, so the binder's header mapper
 * writes it as is), so that a consumer can skip a type it does not know before decoding.
 */
final class PublicRecords {
    private PublicRecords() {}

    /** {@code message}: the encoded, signed value ({@code Outbound.signedBytes}); its record names the type. */
    static Message<byte[]> typed(Message<byte[]> message) {
        String type =
                EventCatalog.standard().decode(message.getPayload()).getClass().getSimpleName();
        return MessageBuilder.fromMessage(message)
                .setHeader(Topics.EVENT_TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
