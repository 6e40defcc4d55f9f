package org.vetted.review.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vetted.review.app.Incoming;
import org.vetted.review.app.SignedRecords;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.LibraryEntries;
import org.vetted.review.domain.library.LibraryEntry;

/**
 * The claims library's entries in PostgreSQL ({@code library_entry}): each key's latest record as the contract encodes
 * it, with its index words (a GIN index finds the entries sharing a word with a claim) and its search text. The
 * later record wins in the upsert itself, so two instances recording records of one key at once keep the later.
 * <p>
 * Every row read back is verified as an entry read from Kafka is ({@link SignedRecords#read}): review's signature,
 * and its key against the row's. A row that fails is logged at ERROR with the key and the reason and left out: the
 * key has no entry, so nothing is offered or accepted from it (whoever holds the database credential cannot write the
 * library).
 */
final class JdbcLibraryEntries implements LibraryEntries {
    private static final Logger log = LoggerFactory.getLogger(JdbcLibraryEntries.class);
    private final JdbcTemplate jdbc;
    private final SignedRecords records;

    JdbcLibraryEntries(JdbcTemplate jdbc, SignedRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    @Override
    public boolean record(LibraryEntry entry) {
        byte[] encoded = records.signed(entry);
        Object[] words = ClaimLibrary.indexWords(entry.claimText()).toArray();
        return jdbc.update(connection -> {
                    PreparedStatement upsert =
                            connection.prepareStatement("insert into library_entry (library_key, made_at, "
                                    + "approved_at, words, search_text, entry) values (?, ?, ?, ?, ?, ?) "
                                    + "on conflict (library_key) do update set made_at = excluded.made_at, "
                                    + "approved_at = excluded.approved_at, words = excluded.words, "
                                    + "search_text = excluded.search_text, entry = excluded.entry "
                                    + "where library_entry.made_at <= excluded.made_at");
                    upsert.setString(1, entry.key());
                    upsert.setTimestamp(2, Timestamp.from(entry.madeAt()));
                    upsert.setTimestamp(3, Timestamp.from(entry.approvedAt()));
                    upsert.setArray(4, connection.createArrayOf("text", words));
                    upsert.setString(5, ClaimLibrary.searchText(entry.claimText()));
                    upsert.setBytes(6, encoded);
                    return upsert;
                })
                == 1;
    }

    @Override
    public Optional<LibraryEntry> find(String key) {
        return jdbc
                .query(
                        "select library_key, entry from library_entry where library_key = ?",
                        (row, i) -> decode(row.getString(1), row.getBytes(2)),
                        key)
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    @Override
    public int size() {
        Integer count = jdbc.queryForObject("select count(*) from library_entry", Integer.class);
        return count == null ? 0 : count;
    }

    @Override
    public List<LibraryEntry> sharingWords(Collection<String> words, int atLeast) {
        return jdbc
                .query(
                        connection -> {
                            PreparedStatement select = connection.prepareStatement(
                                    "select library_key, entry from library_entry "
                                            + "where words && ? "
                                            + "and cardinality(array(select unnest(words) intersect select unnest(?))) >= ?");
                            Array wanted = textArray(connection, words);
                            select.setArray(1, wanted);
                            select.setArray(2, wanted);
                            select.setInt(3, Math.max(1, atLeast));
                            return select;
                        },
                        (row, i) -> decode(row.getString(1), row.getBytes(2)))
                .stream()
                .filter(Objects::nonNull)
                .toList();
    }

    @Override
    public List<LibraryEntry> containingAll(List<String> words, int limit) {
        StringBuilder sql = new StringBuilder("select library_key, entry from library_entry where true");
        words.forEach(word -> sql.append(" and strpos(search_text, ?) > 0"));
        sql.append(" order by approved_at desc, library_key limit ?");
        Object[] arguments = new Object[words.size() + 1];
        for (int i = 0; i < words.size(); i++) {
            arguments[i] = words.get(i);
        }
        arguments[words.size()] = limit;
        return jdbc.query(sql.toString(), (row, i) -> decode(row.getString(1), row.getBytes(2)), arguments).stream()
                .filter(Objects::nonNull)
                .toList();
    }

    private static Array textArray(Connection connection, Collection<String> words) throws SQLException {
        return connection.createArrayOf("text", words.toArray());
    }

    /** The row's entry, or null (logged) when it fails verification. */
    private LibraryEntry decode(String key, byte[] stored) {
        String problem;
        try {
            Incoming read = records.read(stored);
            if (read instanceof Incoming.Library library
                    && library.entry().key().equals(key)) {
                return library.entry();
            }
            problem = read instanceof Incoming.Unsigned unsigned
                    ? unsigned.reason()
                    : read instanceof Incoming.Library library
                            ? "it is the entry of key " + library.entry().key()
                            : "it is no claims library entry";
        } catch (RuntimeException e) {
            problem = String.valueOf(e.getMessage());
        }
        log.error(
                "library entry {} is left out: its stored record fails verification ({}); nothing is offered or "
                        + "accepted from it until the row is repaired",
                key,
                problem);
        return null;
    }
}
