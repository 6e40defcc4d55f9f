package org.vetted.intake.domain.accounts;

import org.vetted.intake.domain.drafts.Text;

/** A writer credited on an article: a login, or "external:&lt;slug&gt;" for a named co-author without one. */
public record Author(String username, String displayName) {
    public static final String EXTERNAL_PREFIX = "external:";

    /** A co-author named in front matter who has no account. */
    public static Author external(String name) {
        return new Author(EXTERNAL_PREFIX + Text.slug(name, 80), name);
    }
}
