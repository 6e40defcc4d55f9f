package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.vetted.events.DraftSubmitted;

class EventCatalogTest {
    private final EventCatalog catalog = EventCatalog.standard();

    @Test
    void roundTripsAnEventThroughSingleObjectEncoding() {
        DraftSubmitted draft = EventsForTests.draft();
        byte[] bytes = catalog.encode(draft);
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(catalog.decode(bytes)).isEqualTo(draft);
    }

    @Test
    void serializerAndDeserializerAgreeAndPassRawBytesThrough() {
        DraftSubmitted draft = EventsForTests.draft();
        byte[] bytes = new EventSerializer().serialize("t", draft);
        assertThat(new EventDeserializer().deserialize("t", bytes)).isEqualTo(draft);
        byte[] raw = {1, 2, 3};
        assertThat(new EventSerializer().serialize("t", raw)).isSameAs(raw);
    }

    @Test
    void decodesARecordWrittenWithAReleasedSchemaThatDiffersFromTheCurrentOne() {
        // A writer on an older release that lacked the optional "summary" field.
        Schema released = catalog.releasedSchemas(
                        DraftSubmitted.getClassSchema().getFullName())
                .get(0);
        Schema older = withoutField(released, "summary");
        GenericRecord old = new GenericData.Record(older);
        DraftSubmitted current = EventsForTests.draft();
        for (Schema.Field field : older.getFields()) {
            old.put(field.name(), GenericData.get().deepCopy(field.schema(), toGeneric(current, field.name())));
        }
        EventCatalog withOlder = new EventCatalog(java.util.Map.of(released.getFullName(), java.util.List.of(older)));
        byte[] bytes = encode(older, old);

        DraftSubmitted decoded = (DraftSubmitted) withOlder.decode(bytes);

        assertThat(decoded.getSummary()).isNull();
        assertThat(decoded.getTitle()).isEqualTo(current.getTitle());
        assertThat(decoded.getClaims()).hasSize(1);
    }

    @Test
    void decodesADraftWrittenByTheFirstReleaseWhichHadNoSubmitter() {
        Schema v1 = catalog.releasedSchemas(DraftSubmitted.getClassSchema().getFullName())
                .get(0);
        assertThat(v1.getField("submittedBy")).isNull();
        GenericRecord old = new GenericData.Record(v1);
        DraftSubmitted current = EventsForTests.draft();
        for (Schema.Field field : v1.getFields()) {
            old.put(field.name(), GenericData.get().deepCopy(field.schema(), toGeneric(current, field.name())));
        }

        DraftSubmitted decoded = (DraftSubmitted) catalog.decode(encode(v1, old));

        assertThat(decoded.getSubmittedBy()).isNull();
        assertThat(decoded.getContentHash()).isEqualTo(current.getContentHash());
    }

    @Test
    void refusesBytesWithoutTheSingleObjectHeader() {
        assertThatThrownBy(() -> catalog.decode("{\"json\":true}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C3 01");
    }

    @Test
    void refusesAnUnknownWriterSchema() {
        byte[] bytes = catalog.encode(EventsForTests.draft());
        bytes[5] ^= 0x5A;
        assertThatThrownBy(() -> catalog.decode(bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown writer schema");
    }

    @Test
    void refusesATruncatedBody() {
        byte[] bytes = catalog.encode(EventsForTests.draft());
        assertThatThrownBy(() -> catalog.decode(Arrays.copyOf(bytes, 14)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corrupt");
    }

    private static Object toGeneric(DraftSubmitted draft, String field) {
        // Specific records are GenericRecords too; re-encode nested values through the generic model.
        Object value = draft.get(field);
        if (value instanceof java.time.Instant instant) {
            return instant.toEpochMilli();
        }
        return value;
    }

    private static Schema withoutField(Schema schema, String name) {
        java.util.List<Schema.Field> fields = new java.util.ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            if (!field.name().equals(name)) {
                fields.add(new Schema.Field(field, field.schema()));
            }
        }
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static byte[] encode(Schema schema, GenericRecord record) {
        try {
            java.nio.ByteBuffer buffer =
                    new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
