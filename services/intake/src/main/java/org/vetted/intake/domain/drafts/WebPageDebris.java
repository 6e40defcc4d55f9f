package org.vetted.intake.domain.drafts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Web-page furniture a paste drags along at its end: comment forms, share buttons, "Related posts" with their
 * links, newsletter and cookie notices, tags, "Previous post". One rule for every format, applied to the Markdown a
 * draft has become (a pasted line, a Markdown line, or what an HTML element converted to), so a writer gets the same
 * answer however the article was sent: the debris is removed from the end only, and reported.
 * <p>
 * From the end, lines are removed while they are blank, debris, or (after a line that opens a list of other pages,
 * such as "Related posts", "You may also like", "Share this" or "3 Comments") short lines and lines that are only links. Link-only
 * lines before such an opener stay: they are the article's sources. Tables and fenced code are never debris.
 */
final class WebPageDebris {
    static final String WARNING = "removed trailing web-page debris: ";
    /** A short line: at most this many words (and {@link #SHORT_CHARS} characters), like a post title. */
    private static final int SHORT_WORDS = 12;

    private static final int SHORT_CHARS = 90;

    /** Lines that are page furniture when they close the text: exact lines, case-insensitive. */
    private static final List<String> LINES = List.of(
            "leave a reply",
            "leave a comment",
            "cancel reply",
            "comment",
            "comments",
            "name",
            "email",
            "e-mail",
            "website",
            "post comment",
            "submit comment",
            "share this",
            "share",
            "share this article",
            "share this post",
            "share this page",
            "print",
            "print this page",
            "related posts",
            "related",
            "related articles",
            "related stories",
            "you may also like",
            "you might also like",
            "read more",
            "read next",
            "sign up for our newsletter",
            "subscribe",
            "click to share",
            "like this",
            "like",
            "loading...",
            "tweet",
            "pin it",
            "email this",
            "reply",
            "facebook",
            "twitter",
            "pinterest",
            "whatsapp",
            "linkedin",
            "reddit",
            "copy link",
            "yes",
            "no",
            "previous post",
            "next post",
            "previous article",
            "next article",
            "back to top",
            "accept",
            "accept all",
            "got it",
            "cookie settings",
            "cookie policy",
            "privacy policy",
            "about the author",
            "popular posts",
            "recommended",
            "trending");
    /** Debris lines recognised by how they start. */
    private static final List<String> PREFIXES = List.of(
            "your email address will not be published",
            "required fields are marked",
            "save my name, email",
            "share on ",
            "click to share on ",
            "click to print",
            "click to email",
            "sign up for our newsletter",
            "this site uses akismet",
            "notify me of ",
            "you must be logged in to post a comment",
            "share this ",
            "share this:",
            "tags:",
            "tagged:",
            "filed under",
            "posted in ",
            "categories:",
            "category:",
            "we use cookies",
            "this website uses cookies",
            "this site uses cookies",
            "by continuing to",
            "by subscribing",
            "©",
            "copyright ",
            "all rights reserved",
            "was this article helpful",
            "did you find this",
            "rate this",
            "subscribe to ",
            "sign up for ",
            "follow us",
            "be the first to comment",
            "« previous",
            "previous post",
            "next post");
    /** Openers of a list of other pages (or of comments): short lines and links after them are debris too. */
    private static final List<String> OPENERS = List.of(
            "related posts",
            "related",
            "related articles",
            "related stories",
            "you may also like",
            "you might also like",
            "read more",
            "read next",
            "popular posts",
            "recommended",
            "trending",
            "about the author",
            "comments",
            "leave a reply",
            "leave a comment",
            "sign up for our newsletter",
            "subscribe",
            "share",
            "share this",
            "share this article",
            "share this post",
            "share this page");

    private static final Pattern COMMENT_COUNT = Pattern.compile("^(?:\\d++ comments?|comments \\(\\d++\\))$");
    private static final String TRAILERS = "*:.…?";

