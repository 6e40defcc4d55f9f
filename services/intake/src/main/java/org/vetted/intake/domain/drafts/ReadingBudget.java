package org.vetted.intake.domain.drafts;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work one draft may take to be read (parsed, cleaned, searched for claims and experts), counted as characters
 * the regexes examine. Every pattern is written to run in linear time; this is the safety net for the one that is
 * not: the text a regex reads is wrapped so that every {@code charAt} counts against the draft's allowance, and a
 * blow-up ends in {@link ReadingBudgetExceeded} (a refusal naming the body) instead of a thread held for hours.
 *
 * <p>The allowance counts work, not time: a draft is read the same whether its thread runs alone or shares two cores
 * with 63 others, is descheduled, or waits for a garbage collection, so a valid draft is never refused because the
 * machine is busy, and the same draft gets the same answer on every machine. The steps that are not regexes (the
 * parsers' own loops, the sentence detector, the tagger) are linear in a draft the size limits have already bounded;
 * they call {@link #check} so that a draft over its allowance stops at the next step.
 *
 * <p>The allowance is per thread and only set inside {@link #within}; outside it, {@link #matcher} is a plain {@link
 * Pattern#matcher}.
 */
public final class ReadingBudget {
    private static final ThreadLocal<Allowance> CURRENT = new ThreadLocal<>();

    private ReadingBudget() {}

    /**
     * Runs {@code work} allowed to examine at most {@code characters} characters through {@link #matcher}. Nested, the
     * inner allowance applies inside and what it examined counts against the outer one afterwards.
     */
    public static <T> T within(long characters, Supplier<T> work) {
        Allowance outer = CURRENT.get();
        Allowance inner = new Allowance(characters);
        CURRENT.set(inner);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                // The inner work is the outer's too (so a caller can measure what a draft examined).
                outer.examined += inner.examined;
                CURRENT.set(outer);
            }
        }
    }

    /** A matcher over {@code text} that gives up when the current allowance is spent. */
    public static Matcher matcher(Pattern pattern, CharSequence text) {
        Allowance allowance = CURRENT.get();
        return pattern.matcher(allowance == null ? text : new Guarded(text, allowance));
    }

    /** For the steps that are not regexes (the sentence detector, the tagger): fail here if the allowance is spent. */
    public static void check() {
        Allowance allowance = CURRENT.get();
        if (allowance != null) {
            allowance.check();
        }
    }

    /** Characters examined so far inside the current {@link #within} (0 outside one): for measuring the allowance. */
    public static long examined() {
        Allowance allowance = CURRENT.get();
        return allowance == null ? 0 : allowance.examined;
    }

    /** Thrown when a draft took more work than its allowance to read. */
    public static final class ReadingBudgetExceeded extends RuntimeException {
        private final long characters;

        ReadingBudgetExceeded(long characters) {
            super("reading the draft examined more than " + characters + " characters", null, false, false);
            this.characters = characters;
        }

        public long characters() {
            return characters;
        }
    }

    private static final class Allowance {
        private final long characters;
        private long examined;

        Allowance(long characters) {
            this.characters = characters;
        }

        void tick() {
            if (++examined > characters) {
                throw new ReadingBudgetExceeded(characters);
            }
        }

        void check() {
            if (examined > characters) {
                throw new ReadingBudgetExceeded(characters);
            }
        }
    }

    /** A text whose every read counts against the allowance; sub-sequences stay guarded. */
    private record Guarded(CharSequence text, Allowance allowance) implements CharSequence {
        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            allowance.tick();
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(text.subSequence(start, end), allowance);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
