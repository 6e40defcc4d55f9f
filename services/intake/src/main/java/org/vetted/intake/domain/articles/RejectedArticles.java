package org.vetted.intake.domain.articles;

/**
 * What a reviewer's rejection of a whole article means for its writers: the end of it, or a reason to try again. A
 * setting of the service ({@code vetted.intake.rejected-articles}), read by the domain's rules and the pages alike.
 */
public enum RejectedArticles {
    /** A rejected article is closed: no new revision of it is accepted. */
    FINAL,
    /** A rejected article may get a new revision that addresses the reviewer's reasons. */
    REVISABLE;

    /** The setting's value, {@code final} or {@code revisable} (any case); anything else stops the service. */
    public static RejectedArticles of(String setting) {
        for (RejectedArticles value : values()) {
            if (value.name().equalsIgnoreCase(setting == null ? "" : setting.strip())) {
                return value;
            }
        }
        throw new IllegalArgumentException(
                "vetted.intake.rejected-articles must be final or revisable, not \"" + setting + "\"");
    }

    /** Whether an article whose latest revision is {@code status} may get a new revision. */
    public boolean permitsRevisionAfter(ArticleStatus status) {
        return this == REVISABLE || status != ArticleStatus.REJECTED;
    }
}
