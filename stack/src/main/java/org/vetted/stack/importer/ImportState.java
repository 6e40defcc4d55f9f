package org.vetted.stack.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What earlier runs imported, one JSON line per accepted file (path, content hash, the article it went to): so an
 * edited file becomes the next revision of the article its first version made, not a second article. Append-only, so
 * an interrupted run loses at most the line it was writing (a torn last line is ignored); the last line of a path
 * wins.
 */
public final class ImportState implements AutoCloseable {
    /** One file's import: {@code target} is the article it was sent as a revision of, null if it made one. */
    public record Entry(String path, String sha256, String target, String articleId, Integer revision) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Entry> entries = new HashMap<>();
    private final BufferedWriter out;

    private ImportState(BufferedWriter out) {
        this.out = out;
    }

    public static ImportState open(Path file) throws IOException {
        Map<String, Entry> read = new HashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Entry entry = JSON.readValue(line, Entry.class);
                    if (entry.path() != null && entry.sha256() != null && entry.articleId() != null) {
                        read.put(entry.path(), entry);
                    }
                } catch (IOException torn) {
                    // a line cut short by an interrupted run: the file is sent again, and its key finds the answer
                }
            }
        }
        ImportState state = new ImportState(Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        state.entries.putAll(read);
        return state;
    }

    public synchronized Optional<Entry> get(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    public synchronized void put(Entry entry) {
        if (entry.equals(entries.get(entry.path()))) {
            return;
        }
        entries.put(entry.path(), entry);
        try {
            out.write(JSON.writeValueAsString(entry));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the import state", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
