package org.vetted.distribution.app;

import java.util.Collection;
import java.util.Set;

/**
 * The claims library's word on each entry, as far as publishing needs it: which entries are retired. Fed from review's
 * compacted {@code claims.library} (signatures verified), kept in PostgreSQL ({@code JdbcRetiredClaims}), and asked
 * when an embargoed article is due: one that relies on a retired entry is not published.
 */
public interface RetiredClaims {
    /** None retired: for a use case that does not check the library. */
    RetiredClaims NONE = new RetiredClaims() {
        @Override
        public void record(String key, String eventId, boolean retired, byte[] entry) {}

        @Override
        public Set<String> retiredAmong(Collection<String> keys) {
            return Set.of();
        }
    };

    /** The latest entry of {@code key} (review's signed record): retired or not. A later entry replaces it. */
    void record(String key, String eventId, boolean retired, byte[] entry);

    /**
     * The keys among {@code keys} whose latest entry is a retirement; a kept entry that no longer verifies counts as
     * retired (the safe side: the article waits for a person rather than going out on a claim nobody stands by).
     */
    Set<String> retiredAmong(Collection<String> keys);
}
