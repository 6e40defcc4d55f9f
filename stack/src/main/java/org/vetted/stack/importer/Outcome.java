package org.vetted.stack.importer;

/** What became of one file. */
public record Outcome(String file, Kind kind, String articleId, Integer revision, String reason) {
    public enum Kind {
        /** A new article. */
        CREATED,
        /** A new revision of the article an earlier version of the file made. */
        REVISED,
        /** Sent before with this content: intake answered with what the first request made; nothing new. */
        ALREADY_IMPORTED,
        /** Sent and refused, or not answered after every retry. */
        FAILED,
        /** A draft file not sent: too large, empty, not UTF-8, unreadable. */
        SKIPPED,
        /** Not a draft (another extension, a link, a hidden file): left alone. */
        IGNORED
    }

    static Outcome accepted(String file, Kind kind, String articleId, Integer revision) {
        return new Outcome(file, kind, articleId, revision, null);
    }

    static Outcome failed(String file, String reason) {
        return new Outcome(file, Kind.FAILED, null, null, reason);
    }

    static Outcome skipped(String file, String reason) {
        return new Outcome(file, Kind.SKIPPED, null, null, reason);
    }

    static Outcome ignored(String file, String reason) {
        return new Outcome(file, Kind.IGNORED, null, null, reason);
    }

    public boolean ok() {
        return kind == Kind.CREATED || kind == Kind.REVISED || kind == Kind.ALREADY_IMPORTED || kind == Kind.IGNORED;
    }
}
