package org.vetted.intake.domain.drafts;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time one draft may take to be read (parsed, cleaned, searched for claims and experts). Every pattern is written
 * to run in linear time; this is the safety net for the one that is not: the text a regex reads is wrapped so that
 * {@code charAt} checks the deadline, and a blow-up ends in {@link ReadingBudgetExceeded} (a refusal naming the body)
 * instead of a thread held for hours. The deadline is per thread and only set inside {@link #within}; outside it,
 * {@link #matcher} is a plain {@link Pattern#matcher}.
 */
public final class ReadingBudget {
    /** Checking the clock on every character would cost more than most patterns: once per this many reads. */
    private static final int CHECK_EVERY = 4096;

    private static final ThreadLocal<Deadline> CURRENT = new ThreadLocal<>();

    private ReadingBudget() {}

    /** Runs {@code work} with a deadline {@code budget} from now, as told by {@code nanoTime}. */
    public static <T> T within(Duration budget, LongSupplier nanoTime, Supplier<T> work) {
        Deadline outer = CURRENT.get();
        CURRENT.set(new Deadline(nanoTime, nanoTime.getAsLong() + budget.toNanos(), budget));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** A matcher over {@code text} that gives up when the current deadline has passed. */
    public static Matcher matcher(Pattern pattern, CharSequence text) {
        Deadline deadline = CURRENT.get();
        return pattern.matcher(deadline == null ? text : new Guarded(text, deadline));
    }

    /** For the steps that are not regexes (the sentence detector, the tagger): fail here if time is up. */
    public static void check() {
        Deadline deadline = CURRENT.get();
        if (deadline != null) {
            deadline.check();
        }
    }

    /** Thrown when a draft took longer than its budget to read. */
    public static final class ReadingBudgetExceeded extends RuntimeException {
        private final Duration budget;

        ReadingBudgetExceeded(Duration budget) {
            super("reading the draft took longer than " + budget.toMillis() + " ms", null, false, false);
            this.budget = budget;
        }

        public Duration budget() {
            return budget;
        }
    }

    private static final class Deadline {
        private final LongSupplier nanoTime;
        private final long deadline;
        private final Duration budget;
        private int reads;

        Deadline(LongSupplier nanoTime, long deadline, Duration budget) {
            this.nanoTime = nanoTime;
            this.deadline = deadline;
            this.budget = budget;
        }

        void tick() {
            if (++reads % CHECK_EVERY == 0) {
                check();
            }
        }

        void check() {
            if (nanoTime.getAsLong() - deadline > 0) {
                throw new ReadingBudgetExceeded(budget);
            }
        }
    }

    /** A text whose every read counts against the deadline; sub-sequences stay guarded. */
    private record Guarded(CharSequence text, Deadline deadline) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            deadline.tick();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(text.subSequence(start, end), deadline);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
