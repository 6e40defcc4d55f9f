package org.vetted.stack.importer;

import java.io.PrintStream;
import java.util.Locale;

/** Progress on stderr: a bar redrawn in place on a terminal, one line per file otherwise (logs, CI). */
public abstract class Progress {
    public abstract void start(int total);

    public abstract void done(Outcome outcome);

    public abstract void finish();

    public static Progress of(PrintStream err, boolean terminal) {
        return terminal ? new Bar(err) : new Lines(err);
    }

    public static Progress none() {
        return new Progress() {
            @Override
            public void start(int total) {}

            @Override
            public void done(Outcome outcome) {}

            @Override
            public void finish() {}
        };
    }

    static final class Lines extends Progress {
        private final PrintStream err;
        private int total;
        private int done;

        Lines(PrintStream err) {
            this.err = err;
        }

        @Override
        public void start(int total) {
            this.total = total;
            err.println("importing " + total + " draft file(s)");
        }

        @Override
        public synchronized void done(Outcome outcome) {
            done++;
            err.printf(
                    Locale.ROOT,
                    "[%d/%d] %s %s%s%n",
                    done,
                    total,
                    outcome.kind().name().toLowerCase(Locale.ROOT),
                    outcome.file(),
                    outcome.reason() == null ? "" : ": " + outcome.reason());
        }

        @Override
        public void finish() {}
    }

    static final class Bar extends Progress {
        private static final int WIDTH = 30;
        private final PrintStream err;
        private int total;
        private int done;
        private int failed;

        Bar(PrintStream err) {
            this.err = err;
        }

        @Override
        public void start(int total) {
            this.total = total;
            draw();
        }

        @Override
        public synchronized void done(Outcome outcome) {
            done++;
            if (!outcome.ok()) {
                failed++;
            }
            draw();
        }

        private void draw() {
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            err.printf(
                    Locale.ROOT,
                    "\r[%s%s] %d/%d%s",
                    "#".repeat(filled),
                    ".".repeat(WIDTH - filled),
                    done,
                    total,
                    failed == 0 ? "" : " (" + failed + " not imported)");
            err.flush();
        }

        @Override
        public void finish() {
            err.println();
        }
    }
}