    /** The body without its trailing debris, and the debris lines removed (as text, in order). */
    record Trimmed(String bodyMarkdown, List<String> removed) {
        /** The warning that names what was removed, if anything was. */
        List<String> warnings() {
            return removed.isEmpty() ? List.of() : List.of(WARNING + String.join(" | ", removed));
        }
    }

    private WebPageDebris() {}

    static Trimmed removeTrailing(String bodyMarkdown) {
        List<String> lines = List.of(bodyMarkdown.split("\n", -1));
        boolean[] code = Fences.codeLines(lines);
        int n = lines.size();
        String[] plain = new String[n];
        int window = n;
        while (window > 0) {
            int i = window - 1;
            ReadingBudget.check();
            plain[i] = code[i] ? null : plainLine(lines.get(i));
            if (plain[i] == null
                    || !(plain[i].isEmpty() || isDebris(plain[i]) || isCandidate(lines.get(i), plain[i]))) {
                break;
            }
            window = i;
        }
        int keepUntil = window;
        boolean opened = false;
        for (int i = window; i < n; i++) {
            if (plain[i].isEmpty()) {
                continue;
            }
            if (isDebris(plain[i])) {
                opened |= isOpener(plain[i]);
            } else if (!opened) {
                keepUntil = i + 1; // a short line or a link before any opener: the article's own
            }
        }
        List<String> removed = new ArrayList<>();
        for (int i = keepUntil; i < n; i++) {
            if (!plain[i].isEmpty()) {
                removed.add(plain[i]);
            }
        }
        if (removed.isEmpty()) {
            return new Trimmed(bodyMarkdown, List.of());
        }
        String kept = String.join("\n", lines.subList(0, keepUntil)).stripTrailing();
        return new Trimmed(kept.isEmpty() ? "" : kept + "\n", removed);
    }

    /**
     * A Markdown line as the text it shows, "" for a blank line or a rule, null for a table line (never debris):
     * heading, list and quote markers, tags, link targets and escapes removed; emphasis marks kept ("Name *").
     */
    static String plainLine(String line) {
        String s = line.strip();
        if (s.startsWith("|")) {
            return null;
        }
        if (s.isEmpty() || MarkdownText.isRule(s)) {
            return "";
        }
        String heading = MarkdownText.headingText(s);
        return MarkdownText.plain(heading != null ? heading : MarkdownText.withoutItemMarker(s));
    }

    static boolean isDebris(String plain) {
        String key = plain.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
        if (key.length() <= SHORT_CHARS && key.codePoints().noneMatch(Character::isLetter)) {
            return true; // comment counters, star ratings and lone asterisks of a comment form
        }
        int end = key.length();
        while (end > 0 && (Character.isWhitespace(key.charAt(end - 1)) || TRAILERS.indexOf(key.charAt(end - 1)) >= 0)) {
            end--;
        }
        String bare = key.substring(0, end).strip();
        return LINES.contains(bare)
                || PREFIXES.stream().anyMatch(key::startsWith)
                || ReadingBudget.matcher(COMMENT_COUNT, bare).matches();
    }

    private static boolean isOpener(String plain) {
        String key = plain.toLowerCase(Locale.ROOT).strip();
        int end = key.length();
        while (end > 0 && TRAILERS.indexOf(key.charAt(end - 1)) >= 0) {
            end--;
        }
        String bare = key.substring(0, end).strip();
        return OPENERS.contains(bare)
                || ReadingBudget.matcher(COMMENT_COUNT, bare).matches();
    }

    /** Short like a post title or a one-line comment, or nothing but links. */
    private static boolean isCandidate(String line, String plain) {
        if (plain.length() <= SHORT_CHARS && plain.split("\\s+").length <= SHORT_WORDS) {
            return true;
        }
        return MarkdownText.plain(MarkdownText.withoutLinks(MarkdownText.withoutItemMarker(line.strip())))
                .codePoints()
                .noneMatch(Character::isLetterOrDigit);
    }
}
