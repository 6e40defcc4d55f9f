package org.vetted.support.stream;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.PoisonEventException;

/**
 * Records a batch listener reads as raw bytes (the binding's value deserializer is Kafka's byte-array one) and
 * decodes itself: a value that does not decode is then an ordinary poison record, dead-lettered in the batch's
 * transaction with its original bytes and the reason, instead of a value the container's deserializer left empty.
 */
public final class RawRecords {

    /**
     * The record's event: decoded from its bytes (a record that is already an event, from the test binder, as it is);
     * poison ({@code "<notDone>: <reason>"}) when there is no value, it does not decode, or it is not a {@code type}.
     */
    public static <E> Message<E> decode(Message<?> record, Class<E> type, String notDone) {
        Object payload = record.getPayload();
        if (payload instanceof byte[] bytes) {
            try {
                payload = EventCatalog.standard().decode(bytes);
            } catch (IllegalArgumentException e) {
                throw new PoisonEventException(notDone + ": " + e.getMessage());
            }
        }
        if (!type.isInstance(payload)) {
            throw new PoisonEventException(notDone + ": not a " + type.getSimpleName() + " ("
                    + (payload == null ? "no value" : payload.getClass().getSimpleName()) + ")");
        }
        return MessageBuilder.createMessage(type.cast(payload), record.getHeaders());
    }

    private RawRecords() {}
}
