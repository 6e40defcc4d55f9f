package org.vetted.contract;

import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for every event of the contract. Wrap it in Spring Kafka's
 * ErrorHandlingDeserializer: a record it refuses must go to a dead-letter topic, not block its partition.
 */
public class EventDeserializer implements Deserializer<SpecificRecordBase> {
    private final EventCatalog catalog = EventCatalog.standard();

    @Override
    public SpecificRecordBase deserialize(String topic, byte[] data) {
        return data == null ? null : catalog.decode(data);
    }
}
