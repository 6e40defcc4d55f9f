package org.vetted.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.vetted.events.DraftSubmitted;

/**
 * {@code released/fingerprints.txt} names the CRC-64-AVRO fingerprint of every released schema's Parsing Canonical
 * Form, for consumers in other languages to pick the writer schema by the 8 bytes after {@code C3 01}. It must list
 * exactly the schemas of {@code index.txt}, in that order, with their current fingerprints.
 */
class FingerprintsTest {
    static final String FILE = "org/vetted/events/released/fingerprints.txt";

    @Test
    void everyReleasedSchemaIsListedWithItsFingerprint() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String file : lines(EventCatalog.RELEASED_INDEX)) {
            try (InputStream in = resource("org/vetted/events/released/" + file)) {
                Schema schema = new Schema.Parser().parse(in);
                long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
                expected.add(file + " " + wire(fingerprint) + " " + String.format("%016x", fingerprint));
            }
        }

        assertThat(lines(FILE))
                .as("%s is stale; its lines should be:%n%s", FILE, String.join("\n", expected))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void theWireColumnIsWhatFollowsC301InAnEncodedRecord() throws IOException {
        byte[] encoded = EventCatalog.standard().encode(EventsForTests.draft());
        String written = HexFormat.of().formatHex(Arrays.copyOfRange(encoded, 2, 10));
        long current = SchemaNormalization.parsingFingerprint64(DraftSubmitted.getClassSchema());

        assertThat(HexFormat.of().formatHex(encoded, 0, 2)).isEqualTo("c301");
        assertThat(written).isEqualTo(wire(current));
        assertThat(lines(FILE))
                .anySatisfy(
                        line -> assertThat(line).startsWith("DraftSubmitted.v").contains(" " + written + " "));
    }

    /** The fingerprint as single-object encoding writes it: 8 bytes, little-endian, in hex. */
    private static String wire(long fingerprint) {
        return HexFormat.of()
                .formatHex(ByteBuffer.allocate(8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(fingerprint)
                        .array());
    }

    private static List<String> lines(String path) throws IOException {
        try (InputStream in = resource(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.replaceAll("\\s+", " "))
                    .toList();
        }
    }

    private static InputStream resource(String path) {
        InputStream in = FingerprintsTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(in).as("missing %s", path).isNotNull();
        return in;
    }
}
