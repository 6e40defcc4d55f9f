package org.vetted.stack.importer;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stack.jar import <folder>}: a writer's archive of drafts into intake, safe to run again. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Submits every .md, .txt and .html file under a folder to intake (POST /api/drafts) as the given writer, "
                    + "each with an Idempotency-Key made from its path and content, so running it again creates nothing "
                    + "new. A file edited since an earlier run becomes the next revision of the article it made.",
            "Exit code: 0 when every draft file was imported (or already was), 1 when any failed or was skipped, 2 "
                    + "for a usage error."
        })
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<folder>", description = "The folder of drafts (subfolders included).")
    Path folder;

    @Option(
            names = "--intake-url",
            defaultValue = "http://localhost:8081",
            description = "Intake's address (default: ${DEFAULT-VALUE}).")
    URI intakeUrl;

    @Option(
            names = {"-u", "--user"},
            defaultValue = "${env:VETTED_USER}",
            description = "The writer (or editor) to submit as; default: $VETTED_USER.")
    String user;

    @Option(
            names = "--password-env",
            defaultValue = "VETTED_PASSWORD",
            description = "The environment variable holding the password (default: ${DEFAULT-VALUE}); unset, the "
                    + "password is asked for on the terminal. Never an argument: arguments show in ps and shell "
                    + "history.")
    String passwordEnv;

    @Option(
            names = {"-c", "--concurrency"},
            defaultValue = "4",
            description = "Drafts in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--attempts",
            defaultValue = "6",
            description = "Tries per file on 429, 5xx or a broken connection, with doubling backoff "
                    + "(default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(
            names = "--backoff",
            defaultValue = "PT0.5S",
            description = "The first wait before a retry; doubled each time up to --max-backoff, or intake's "
                    + "Retry-After if longer (default: ${DEFAULT-VALUE}).")
    Duration backoff;

    @Option(
            names = "--max-backoff",
            defaultValue = "PT30S",
            description = "The longest wait between tries (default: ${DEFAULT-VALUE}).")
    Duration maxBackoff;

    @Option(
            names = "--state",
            description = "Where the import remembers which article each file made (JSON lines; default: "
                    + "<folder>/" + STATE_FILE + "). Kept between runs: an edited file becomes a revision of its "
                    + "article; without it, a new article.")
    Path state;

    static final String STATE_FILE = ".vetted-import.jsonl";

    /** Reads the environment; tests pass their own. */
    Map<String, String> environment = System.getenv();

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            err.println("Not a folder: " + folder);
            return 2;
        }
        if (concurrency < 1 || attempts < 1 || backoff.isNegative() || maxBackoff.isNegative()) {
            err.println("--concurrency and --attempts are at least 1; --backoff and --max-backoff not negative.");
            return 2;
        }
        if (user == null || user.isBlank()) {
            err.println("Name the writer with --user or VETTED_USER.");
            return 2;
        }
        char[] password = password();
        if (password == null) {
            err.println("No password: set " + passwordEnv + " or run on a terminal to be asked.");
            return 2;
        }
        Importer importer = new Importer(
                intakeUrl, user, password, concurrency, attempts, backoff, maxBackoff, d -> Thread.sleep(d.toMillis()));
        Arrays.fill(password, '\0');
        Path stateFile = state != null ? state : folder.resolve(STATE_FILE);
        ImportState remembered;
        try {
            remembered = ImportState.open(stateFile);
        } catch (IOException e) {
            err.println("Cannot keep the import's state in " + stateFile + " (" + e.getMessage()
                    + "); name a writable file with --state.");
            return 2;
        }
        List<Outcome> outcomes;
        try (remembered) {
            outcomes = importer.run(folder, remembered, Progress.of(err, System.console() != null));
        }
        summary(outcomes, out);
        return outcomes.stream().allMatch(Outcome::ok) ? 0 : 1;
    }

    private char[] password() {
        String fromEnv = environment.get(passwordEnv);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("Password for %s: ", user);
    }

    /** What was created (article, revision, file), what was already there, what failed and why. */
    static void summary(List<Outcome> outcomes, PrintStream out) {
        for (Outcome.Kind kind : Outcome.Kind.values()) {
            List<Outcome> these =
                    outcomes.stream().filter(o -> o.kind() == kind).toList();
            if (these.isEmpty()) {
                continue;
            }
            out.println(heading(kind) + " (" + these.size() + "):");
            for (Outcome o : these) {
                if (o.articleId() != null) {
                    out.printf(
                            Locale.ROOT,
                            "  %s  revision %s  %s%n",
                            o.articleId(),
                            o.revision() == null ? "?" : o.revision(),
                            o.file());
                } else {
                    out.println("  " + o.file() + ": " + o.reason());
                }
            }
        }
        long imported = outcomes.stream()
                .filter(o -> o.kind() == Outcome.Kind.CREATED || o.kind() == Outcome.Kind.REVISED)
                .count();
        long already = outcomes.stream()
                .filter(o -> o.kind() == Outcome.Kind.ALREADY_IMPORTED)
                .count();
        long notImported = outcomes.stream().filter(o -> !o.ok()).count();
        out.printf(
                Locale.ROOT,
                "%d imported, %d already imported, %d failed or skipped, %d other files ignored%n",
                imported,
                already,
                notImported,
                outcomes.stream().filter(o -> o.kind() == Outcome.Kind.IGNORED).count());
    }

    private static String heading(Outcome.Kind kind) {
        return switch (kind) {
            case CREATED -> "Created (article, revision, file)";
            case REVISED -> "New revisions of earlier imports (article, revision, file)";
            case ALREADY_IMPORTED -> "Already imported, nothing sent anew (article, revision, file)";
            case FAILED -> "Failed";
            case SKIPPED -> "Skipped, not sent";
            case IGNORED -> "Ignored";
        };
    }
}
