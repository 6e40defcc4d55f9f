package org.vetted.intake.domain.drafts;

import java.util.List;

/**
 * Fenced code blocks, as the limits and the extractors read them: only fences that close. A fence opens with three
 * or more backticks or tildes (a backtick fence's info string has no backtick) and closes with a line of the same
 * character, at least as long, and nothing else. An opener that never closes marks nothing: a stray line of three
 * backticks makes the rest of the article a code block when rendered, but its text is still read (for claims, and
 * against the limits), and the writer is warned. Linear: whether an opener closes is known from the longest closer
 * after it, computed once from the end.
 */
final class Fences {
    private static final char[] MARKS = {'`', '~'};

    private Fences() {}

    /** Which lines are fenced code, fence lines included. */
    static boolean[] codeLines(List<String> lines) {
        int n = lines.size();
        boolean[] code = new boolean[n];
        int[][] longestCloserFrom = longestClosers(lines);
        int i = 0;
        while (i < n) {
            int kind = kind(lines.get(i));
            int length = opener(lines.get(i), kind);
            if (length > 0 && longestCloserFrom[kind][i + 1] >= length) {
                int j = i + 1;
                while (closer(lines.get(j), kind) < length) {
                    j++;
                }
                for (int k = i; k <= j; k++) {
                    code[k] = true;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return code;
    }

    /** The index of the first fence opener that never closes, or -1. */
    static int firstUnclosed(List<String> lines) {
        boolean[] code = codeLines(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (!code[i] && opener(lines.get(i), kind(lines.get(i))) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** A line that starts like a fence (three backticks or tildes), whatever follows: not prose in any case. */
    static boolean looksLikeFence(String line) {
        String s = line.strip();
        return s.startsWith("```") || s.startsWith("~~~");
    }

    /** [kind][i]: the longest closing fence of that kind at line i or after (0 if none). */
    private static int[][] longestClosers(List<String> lines) {
        int n = lines.size();
        int[][] longest = new int[MARKS.length][n + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int kind = 0; kind < MARKS.length; kind++) {
                longest[kind][i] = Math.max(longest[kind][i + 1], closer(lines.get(i), kind));
            }
        }
        return longest;
    }

    private static int kind(String line) {
        String s = line.stripLeading();
        return !s.isEmpty() && s.charAt(0) == '~' ? 1 : 0;
    }

    /** The length of the fence this line opens with marks of {@code kind}, or 0. */
    private static int opener(String line, int kind) {
        String s = line.strip();
        int run = run(s, MARKS[kind]);
        if (run < 3) {
            return 0;
        }
        return kind == 0 && s.indexOf('`', run) >= 0 ? 0 : run;
    }

    /** The length of the fence this line closes with marks of {@code kind} (marks only), or 0. */
    private static int closer(String line, int kind) {
        String s = line.strip();
        int run = run(s, MARKS[kind]);
        return run >= 3 && run == s.length() ? run : 0;
    }

    private static int run(String s, char mark) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == mark) {
            i++;
        }
        return i;
    }
}
