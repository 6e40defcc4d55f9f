package org.vetted.stack.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The importer against a small real HTTP server that answers like intake, on a folder of good and bad files. */
class ImporterTest {
    private static final String HTML = "<html><head><script>track()</script></head><body><nav>Home</nav>"
            + "<article><h1>Zinc</h1><p>Zinc may shorten a cold.</p></article></body></html>";

    @TempDir
    Path folder;

    @TempDir
    Path elsewhere;

    private FakeIntake intake;
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        intake = new FakeIntake();
    }

    @AfterEach
    void stop() {
        intake.close();
    }

    private void archive() throws IOException {
        write("vitamin-d.md", "# Vitamin D\n\nVitamin D may support bone health.\n");
        write("plain.txt", "Magnesium\n\nMagnesium may help some people sleep.\n");
        write("zinc.html", HTML);
        write("2019/iron.md", "# Iron\n\nIron deficiency can cause tiredness.\n");
        write("flaky.md", "# Flaky\n\nFLAKY: answered 503 once.\n");
        write("refused.md", "# Refused\n\nREFUSE this one.\n");
        write("empty.md", " \n\u200B\t\n");
        write("nothing.txt", "");
        write("huge.md", "# Huge\n\n" + "word ".repeat(60_000));
        write("latin1.txt", new byte[] {'c', 'a', 'f', (byte) 0xE9});
        write("photo.jpg", "not a draft");
        write(".hidden.md", "# Hidden\n\nNot imported.\n");
    }

    private Importer importer(String password, int attempts) {
        return new Importer(
                intake.url(),
                "wanda",
                password.toCharArray(),
                3,
                attempts,
                Duration.ofMillis(100),
                Duration.ofSeconds(30),
                waits::add);
    }

    private Map<String, Outcome> run(Importer importer, Path state) throws Exception {
        try (ImportState remembered = ImportState.open(state)) {
            return importer.run(folder, remembered, Progress.none()).stream()
                    .collect(Collectors.toMap(Outcome::file, Function.identity()));
        }
    }

    @Test
    void importsTheDraftsAndReportsWhatItDidNotSendOrWasRefused() throws Exception {
        archive();
        Map<String, Outcome> outcomes = run(importer("wanda-pass", 4), folder.resolve(".vetted-import.jsonl"));

        for (String created : List.of("vitamin-d.md", "plain.txt", "zinc.html", "2019/iron.md", "flaky.md")) {
            assertEquals(Outcome.Kind.CREATED, outcomes.get(created).kind(), created);
            assertEquals(1, outcomes.get(created).revision(), created);
            assertTrue(intake.articles().containsKey(outcomes.get(created).articleId()), created);
        }
        assertEquals(5, intake.revisionsMade());
        assertEquals(Outcome.Kind.FAILED, outcomes.get("refused.md").kind());
        assertEquals(
                "HTTP 400: body: contains control character U+0007 at line 1, column 3",
                outcomes.get("refused.md").reason());
        assertEquals(Outcome.Kind.SKIPPED, outcomes.get("empty.md").kind());
        assertTrue(outcomes.get("empty.md").reason().startsWith("empty"));
        assertEquals(Outcome.Kind.SKIPPED, outcomes.get("nothing.txt").kind());
        assertEquals(Outcome.Kind.SKIPPED, outcomes.get("huge.md").kind());
        assertTrue(
                outcomes.get("huge.md").reason().startsWith("too large"),
                outcomes.get("huge.md").reason());
        assertEquals(Outcome.Kind.SKIPPED, outcomes.get("latin1.txt").kind());
        assertEquals(Outcome.Kind.IGNORED, outcomes.get("photo.jpg").kind());
        assertEquals(null, outcomes.get(".hidden.md"));
        assertEquals(null, outcomes.get(".vetted-import.jsonl"));

        List<FakeIntake.Request> requests = intake.requests();
        // Nothing skipped was sent; the refusal was not retried; the 503 was, once, after intake's Retry-After.
        assertEquals(7, requests.size(), requests.toString());
        assertEquals(
                1, requests.stream().filter(r -> r.body().contains("REFUSE")).count());
        assertEquals(
                2, requests.stream().filter(r -> r.body().contains("FLAKY")).count());
        assertEquals(1, waits.size());
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(2)) >= 0, waits.toString());
        FakeIntake.Request html = requests.stream()
                .filter(r -> r.body().contains("Zinc"))
                .findFirst()
                .orElseThrow();
        assertEquals("text/html; charset=UTF-8", html.contentType());
        assertEquals(HTML, html.body());
        assertEquals(
                "text/markdown; charset=UTF-8",
                requests.stream()
                        .filter(r -> r.body().contains("Vitamin"))
                        .findFirst()
                        .orElseThrow()
                        .contentType());
        assertEquals(
                "text/plain; charset=UTF-8",
                requests.stream()
                        .filter(r -> r.body().contains("Magnesium"))
                        .findFirst()
                        .orElseThrow()
                        .contentType());
    }

    @Test
    void aSecondRunCreatesNothingNewAndReportsWhatTheFirstMade() throws Exception {
        archive();
        Path state = folder.resolve(".vetted-import.jsonl");
        Map<String, Outcome> first = run(importer("wanda-pass", 4), state);
        int made = intake.revisionsMade();
        Map<String, Outcome> second = run(importer("wanda-pass", 4), state);

        assertEquals(made, intake.revisionsMade());
        for (String file : List.of("vitamin-d.md", "plain.txt", "zinc.html", "2019/iron.md", "flaky.md")) {
            assertEquals(Outcome.Kind.ALREADY_IMPORTED, second.get(file).kind(), file);
            assertEquals(first.get(file).articleId(), second.get(file).articleId(), file);
            assertEquals(1, second.get(file).revision(), file);
        }
        assertEquals(Outcome.Kind.FAILED, second.get("refused.md").kind());
    }

    @Test
    void withoutTheStateFileARerunIsStillAnsweredByTheKeys() throws Exception {
        archive();
        Map<String, Outcome> first = run(importer("wanda-pass", 4), elsewhere.resolve("one.jsonl"));
        int made = intake.revisionsMade();
        Map<String, Outcome> second = run(importer("wanda-pass", 4), elsewhere.resolve("two.jsonl"));

        assertEquals(made, intake.revisionsMade());
        assertEquals(Outcome.Kind.ALREADY_IMPORTED, second.get("zinc.html").kind());
        assertEquals(first.get("zinc.html").articleId(), second.get("zinc.html").articleId());
    }

    @Test
    void anEditedFileBecomesTheNextRevisionOfItsArticle() throws Exception {
        archive();
        Path state = folder.resolve(".vetted-import.jsonl");
        Map<String, Outcome> first = run(importer("wanda-pass", 4), state);
        write("vitamin-d.md", "# Vitamin D\n\nVitamin D may support bone health in older adults.\n");
        Map<String, Outcome> second = run(importer("wanda-pass", 4), state);

        Outcome edited = second.get("vitamin-d.md");
        assertEquals(Outcome.Kind.REVISED, edited.kind());
        assertEquals(first.get("vitamin-d.md").articleId(), edited.articleId());
        assertEquals(2, edited.revision());
        assertEquals(Outcome.Kind.ALREADY_IMPORTED, second.get("plain.txt").kind());
        assertEquals(6, intake.revisionsMade());

        // and once more: the revision is answered again, not made again
        Map<String, Outcome> third = run(importer("wanda-pass", 4), state);
        assertEquals(Outcome.Kind.ALREADY_IMPORTED, third.get("vitamin-d.md").kind());
        assertEquals(2, third.get("vitamin-d.md").revision());
        assertEquals(6, intake.revisionsMade());
    }

    @Test
    void givesUpAfterItsAttemptsOnOverloadAndNeverRetriesARefusal() throws Exception {
        write("busy.md", "# Busy\n\nOVERLOAD\n");
        write("refused.md", "# Refused\n\nREFUSE\n");
        Map<String, Outcome> outcomes = run(importer("wanda-pass", 3), elsewhere.resolve("state.jsonl"));

        assertEquals(Outcome.Kind.FAILED, outcomes.get("busy.md").kind());
        assertEquals(
                "HTTP 429: Slow down. (after 3 attempts)",
                outcomes.get("busy.md").reason());
        assertEquals(
                3,
                intake.requests().stream()
                        .filter(r -> r.body().contains("OVERLOAD"))
                        .count());
        assertEquals(
                1,
                intake.requests().stream()
                        .filter(r -> r.body().contains("REFUSE"))
                        .count());
        // doubling backoff with jitter: the second wait is drawn from a range above the first's
        assertEquals(2, waits.size());
        assertTrue(waits.get(0).toMillis() >= 50 && waits.get(0).toMillis() <= 100, waits.toString());
        assertTrue(waits.get(1).toMillis() >= 100 && waits.get(1).toMillis() <= 200, waits.toString());
    }

    @Test
    void anIntakeThatDoesNotAnswerIsRetriedThenReported() throws Exception {
        write("a.md", "# A\n\nText.\n");
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Importer importer = new Importer(
                URI.create("http://127.0.0.1:" + closed),
                "wanda",
                "wanda-pass".toCharArray(),
                1,
                2,
                Duration.ofMillis(1),
                Duration.ofMillis(1),
                waits::add);
        try (ImportState state = ImportState.open(elsewhere.resolve("s.jsonl"))) {
            Outcome outcome = importer.run(folder, state, Progress.none()).get(0);
            assertEquals(Outcome.Kind.FAILED, outcome.kind());
            assertTrue(outcome.reason().startsWith("no answer from"), outcome.reason());
            assertTrue(outcome.reason().endsWith("(after 2 attempts)"), outcome.reason());
        }
        assertEquals(1, waits.size());
    }

    @Test
    void aRefusedSignInStopsTheRestFromBeingSent() throws Exception {
        for (int i = 0; i < 6; i++) {
            write("draft-" + i + ".md", "# Draft " + i + "\n\nText.\n");
        }
        Importer importer = new Importer(
                intake.url(),
                "wanda",
                "wrong".toCharArray(),
                1,
                3,
                Duration.ofMillis(1),
                Duration.ofMillis(1),
                waits::add);
        Map<String, Outcome> outcomes;
        try (ImportState state = ImportState.open(elsewhere.resolve("s.jsonl"))) {
            outcomes = importer.run(folder, state, Progress.none()).stream()
                    .collect(Collectors.toMap(Outcome::file, Function.identity()));
        }
        assertEquals(1, intake.requests().size());
        assertTrue(outcomes.values().stream().allMatch(o -> o.kind() == Outcome.Kind.FAILED));
        assertTrue(outcomes.get("draft-5.md").reason().startsWith("not sent: intake refused the sign-in"));
    }

    @Test
    void theKeyIsTheFullHashOfPathAndContent() {
        byte[] content = "# A\n\nText.\n".getBytes(StandardCharsets.UTF_8);
        String key = ImportKey.of("2019/a.md", content);

        assertEquals(key, ImportKey.of("2019/a.md", content.clone()));
        assertNotEquals(key, ImportKey.of("2020/a.md", content));
        assertNotEquals(key, ImportKey.of("2019/a.md", "# A\n\nText!\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(key.matches("[\\x21-\\x7E]{1,128}"), key); // what intake accepts
        String[] parts = key.substring(ImportKey.PREFIX.length()).split("\\.");
        assertArrayEquals(
                ImportKey.sha256("2019/a.md".getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlDecoder().decode(parts[0]));
        assertArrayEquals(ImportKey.sha256(content), Base64.getUrlDecoder().decode(parts[1]));
        // a path of any length still makes a key intake takes
        assertTrue(ImportKey.of("x/".repeat(500) + "a.md", content).length() <= 128);
    }

    @Test
    void theProblemsFieldErrorsComeFirstThenItsDetail() {
        assertEquals(
                "body: too long; title: blank",
                Importer.problem("{\"detail\":\"d\",\"errors\":[{\"field\":\"body\",\"reason\":\"too long\"},"
                        + "{\"field\":\"title\",\"reason\":\"blank\"}]}"));
        assertEquals("Try again.", Importer.problem("{\"title\":\"t\",\"detail\":\"Try again.\"}"));
        assertEquals(
                "Bad Gateway", Importer.problem("<html><body>Bad   Gateway</body></html>".replaceAll("<[^>]+>", "")));
        assertEquals("no details", Importer.problem(""));
    }

    @Test
    void theCommandPrintsTheSummaryAndExitsNonzeroWhenAnythingFailed() throws Exception {
        archive();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command(out, err, "wanda-pass");
        String summary = out.toString(StandardCharsets.UTF_8);

        assertEquals(1, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(summary.contains("Created (article, revision, file) (5):"), summary);
        assertTrue(summary.matches("(?s).*  [0-9a-f-]{36}  revision 1  zinc\\.html\n.*"), summary);
        assertTrue(summary.contains("refused.md: HTTP 400: body: contains control character"), summary);
        assertTrue(summary.contains("5 imported, 0 already imported, 5 failed or skipped, 1 other files ignored"));
        // not a terminal: a plain line per file
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("] created zinc.html"), err.toString());

        Files.delete(folder.resolve("refused.md"));
        for (String bad : List.of("empty.md", "nothing.txt", "huge.md", "latin1.txt")) {
            Files.delete(folder.resolve(bad));
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        assertEquals(0, command(again, err, "wanda-pass"));
        assertTrue(again.toString(StandardCharsets.UTF_8).contains("0 imported, 5 already imported, 0 failed"));
    }

    private int command(ByteArrayOutputStream out, ByteArrayOutputStream err, String password) {
        ImportCommand command = new ImportCommand();
        command.environment = Map.of("VETTED_PASSWORD", password);
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(command)
                .execute(
                        folder.toString(),
                        "--intake-url",
                        intake.url().toString(),
                        "--user",
                        "wanda",
                        "--concurrency",
                        "2",
                        "--backoff",
                        "PT0.001S",
                        "--max-backoff",
                        "PT0.01S");
    }

    private void write(String name, String text) throws IOException {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
