package org.vetted.stack.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports a folder of drafts through intake's {@code POST /api/drafts}, each file with an {@link ImportKey}, so a
 * second run is answered with what the first made. Files are read and judged before anything is sent; only 429, 5xx
 * and broken connections are retried (a 4xx is intake's verdict on the draft and would be the same again).
 */
public final class Importer {
    /** Intake's request body limit (DraftController.MAX_REQUEST_BYTES). */
    public static final int MAX_BYTES = 256 * 1024;

    static final Map<String, String> TYPES = Map.of(
            "md", "text/markdown",
            "markdown", "text/markdown",
            "txt", "text/plain",
            "html", "text/html",
            "htm", "text/html");

    /** Whitespace and the invisible characters intake removes: a file of only these is empty. */
    private static final Pattern BLANK =
            Pattern.compile("[\\p{IsWhite_Space}\\p{Cf}\\x{034F}\\x{115F}\\x{1160}\\x{3164}\\x{FFA0}"
                    + "\\x{180B}-\\x{180F}\\x{FE00}-\\x{FE0F}\\x{E0100}-\\x{E01EF}]*");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Waits between attempts; tests pass one that records instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final URI intake;
    private final String authorization;
    private final HttpClient http;
    private final int concurrency;
    private final int attempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Sleeper sleeper;
    private volatile String signInRefused;

    public Importer(
            URI intake,
            String user,
            char[] password,
            int concurrency,
            int attempts,
            Duration firstBackoff,
            Duration maxBackoff,
            Sleeper sleeper) {
        if (concurrency < 1 || attempts < 1) {
            throw new IllegalArgumentException("concurrency and attempts must be at least 1");
        }
        this.intake = intake;
        // Basic as intake's API takes it; the password lives only in this header.
        byte[] credentials = (user + ":" + new String(password)).getBytes(StandardCharsets.UTF_8);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(credentials);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.concurrency = concurrency;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.sleeper = sleeper;
    }

    /** Every file under {@code folder} (hidden ones and links left out), in path order, each with its outcome. */
    public List<Outcome> run(Path folder, ImportState state, Progress progress)
            throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(path -> !path.equals(folder))
                    .filter(path -> !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing(path -> relative(folder, path)))
                    .toList();
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<Path> drafts = new ArrayList<>();
        for (Path file : files) {
            String name = relative(folder, file);
            if (hidden(name)) {
                continue; // the state file, .git, editors' backups
            }
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                outcomes.add(Outcome.ignored(name, "not a regular file (a link or a device)"));
            } else if (type(name).isEmpty()) {
                outcomes.add(Outcome.ignored(name, "not a draft: only .md, .txt and .html are imported"));
            } else {
                drafts.add(file);
            }
        }
        progress.start(drafts.size());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Outcome>> pending = new ArrayList<>();
            for (Path file : drafts) {
                pending.add(pool.submit(() -> {
                    Outcome outcome = importFile(folder, file, state);
                    progress.done(outcome);
                    return outcome;
                }));
            }
            for (Future<Outcome> future : pending) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("importing a file failed unexpectedly", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        outcomes.sort(Comparator.comparing(Outcome::file));
        return outcomes;
    }

    Outcome importFile(Path folder, Path file, ImportState state) throws InterruptedException {
        String name = relative(folder, file);
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return Outcome.skipped(name, "too large: " + size + " bytes; intake takes at most " + MAX_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return Outcome.skipped(name, "unreadable: " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            return Outcome.skipped(name, "too large: " + bytes.length + " bytes; intake takes at most " + MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return Outcome.skipped(name, "not UTF-8 text; convert it to UTF-8 first");
        }
        if (BLANK.matcher(text).matches()) {
            return Outcome.skipped(name, "empty (nothing but whitespace or invisible characters)");
        }
        if (signInRefused != null) {
            return Outcome.failed(name, "not sent: " + signInRefused);
        }
        String sha256 = ImportKey.contentHash(bytes);
        Optional<ImportState.Entry> before = state.get(name);
        // The same content goes where it went before (so the key's request is the same again); an edited file becomes
        // the next revision of the article its earlier version made.
        String target = before.map(entry -> entry.sha256().equals(sha256) ? entry.target() : entry.articleId())
                .orElse(null);
        String drafts = intake.toString().replaceAll("/+$", "") + "/api/drafts";
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        target == null
                                ? drafts
                                : drafts + "?articleId=" + URLEncoder.encode(target, StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization)
                .header("Content-Type", type(name).orElseThrow() + "; charset=UTF-8")
                .header("Accept", "application/json, application/problem+json")
                .header("Idempotency-Key", ImportKey.of(name, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        String lastFailure = null;
        long retryAfterSeconds = 0;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                sleeper.sleep(backoff(attempt - 1, retryAfterSeconds));
            }
            retryAfterSeconds = 0;
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                lastFailure = "no answer from " + intake + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
                continue;
            }
            int status = response.statusCode();
            if (status == 202) {
                return accepted(name, sha256, target, response, state);
            }
            if (status == 303) {
                return replayed(name, sha256, target, response, before, state);
            }
            String reason = "HTTP " + status + ": " + problem(response.body());
            if (status == 429 || status >= 500) {
                lastFailure = reason;
                retryAfterSeconds = retryAfter(response);
                continue;
            }
            if (status == 401) {
                signInRefused = "intake refused the sign-in (401); check the user and password";
                return Outcome.failed(name, signInRefused);
            }
            return Outcome.failed(name, reason);
        }
        return Outcome.failed(name, lastFailure + " (after " + attempts + " attempts)");
    }

    private Outcome accepted(
            String name, String sha256, String target, HttpResponse<String> response, ImportState state) {
        String articleId;
        int revision;
        try {
            JsonNode body = JSON.readTree(response.body());
            articleId = body.path("articleId").asText(null);
            revision = body.path("revision").asInt();
        } catch (IOException e) {
            articleId = null;
            revision = 0;
        }
        if (articleId == null) {
            articleId = fromLocation(response).orElse("?");
        }
        state.put(new ImportState.Entry(name, sha256, target, articleId, revision == 0 ? null : revision));
        return Outcome.accepted(
                name,
                target == null ? Outcome.Kind.CREATED : Outcome.Kind.REVISED,
                articleId,
                revision == 0 ? null : revision);
    }

    private static Outcome replayed(
            String name,
            String sha256,
            String target,
            HttpResponse<String> response,
            Optional<ImportState.Entry> before,
            ImportState state) {
        String articleId = fromLocation(response).orElse("?");
        // Intake's replay names the article; the revision is the one the first run noted, if this machine has it.
        Integer revision = before.filter(entry -> entry.sha256().equals(sha256))
                .map(ImportState.Entry::revision)
                .orElse(null);
        state.put(new ImportState.Entry(name, sha256, target, articleId, revision));
        return Outcome.accepted(name, Outcome.Kind.ALREADY_IMPORTED, articleId, revision);
    }

    private static Optional<String> fromLocation(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .map(location -> location.substring(location.lastIndexOf('/') + 1))
                .filter(id -> !id.isBlank());
    }

    /** Doubling from the first backoff with full jitter, capped; a server's Retry-After (seconds) wins if longer. */
    Duration backoff(int retry, long retryAfterSeconds) {
        long cap = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(retry - 1, 20));
        long millis = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
        return Duration.ofMillis(Math.max(millis, Math.min(retryAfterSeconds * 1000, maxBackoff.toMillis())));
    }

    /** Retry-After in seconds (intake sends 2 while replaying); an HTTP date or nonsense counts as none. */
    private static long retryAfter(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Retry-After")
                .filter(value -> value.matches("\\d{1,6}"))
                .map(Long::parseLong)
                .orElse(0L);
    }

    /** The problem+json's field errors ("body: reason"), else its detail, else its title. */
    static String problem(String body) {
        if (body == null || body.isBlank()) {
            return "no details";
        }
        try {
            JsonNode problem = JSON.readTree(body);
            List<String> errors = new ArrayList<>();
            for (JsonNode error : problem.path("errors")) {
                String field = error.path("field").asText("");
                String reason = error.path("reason").asText("");
                errors.add(field.isEmpty() ? reason : field + ": " + reason);
            }
            if (!errors.isEmpty()) {
                return String.join("; ", errors);
            }
            for (String member : List.of("detail", "title")) {
                if (problem.hasNonNull(member)) {
                    return problem.get(member).asText();
                }
            }
        } catch (IOException notJson) {
            // a proxy's page, say: shown cut short
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    static Optional<String> type(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || name.lastIndexOf('/') > dot) {
            return Optional.empty();
        }
        return Optional.ofNullable(TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** The path under the folder with {@code /} separators: the same name, hence the same key, on every system. */
    static String relative(Path folder, Path file) {
        List<String> parts = new ArrayList<>();
        for (Path part : folder.relativize(file)) {
            parts.add(part.toString());
        }
        return String.join("/", parts);
    }

    private static boolean hidden(String name) {
        for (String part : name.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
