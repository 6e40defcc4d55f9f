package org.vetted.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {
    private static final Instant STARTED = Instant.parse("2026-12-07T09:30:00Z");

    private static Latencies ofMillis(long... millis) {
        Latencies latencies = new Latencies();
        for (long m : millis) {
            latencies.add(m * 1_000_000);
        }
        return latencies;
    }

    private static BenchReport report() {
        return new BenchReport(STARTED, Map.of("duration", "PT5S"))
                .add(Figure.of("kafka", "records", 40_000, 0, 5, null, null))
                .add(Figure.of("drafts, 16 clients", "drafts", 100, 2, 5, ofMillis(10, 20, 30), "kafka"))
                .add(Figure.of("pipeline", "articles", 10, 0, 5, ofMillis(100), "absent"));
    }

    @Test
    void aFigureIsItsOperationsOverItsWindowWithItsPercentiles() {
        Figure figure = Figure.of("x", "drafts", 100, 2, 5, ofMillis(10, 20, 30), null);
        assertEquals(20.0, figure.perSecond());
        assertEquals(20.0, figure.p50Millis());
        assertEquals(30.0, figure.p99Millis());
        assertEquals(2, figure.errors());
        assertTrue(Double.isNaN(Figure.of("y", "records", 1, 0, 1, null, null).p99Millis()));
        assertThrows(IllegalArgumentException.class, () -> Figure.of("z", "records", 1, 0, 0, null, null));
    }

    @Test
    void theRatioIsTheRateOverTheBaselinesRate() {
        BenchReport report = report();
        assertEquals(20.0 / 8000.0, report.ratio(report.figures().get(1)).getAsDouble(), 1e-12);
        assertFalse(report.ratio(report.figures().get(0)).isPresent(), "a baseline has no ratio");
        assertFalse(report.ratio(report.figures().get(2)).isPresent(), "a baseline not measured gives none");
    }

    @Test
    void theTableHasARowPerFigureInOrderWithRatiosAndDashesForMissingLatencies() {
        String[] lines = report().note("the machine was shared").table().split("\n");
        assertEquals("| figure | rate/s | p50 ms | p99 ms | n | errors | ratio to baseline |", lines[0]);
        assertEquals("| kafka | 8,000 records | – | – | 40000 | 0 | (baseline) |", lines[2]);
        assertEquals("| drafts, 16 clients | 20.00 drafts | 20.0 | 30.0 | 100 | 2 | 0.0025 × kafka |", lines[3]);
        assertEquals("| pipeline | 2.00 articles | 100.0 | 100.0 | 10 | 0 | – (absent not measured) |", lines[4]);
        assertEquals("- the machine was shared", lines[6]);
    }

    @Test
    void twoFiguresCannotShareAName() {
        assertThrows(
                IllegalArgumentException.class, () -> report().add(Figure.of("kafka", "records", 1, 0, 1, null, null)));
    }

    @Test
    void theJsonHoldsTheSetupEveryFigureWithItsRatioAndNullsForWhatIsMissing(@TempDir Path dir) throws Exception {
        Path file = report().note("n1").write(dir);
        assertEquals("2026-12-07T093000Z.json", file.getFileName().toString());
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertEquals("2026-12-07T09:30:00Z", json.get("startedAt").asText());
        assertEquals("PT5S", json.get("setup").get("duration").asText());
        JsonNode figures = json.get("figures");
        assertEquals(3, figures.size());
        assertEquals("kafka", figures.get(0).get("name").asText());
        assertEquals(8000.0, figures.get(0).get("perSecond").asDouble());
        assertTrue(figures.get(0).get("p50Millis").isNull());
        assertTrue(figures.get(0).get("baseline").isNull());
        assertTrue(figures.get(0).get("ratioToBaseline").isNull());
        assertEquals(0.0025, figures.get(1).get("ratioToBaseline").asDouble(), 1e-12);
        assertEquals(30.0, figures.get(1).get("p99Millis").asDouble());
        assertEquals(2, figures.get(1).get("errors").asLong());
        assertTrue(figures.get(2).get("ratioToBaseline").isNull());
        assertEquals("n1", json.get("notes").get(0).asText());
    }
}
