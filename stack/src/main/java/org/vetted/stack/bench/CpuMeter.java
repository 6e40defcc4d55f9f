package org.vetted.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of the processes under measurement: each service of a stack the bench started (by pid), the broker (the
 * bench's other child process), PostgreSQL (its server process and the connections' processes under it), and the
 * bench itself, so a step's figures come with where its cores went. PostgreSQL's per-connection processes that ended
 * between two readings are not counted.
 */
final class CpuMeter {
    private final Map<Long, String> services;
    private final Optional<Long> postgres;

    /** {@code services}: pid → service name; empty when measuring a stack the bench did not start. */
    CpuMeter(Map<Long, String> services) {
        this(services, Optional.empty());
    }

    /** {@code postgres}: the PostgreSQL server's main process, which is not the bench's descendant. */
    CpuMeter(Map<Long, String> services, Optional<Long> postgres) {
        this.services = Map.copyOf(services);
        this.postgres = postgres;
    }

    /** CPU time so far by process group. */
    Map<String, Duration> read() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        Set<Long> counted = new HashSet<>();
        add(cpu, "bench", ProcessHandle.current());
        ProcessHandle.current().descendants().forEach(process -> {
            counted.add(process.pid());
            add(cpu, group(process), process);
        });
        postgres.flatMap(ProcessHandle::of)
                .ifPresent(server -> Stream.concat(Stream.of(server), server.descendants())
                        .filter(process -> counted.add(process.pid()))
                        .forEach(process -> add(cpu, "postgres", process)));
        return cpu;
    }

    private String group(ProcessHandle process) {
        String name = services.get(process.pid());
        if (name != null) {
            return name;
        }
        String command = process.info().command().orElse("");
        return command.contains("postgres") ? "postgres" : command.endsWith("java") ? "broker" : "other";
    }

    private static void add(Map<String, Duration> cpu, String group, ProcessHandle process) {
        process.info().totalCpuDuration().ifPresent(time -> cpu.merge(group, time, Duration::plus));
    }

    /**
     * Each service's peak resident memory (VmHWM, Linux only) in MiB, e.g. "intake 412"; empty where it is unknown.
     */
    String peakResidentMemory() {
        return services.entrySet().stream()
                .sorted(Map.Entry.comparingByValue())
                .map(entry -> {
                    try {
                        for (String line :
                                Files.readAllLines(Path.of("/proc", Long.toString(entry.getKey()), "status"))) {
                            if (line.startsWith("VmHWM:")) {
                                long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                                return entry.getValue() + " " + kib / 1024;
                            }
                        }
                    } catch (IOException | RuntimeException unknown) {
                        // not Linux, or the process ended
                    }
                    return null;
                })
                .filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
    }

    /** Cores each group used between two readings {@code wall} apart, e.g. "intake 0.81, broker 0.20". */
    static String cores(Map<String, Duration> before, Map<String, Duration> after, Duration wall) {
        return after.entrySet().stream()
                .map(entry -> {
                    Duration used = entry.getValue().minus(before.getOrDefault(entry.getKey(), Duration.ZERO));
                    return String.format(
                            Locale.ROOT, "%s %.2f", entry.getKey(), used.toNanos() / (double) wall.toNanos());
                })
                .collect(Collectors.joining(", "));
    }
}
