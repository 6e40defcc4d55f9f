package org.vetted.stack.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** The figures of one run, each compared with its raw baseline: printed as a Markdown table, written as JSON. */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Instant startedAt;
    private final Map<String, String> setup;
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** {@code setup}: what the run was (durations, clients, machine), kept in the JSON as given. */
    public BenchReport(Instant startedAt, Map<String, String> setup) {
        this.startedAt = startedAt;
        this.setup = new LinkedHashMap<>(setup);
    }

    public synchronized BenchReport add(Figure figure) {
        if (figures.putIfAbsent(figure.name(), figure) != null) {
            throw new IllegalArgumentException("two figures named " + figure.name());
        }
        return this;
    }

    /** Something a reader of the figures must know (a step skipped, errors seen). */
    public synchronized BenchReport note(String note) {
        notes.add(note);
        return this;
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures.values());
    }

    /** The figure's rate over its baseline's, empty for a raw figure or when the baseline was not measured. */
    public synchronized OptionalDouble ratio(Figure figure) {
        if (figure.baseline() == null) {
            return OptionalDouble.empty();
        }
        Figure baseline = figures.get(figure.baseline());
        if (baseline == null || !(baseline.perSecond() > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(figure.perSecond() / baseline.perSecond());
    }

    /** A Markdown table, one row per figure in the order measured. */
    public synchronized String table() {
        StringBuilder out = new StringBuilder();
        out.append("| figure | rate/s | p50 ms | p99 ms | n | errors | ratio to baseline |\n");
        out.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Figure figure : figures.values()) {
            OptionalDouble ratio = ratio(figure);
            out.append("| ")
                    .append(figure.name())
                    .append(" | ")
                    .append(rate(figure.perSecond()))
                    .append(' ')
                    .append(figure.unit())
                    .append(" | ")
                    .append(millis(figure.p50Millis()))
                    .append(" | ")
                    .append(millis(figure.p99Millis()))
                    .append(" | ")
                    .append(figure.operations())
                    .append(" | ")
                    .append(figure.errors())
                    .append(" | ")
                    .append(
                            figure.baseline() == null
                                    ? "(baseline)"
                                    : ratio.isPresent()
                                            ? String.format(
                                                    Locale.ROOT, "%.4f × %s", ratio.getAsDouble(), figure.baseline())
                                            : "– (" + figure.baseline() + " not measured)")
                    .append(" |\n");
        }
        for (String note : notes) {
            out.append("\n- ").append(note);
        }
        if (!notes.isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    /** The run as JSON: when, how, every figure with its ratio (null when it has none), and the notes. */
    public synchronized String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("startedAt", startedAt.toString());
        ObjectNode setupNode = root.putObject("setup");
        setup.forEach(setupNode::put);
        ArrayNode rows = root.putArray("figures");
        for (Figure figure : figures.values()) {
            ObjectNode row = rows.addObject();
            row.put("name", figure.name());
            row.put("unit", figure.unit());
            row.put("perSecond", figure.perSecond());
            putNumber(row, "p50Millis", figure.p50Millis());
            putNumber(row, "p99Millis", figure.p99Millis());
            row.put("operations", figure.operations());
            row.put("errors", figure.errors());
            row.put("baseline", figure.baseline());
            OptionalDouble ratio = ratio(figure);
            if (ratio.isPresent()) {
                row.put("ratioToBaseline", ratio.getAsDouble());
            } else {
                row.putNull("ratioToBaseline");
            }
        }
        ArrayNode noteNodes = root.putArray("notes");
        notes.forEach(noteNodes::add);
        try {
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@link #json()} to {@code dir/<startedAt>.json} (colons left out, for every file system). */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(startedAt.toString().replace(":", "") + ".json");
        Files.writeString(file, json());
        return file;
    }

    // JSON has no NaN: a figure without latencies has null there.
    private static void putNumber(ObjectNode row, String field, double value) {
        if (Double.isNaN(value)) {
            row.putNull(field);
        } else {
            row.put(field, value);
        }
    }

    private static String rate(double perSecond) {
        return perSecond >= 100
                ? String.format(Locale.ROOT, "%,.0f", perSecond)
                : String.format(Locale.ROOT, "%.2f", perSecond);
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }
}
