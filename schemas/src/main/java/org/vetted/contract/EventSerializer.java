package org.vetted.contract;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka value serializer for every event of the contract. Raw bytes pass through unchanged, so the same
 * serializer serves dead-letter records that carry the original, undecodable value.
 */
public class EventSerializer implements Serializer<Object> {
    private final EventCatalog catalog = EventCatalog.standard();

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof SpecificRecordBase event) {
            return catalog.encode(event);
        }
        throw new IllegalArgumentException("cannot serialize " + data.getClass().getName() + " to " + topic);
    }
}
