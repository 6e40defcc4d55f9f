package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code java -jar stack/target/stack.jar bench}, the shipped jar with the shipped service jars, at a tiny size: every
 * step produces every one of its figures, each with a rate, operations and (where it has them) latencies, without
 * errors. No timing is asserted: the figures only have to exist.
 */
@Tag("slow")
class BenchSmokeIT {
    private static final Path SERVICES = Path.of(System.getProperty("vetted.services.dir", "../services"));
    private static final Path ROOT = SERVICES.toAbsolutePath().normalize().getParent();
    private static final Path OUT = Path.of("target", "bench-smoke").toAbsolutePath();

    /** Names of the figures each step makes at the sizes below; the queue's name counts the open revisions. */
    private static final List<String> EXPECTED = List.of(
            "kafka produce, acks=all",
            "kafka consume, read_committed",
            "kafka produce, transactional (100 ms transactions)",
            "kafka produce, one transaction per record",
            "postgres insert+commit, 1 connection",
            "http intake drafts, 1 client",
            "http intake drafts, 2 clients",
            "http review claim decisions, 1 client",
            "http review claim decisions, 2 clients",
            "http review sign-offs, ",
            "pipeline approved→published, full rate",
            "pipeline approved→published, half rate",
            "pipeline approved→published, backlog of 20 drained",
            "projection rebuild, intake's status view",
            "http review queue page, oldest first, * open, 1 client",
            "http review queue page, oldest first, * open, 2 clients",
            "http review queue page, riskiest first, * open, 1 client",
            "http review queue page, riskiest first, * open, 2 clients",
            "http review queue page, title search without a match, * open, 1 client",
            "http review queue page, title search without a match, * open, 2 clients",
            "http review queue page, oldest first, paged through, * open, 1 client",
            "http review queue page, oldest first, paged through, * open, 2 clients",
            "http whole journey (submit, every claim decided, sign-off, published), 1 writer");

    /** Figures without latencies: a consumer's and a projection's rate count records, not operations one waits on. */
    private static final List<String> WITHOUT_LATENCY =
            List.of("kafka consume, read_committed", "projection rebuild, intake's status view");

    @Test
    void everyStepProducesEveryFigure() throws Exception {
        Files.createDirectories(OUT);
        try (Stream<Path> earlier = Files.list(OUT)) {
            for (Path file : earlier.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.delete(file);
            }
        }
        Path log = OUT.resolve("bench.log");
        Process bench = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        ROOT.resolve("stack/target/stack.jar").toString(),
                        "bench",
                        "--services-dir",
                        SERVICES.toAbsolutePath().toString(),
                        "--out",
                        OUT.toString(),
                        "--steps",
                        "kafka,postgres,intake,review,pipeline,projection,queue,journey",
                        "--warm-up",
                        "PT0.5S",
                        "--duration",
                        "PT1S",
                        "--clients",
                        "1,2",
                        "--db-connections",
                        "1",
                        "--in-flight",
                        "4",
                        "--backlog",
                        "20",
                        "--projection-records",
                        "200",
                        "--queue-articles",
                        "200",
                        "--journey-writers",
                        "1",
                        "--journey-duration",
                        "PT5S",
                        "--min-operations",
                        "1",
                        "--review-articles",
                        "10",
                        "--sign-offs",
                        "2")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = bench.waitFor(8, TimeUnit.MINUTES);
        if (!ended) {
            bench.destroy(); // SIGTERM: its shutdown hook stops the services, PostgreSQL and the broker
            if (!bench.waitFor(1, TimeUnit.MINUTES)) {
                bench.descendants().forEach(ProcessHandle::destroyForcibly);
                bench.destroyForcibly();
            }
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("bench ended within 8 minutes:%n%s", output).isTrue();
        assertThat(bench.exitValue()).as("bench's exit code:%n%s", output).isZero();

        JsonNode report = new ObjectMapper().readTree(onlyReport().toFile());
        List<JsonNode> figures = new ArrayList<>();
        report.get("figures").forEach(figures::add);
        List<String> names = figures.stream().map(f -> f.get("name").asString()).toList();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(figures).as("figures: %s", names).hasSize(EXPECTED.size());
        for (String expected : EXPECTED) {
            soft.assertThat(names)
                    .as("a figure named %s among %s", expected, names)
                    .anyMatch(name -> matches(expected, name));
        }
        for (JsonNode figure : figures) {
            String name = figure.get("name").asString();
            soft.assertThat(figure.get("perSecond").asDouble())
                    .as("%s: rate", name)
                    .isPositive();
            soft.assertThat(figure.get("operations").asLong()).as("%s: n", name).isPositive();
            soft.assertThat(figure.get("errors").asLong())
                    .as("%s: errors", name)
                    .isZero();
            soft.assertThat(figure.get("unit").asString()).as("%s: unit", name).isNotBlank();
            if (WITHOUT_LATENCY.stream().noneMatch(name::startsWith)) {
                soft.assertThat(figure.get("p50Millis").isNumber())
                        .as("%s: p50", name)
                        .isTrue();
                soft.assertThat(figure.get("p99Millis").isNumber())
                        .as("%s: p99", name)
                        .isTrue();
            }
            if (!figure.get("baseline").isNull()) {
                soft.assertThat(names)
                        .as("%s: its baseline was measured", name)
                        .contains(figure.get("baseline").asString());
                soft.assertThat(figure.get("ratioToBaseline").isNumber())
                        .as("%s: ratio", name)
                        .isTrue();
            }
        }
        soft.assertThat(report.get("notes").size()).as("notes").isPositive();
        List<String> cpuNotes = new ArrayList<>();
        report.get("notes").forEach(note -> {
            if (note.asString().startsWith("CPU cores used during")) {
                cpuNotes.add(note.asString());
            }
        });
        soft.assertThat(cpuNotes).as("a note of where each step's cores went").isNotEmpty();
        // PostgreSQL detaches from the bench that starts it, so it is counted from its own process.
        cpuNotes.forEach(note -> soft.assertThat(note)
                .as("every process of the stack in the CPU note")
                .contains("broker ", "postgres ", "intake ", "review ", "rendering ", "distribution "));
        soft.assertThat(output).as("the printed table").contains("| figure | rate/s |");
        soft.assertAll();
    }

    private static boolean matches(String expected, String name) {
        if (expected.contains("*")) {
            String[] parts = expected.split("\\*", 2);
            return name.startsWith(parts[0]) && name.endsWith(parts[1]);
        }
        return name.startsWith(expected); // the pipeline's names go on with the rate in flight or offered
    }

    private static Path onlyReport() throws IOException {
        try (Stream<Path> files = Files.list(OUT)) {
            List<Path> reports =
                    files.filter(file -> file.toString().endsWith(".json")).toList();
            assertThat(reports).as("one JSON report in %s", OUT).hasSize(1);
            return reports.get(0);
        }
    }
}
