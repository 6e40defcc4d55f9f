package org.vetted.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {
    private static final Schema V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "Note", "fields": [{"name": "text", "type": "string"}]}""");
    private static final Schema V2 = new Schema.Parser().parse("""
            {"type": "record", "name": "Note", "fields": [{"name": "text", "type": "string"},
             {"name": "tags", "type": {"type": "array", "items": "string"}, "default": []},
             {"name": "source", "type": ["null", "string"], "default": null}]}""");

    @Test
    void aFieldAddedLaterAtItsDefaultReadsAsTheOldRecordDid() {
        GenericRecord old = new GenericData.Record(V1);
        old.put("text", "Walking helps.");
        GenericRecord decodedWithV2 = new GenericData.Record(V2);
        decodedWithV2.put("text", "Walking helps.");
        decodedWithV2.put("tags", List.of());
        decodedWithV2.put("source", null);

        assertThat(CanonicalForm.of("p", decodedWithV2, List.of())).isEqualTo(CanonicalForm.of("p", old, List.of()));

        decodedWithV2.put("source", "NIH");
        assertThat(CanonicalForm.of("p", decodedWithV2, List.of())).isNotEqualTo(CanonicalForm.of("p", old, List.of()));
    }

    @Test
    void textCannotMoveBetweenFields() {
        GenericRecord one = new GenericData.Record(V2);
        one.put("text", "a");
        one.put("tags", List.of("b", "c"));
        GenericRecord other = new GenericData.Record(V2);
        other.put("text", "a");
        other.put("tags", List.of("b\n1:sc"));

        assertThat(CanonicalForm.of("p", one, List.of())).isNotEqualTo(CanonicalForm.of("p", other, List.of()));
        assertThat(CanonicalForm.of("p", one, List.of())).isNotEqualTo(CanonicalForm.of("q", one, List.of()));
    }
}
