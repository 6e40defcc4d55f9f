package org.vetted.distribution.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vetted.distribution.app.RetiredClaims;

/**
 * {@link RetiredClaims} in PostgreSQL: the latest entry of each library key as review signed it, checked again when
 * read (a row that fails is taken as retired and logged as an error).
 */
public class JdbcRetiredClaims implements RetiredClaims {
    private static final Logger log = LoggerFactory.getLogger(JdbcRetiredClaims.class);

    /** Whether a kept record is review's signed entry of that key, retired as its row says. */
    public interface EntryCheck {
        boolean holds(String key, boolean retired, byte[] entry);
    }

    private final JdbcTemplate jdbc;
    private final EntryCheck check;

    public JdbcRetiredClaims(JdbcTemplate jdbc, EntryCheck check) {
        this.jdbc = jdbc;
        this.check = check;
    }

    @Override
    public void record(String key, String eventId, boolean retired, byte[] entry) {
        jdbc.update(
                "insert into library_entry (library_key, event_id, retired, entry) values (?, ?, ?, ?) "
                        + "on conflict (library_key) do update set event_id = excluded.event_id, "
                        + "retired = excluded.retired, entry = excluded.entry",
                key,
                eventId,
                retired,
                entry);
    }

    @Override
    public Set<String> retiredAmong(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Set<String> retired = new HashSet<>();
        for (String key : Set.copyOf(keys)) {
            List<Boolean> rows = jdbc.query(
                    "select retired, entry from library_entry where library_key = ?",
                    (row, n) -> {
                        boolean isRetired = row.getBoolean(1);
                        if (!check.holds(key, isRetired, row.getBytes(2))) {
                            log.error("Library entry {}: its stored record is not what review signed", key);
                            return true;
                        }
                        return isRetired;
                    },
                    key);
            if (rows.stream().anyMatch(Boolean::booleanValue)) {
                retired.add(key);
            }
        }
        return Set.copyOf(retired);
    }
}
