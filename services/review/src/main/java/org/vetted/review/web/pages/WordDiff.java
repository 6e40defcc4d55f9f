package org.vetted.review.web.pages;

import com.github.difflib.DiffUtils;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two texts, word by word: runs of unchanged, removed and added text in reading order. The
 * unchanged and removed runs spell {@code before} exactly, the unchanged and added runs spell {@code after}.
 * <p>
 * Texts are cut into words (letters, digits and marks, with apostrophes inside a word), runs of spaces, line breaks
 * and single other characters, so "pain." to "ache." changes one word and keeps the full stop. A space between two
 * changes joins them, so a rewritten phrase reads as one removal and one addition rather than word by word.
 * <p>
 * Each lone addition or removal is then slid to where it reads best: a paragraph added at the end is the whole
 * paragraph, not its text and the full stop of the one before.
 * <p>
 * The work is bounded (drafts are up to 256 KiB): Myers' diff costs about (tokens of both texts) x (edits), so it
 * gives up after {@link #WORK_BUDGET} / (tokens) edits. Then the texts are compared line by line and sentence by
 * sentence, and each changed run of those word by word, a run too different for what is left of the budget shown
 * removed and added whole. Only when even the lines and sentences differ beyond the budget is the diff
 * {@code tooDifferent}, with no runs. Two 100 KB bodies with a change every ten words take well under a second.
 */
public record WordDiff(List<Segment> segments, boolean tooDifferent) {

    /** About how many comparisons each of the two passes may cost: word by word, then line by line. */
    static final long WORK_BUDGET = 20_000_000;

    public enum Kind {
        UNCHANGED,
        ADDED,
        REMOVED
    }

    public record Segment(Kind kind, String text) {}

    public WordDiff {
        segments = List.copyOf(segments);
    }

    /** Null is read as the empty text (a draft without a summary). */
    public static WordDiff between(String before, String after) {
        List<String> a = tokens(before == null ? "" : before);
        List<String> b = tokens(after == null ? "" : after);
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix
                && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> aMiddle = a.subList(prefix, a.size() - suffix);
        List<String> bMiddle = b.subList(prefix, b.size() - suffix);
        Runs runs = new Runs();
        a.subList(0, prefix).forEach(token -> runs.add(Kind.UNCHANGED, token));
        if (!byWord(aMiddle, bMiddle, new Budget(WORK_BUDGET), WORK_BUDGET, runs)
                && !byPieces(aMiddle, bMiddle, true, new Budget(WORK_BUDGET), WORK_BUDGET, runs)) {
            return new WordDiff(List.of(), true);
        }
        a.subList(a.size() - suffix, a.size()).forEach(token -> runs.add(Kind.UNCHANGED, token));
        return new WordDiff(slid(runs.segments()), false);
    }

    /** Whether anything differs. */
    public boolean changed() {
        return tooDifferent || segments.stream().anyMatch(segment -> segment.kind() != Kind.UNCHANGED);
    }

    /** Words, runs of spaces, line breaks (each its own token) and single other characters, in order. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int first = text.codePointAt(at);
            int end = at + Character.charCount(first);
            if (isSpace(first)) {
                while (end < text.length() && isSpace(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
            } else if (isWordPart(first)) {
                while (end < text.length()) {
                    int next = text.codePointAt(end);
                    if (isWordPart(next)) {
                        end += Character.charCount(next);
                    } else if (isApostrophe(next) && end + 1 < text.length() && isWordPart(text.codePointAt(end + 1))) {
                        end += 1;
                    } else {
                        break;
                    }
                }
            }
            tokens.add(text.substring(at, end));
            at = end;
        }
        return tokens;
    }

    private static boolean isSpace(int codePoint) {
        return codePoint != '\n' && (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint));
    }

    private static boolean isWordPart(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isLetterOrDigit(codePoint)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(int codePoint) {
        return codePoint == '\'' || codePoint == '\u2019';
    }

    /**
     * Each lone addition or removal between two unchanged runs slid to where it reads best, as diff-match-patch's
     * "semantic lossless" cleanup does: a paragraph added at the end is {@code day.[+\n\nWith food.+]}, not
     * {@code day[+.\n\nWith food+].}, which is the same change but cuts the sentence.
     */
    static List<Segment> slid(List<Segment> segments) {
        List<Segment> out = new ArrayList<>(segments);
        for (int i = 1; i + 1 < out.size(); i++) {
            if (out.get(i - 1).kind() == Kind.UNCHANGED
                    && out.get(i).kind() != Kind.UNCHANGED
                    && out.get(i + 1).kind() == Kind.UNCHANGED) {
                slide(out, i);
            }
        }
        List<Segment> merged = new ArrayList<>();
        for (Segment segment : out) {
            Segment last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.kind() == segment.kind()) {
                merged.set(merged.size() - 1, new Segment(last.kind(), last.text() + segment.text()));
            } else if (!segment.text().isEmpty()) {
                merged.add(segment);
            }
        }
        return merged;
    }

    /**
     * Slides the edit at {@code i} as far left as the text allows, then tries each place to the right that spells
     * the same texts, and keeps the best. Only a window around the edit is looked at: it moves at most its own
     * length, plus two characters of context for the score.
     */
    private static void slide(List<Segment> segments, int i) {
        String left = segments.get(i - 1).text();
        String edit = segments.get(i).text();
        String right = segments.get(i + 1).text();
        int common = 0;
        while (common < left.length()
                && common < edit.length()
                && left.charAt(left.length() - 1 - common) == edit.charAt(edit.length() - 1 - common)) {
            common++;
        }
        int from = Math.max(0, left.length() - edit.length() - 2);
        int to = Math.min(right.length(), edit.length() + 2);
        boolean rightEnds = to == right.length();
        String window = left.substring(from) + edit + right.substring(0, to);
        int length = edit.length();
        int start = left.length() - from - common;
        int best = start;
        int bestScore = -1;
        for (int at = start; at + length <= window.length(); at++) {
            if (at > start && window.charAt(at - 1) != window.charAt(at - 1 + length)
                    || at + length == window.length() && !rightEnds) {
                break;
            }
            int score = boundaryScore(window, at, from == 0 && at == 0, false)
                    + boundaryScore(window, at + length, false, rightEnds && at + length == window.length());
            if (score >= bestScore && !splitsACharacter(window, at) && !splitsACharacter(window, at + length)) {
                best = at;
                bestScore = score;
            }
        }
        String moved = left.substring(0, from) + window + right.substring(to);
        int edge = from + best;
        segments.set(i - 1, new Segment(Kind.UNCHANGED, moved.substring(0, edge)));
        segments.set(i, new Segment(segments.get(i).kind(), moved.substring(edge, edge + length)));
        segments.set(i + 1, new Segment(Kind.UNCHANGED, moved.substring(edge + length)));
    }

    private static boolean splitsACharacter(String text, int at) {
        return at > 0
                && at < text.length()
                && (Character.isLowSurrogate(text.charAt(at))
                        || Character.getType(text.codePointAt(at)) == Character.NON_SPACING_MARK);
    }

    /**
     * How good a place the point {@code at} in {@code text} is for an edit to begin or end, from 0 (inside a word)
     * to 6 (where the unchanged run before or after it is empty), the scale diff-match-patch uses.
     */
    private static int boundaryScore(String text, int at, boolean nothingBefore, boolean nothingAfter) {
        if (nothingBefore || nothingAfter) {
            return 6;
        }
        char last = text.charAt(at - 1);
        char first = text.charAt(at);
        boolean punctuationBefore = !Character.isLetterOrDigit(last);
        boolean punctuationAfter = !Character.isLetterOrDigit(first);
        boolean spaceBefore = Character.isWhitespace(last);
        boolean spaceAfter = Character.isWhitespace(first);
        boolean breakBefore = last == '\n';
        boolean breakAfter = first == '\n';
        if (breakBefore && at >= 2 && text.charAt(at - 2) == '\n'
                || breakAfter && at + 1 < text.length() && text.charAt(at + 1) == '\n') {
            return 5;
        }
        if (breakBefore || breakAfter) {
            return 4;
        }
        if (punctuationBefore && !spaceBefore && spaceAfter) {
            return 3;
        }
        if (spaceBefore || spaceAfter) {
            return 2;
        }
        return punctuationBefore || punctuationAfter ? 1 : 0;
    }

    /** One step of an alignment: a unit kept, removed from the first text or added in the second. */
    private record Step<T>(Kind kind, T unit) {}

    /** The steps from {@code a} to {@code b} in reading order (removals first), or null past the cap or budget. */
    private static <T> List<Step<T>> align(List<T> a, List<T> b, Budget budget, long cap) {
        List<AbstractDelta<T>> deltas = budget.diff(a, b, cap);
        if (deltas == null) {
            return null;
        }
        List<Step<T>> steps = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<T> delta : deltas) {
            a.subList(at, delta.getSource().getPosition()).forEach(unit -> steps.add(new Step<>(Kind.UNCHANGED, unit)));
            delta.getSource().getLines().forEach(unit -> steps.add(new Step<>(Kind.REMOVED, unit)));
            delta.getTarget().getLines().forEach(unit -> steps.add(new Step<>(Kind.ADDED, unit)));
            at = delta.getSource().getPosition() + delta.getSource().size();
        }
        a.subList(at, a.size()).forEach(unit -> steps.add(new Step<>(Kind.UNCHANGED, unit)));
        return steps;
    }

    /**
     * Adds the word diff of {@code a} and {@code b} to {@code runs}; false, adding nothing, once it would cost more
     * than {@code cap} or than is left of the budget.
     */
    private static boolean byWord(List<String> a, List<String> b, Budget budget, long cap, Runs runs) {
        if (a.isEmpty() || b.isEmpty()) {
            a.forEach(token -> runs.add(Kind.REMOVED, token));
            b.forEach(token -> runs.add(Kind.ADDED, token));
            return true;
        }
        List<Step<String>> steps = align(a, b, budget, cap);
        if (steps == null) {
            return false;
        }
        steps.forEach(step -> runs.add(step.kind(), step.unit()));
        return true;
    }

    /**
     * Line by line ({@code byLine}) or sentence by sentence, then each changed run word by word. A run of lines
     * too costly word by word is tried sentence by sentence (a paragraph is often one long line); what is still too
     * costly is shown removed and added whole. Each word-by-word try may cost an eighth of the budget, so one hard
     * run cannot starve the rest. False, adding nothing, when the pieces themselves differ beyond {@code cap}.
     */
    private static boolean byPieces(
            List<String> a, List<String> b, boolean byLine, Budget budget, long cap, Runs runs) {
        List<Step<Piece>> steps = align(Piece.split(a, byLine), Piece.split(b, byLine), budget, cap);
        if (steps == null) {
            return false;
        }
        long runCap = WORK_BUDGET / 8;
        List<String> removed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (int i = 0; i <= steps.size(); i++) {
            Step<Piece> step = i < steps.size() ? steps.get(i) : null;
            if (step != null && step.kind() != Kind.UNCHANGED) {
                (step.kind() == Kind.REMOVED ? removed : added)
                        .addAll(step.unit().tokens());
                continue;
            }
            if ((!removed.isEmpty() || !added.isEmpty())
                    && !byWord(removed, added, budget, runCap, runs)
                    && !(byLine && byPieces(removed, added, false, budget, Long.MAX_VALUE, runs))) {
                removed.forEach(token -> runs.add(Kind.REMOVED, token));
                added.forEach(token -> runs.add(Kind.ADDED, token));
            }
            removed.clear();
            added.clear();
            if (step != null) {
                step.unit().tokens().forEach(token -> runs.add(Kind.UNCHANGED, token));
            }
        }
        return true;
    }

    /**
     * A line, or a sentence, as a unit of the coarser passes: equal when its text is. A line ends after its line
     * break; a sentence also after the space that follows a full stop, question or exclamation mark.
     */
    private record Piece(String text, List<String> tokens) {
        static List<Piece> split(List<String> tokens, boolean byLine) {
            List<Piece> pieces = new ArrayList<>();
            int from = 0;
            for (int i = 0; i < tokens.size(); i++) {
                String token = tokens.get(i);
                boolean endsSentence = !byLine
                        && i > 0
                        && isSpace(token.codePointAt(0))
                        && List.of(".", "?", "!").contains(tokens.get(i - 1));
                if (token.equals("\n") || endsSentence || i == tokens.size() - 1) {
                    List<String> piece = tokens.subList(from, i + 1);
                    pieces.add(new Piece(String.join("", piece), piece));
                    from = i + 1;
                }
            }
            return pieces;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Piece piece && piece.text.equals(text);
        }

        @Override
        public int hashCode() {
            return text.hashCode();
        }
    }

    /**
     * What is left of the comparisons a pass may cost. Myers' diff costs about (units of both lists) per edit step,
     * so each step is charged that, and the diff is stopped when the next step would overspend.
     */
    private static final class Budget implements DiffAlgorithmListener {
        private long left;
        private long limit;
        private long perStep;
        private long steps;

        Budget(long left) {
            this.left = left;
        }

        /** The deltas from {@code a} to {@code b}, or null once they would cost more than {@code cap} or is left. */
        <T> List<AbstractDelta<T>> diff(List<T> a, List<T> b, long cap) {
            limit = Math.min(cap, left);
            perStep = a.size() + b.size() + 1L;
            steps = 0;
            try {
                return DiffUtils.diff(a, b, this).getDeltas();
            } catch (TooManyEdits e) {
                return null;
            } finally {
                left -= steps * perStep;
            }
        }

        @Override
        public void diffStart() {}

        @Override
        public void diffStep(int value, int max) {
            steps = value + 1L;
            if (steps * perStep > limit) {
                throw new TooManyEdits();
            }
        }

        @Override
        public void diffEnd() {}
    }

    /** The only way to stop java-diff-utils midway; no stack trace, it is not an error. */
    private static final class TooManyEdits extends RuntimeException {
        TooManyEdits() {
            super("too many edits", null, false, false);
        }
    }

    /**
     * Tokens gathered into segments: consecutive tokens of one kind become one run, and a space between two changes
     * is given to both the removed and the added run.
     */
    private static final class Runs {
        private final List<Segment> segments = new ArrayList<>();
        private final StringBuilder unchanged = new StringBuilder();
        private final StringBuilder removed = new StringBuilder();
        private final StringBuilder added = new StringBuilder();
        /** Unchanged spaces right after a change: joined to it if another change follows, else unchanged. */
        private final StringBuilder space = new StringBuilder();

        void add(Kind kind, String token) {
            boolean inChange = !removed.isEmpty() || !added.isEmpty();
            if (kind == Kind.UNCHANGED) {
                if (inChange && isSpace(token.codePointAt(0))) {
                    space.append(token);
                    return;
                }
                closeChange();
                unchanged.append(token);
                return;
            }
            flush(unchanged, Kind.UNCHANGED);
            if (!space.isEmpty()) {
                removed.append(space);
                added.append(space);
                space.setLength(0);
            }
            (kind == Kind.REMOVED ? removed : added).append(token);
        }

        List<Segment> segments() {
            closeChange();
            flush(unchanged, Kind.UNCHANGED);
            return segments;
        }

        private void closeChange() {
            flush(removed, Kind.REMOVED);
            flush(added, Kind.ADDED);
            unchanged.append(space);
            space.setLength(0);
        }

        private void flush(StringBuilder run, Kind kind) {
            if (!run.isEmpty()) {
                segments.add(new Segment(kind, run.toString()));
                run.setLength(0);
            }
        }
    }
}
