package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaValidatorBuilder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Holds every event schema compatible, both ways, with every version of it ever released. */
class SchemaEvolutionTest {
    static List<Class<? extends SpecificRecordBase>> events() {
        return EventCatalog.EVENTS;
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventHasAReleasedSchema(Class<? extends SpecificRecordBase> event) {
        Schema current = SpecificData.get().getSchema(event);
        assertThat(EventCatalog.standard().releasedSchemas(current.getFullName()))
                .isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void theCurrentSchemaIsReleased(Class<? extends SpecificRecordBase> event) {
        // A schema that is written but not released could not be read by a consumer built from the released set.
        Schema current = SpecificData.get().getSchema(event);
        assertThat(EventCatalog.standard().releasedSchemas(current.getFullName()))
                .as("add %s as the next released version", current.getName())
                .extracting(SchemaNormalization::parsingFingerprint64)
                .contains(SchemaNormalization.parsingFingerprint64(current));
    }

    @ParameterizedTest
    @MethodSource("events")
    void currentSchemaReadsAndIsReadByEveryReleasedSchema(Class<? extends SpecificRecordBase> event) {
        Schema current = SpecificData.get().getSchema(event);
        List<Schema> released = EventCatalog.standard().releasedSchemas(current.getFullName());
        assertThatCode(() -> new SchemaValidatorBuilder()
                        .mutualReadStrategy()
                        .validateAll()
                        .validate(current, released))
                .doesNotThrowAnyException();
    }
}
