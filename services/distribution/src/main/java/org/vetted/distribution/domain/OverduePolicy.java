package org.vetted.distribution.domain;

import java.util.Locale;

/**
 * What the site does with a page whose medical review expired, until a later approval is published
 * ({@code vetted.distribution.overdue-policy}). Every policy keeps the last review date and says the review is overdue.
 */
public enum OverduePolicy {
    /** The page stays as it is, with the notice. */
    KEEP,
    /** Also {@code <meta name="robots" content="noindex">} and out of the sitemap. */
    NOINDEX,
    /** Answered 410 Gone, like a takedown, until reviewed again. */
    UNPUBLISH;

    /** The setting's value: keep, noindex or unpublish (case aside). */
    public static OverduePolicy of(String setting) {
        try {
            return valueOf(setting.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "vetted.distribution.overdue-policy must be keep, noindex or unpublish, not '" + setting + "'", e);
        }
    }
}
