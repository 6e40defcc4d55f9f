package org.vetted.support.journal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How every service keeps the events it has applied: each record as it arrived from Kafka, signed, in a table
 * {@code event_journal} of its own database (the DDL is in this module's README; each service's Flyway creates it).
 * One row per event id, so a record applied twice (a redelivery, a replay, another instance) is kept once, and
 * {@link #keep} saying {@code false} is the one duplicate filter. A service's state is folded from what
 * {@link #read} gives back, and every row is read through the same inbound step as a record from the topic:
 * decoded, its signature and hash checked, mapped. A row that fails (altered in the database, or a key no longer
 * trusted) is never folded: its article is named apart, as unreadable, so no decision rests on it.
 * <p>
 * Why the record as it arrived rather than a form of the service's own: the signature travels with it, so what is
 * read back can be verified as the topic's record was; the contract's schema evolution already reads old records,
 * so no second stored format has to be evolved beside it; and a journal can be compared byte for byte with the log.
 *
 * @param <T> what the inbound step makes of a record: the service's domain event
 */
public final class EventJournal<T> {
    private static final Logger log = LoggerFactory.getLogger(EventJournal.class);

    /** The inbound step for a row: decode, verify and map a record, or throw saying why it cannot be trusted. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(byte[] record);
    }

    private final JdbcTemplate jdbc;
    private final Reader<T> reader;
    private final Function<T, String> articleOf;

    /**
     * @param reader    the same verification and mapping as records from the topics get
     * @param articleOf the article a read event belongs to: a row filed under another article is not trusted
     */
    public EventJournal(JdbcTemplate jdbc, Reader<T> reader, Function<T, String> articleOf) {
        this.jdbc = jdbc;
        this.reader = reader;
        this.articleOf = articleOf;
    }

    /**
     * Keeps a record as it arrived, in the caller's transaction; {@code false} when its event id was kept before,
     * for this article or another, and the caller must not apply it again.
     */
    public boolean keep(String articleId, String eventId, byte[] record) {
        return jdbc.update(
                        "insert into event_journal (article_id, event_id, event) values (?, ?, ?) "
                                + "on conflict (event_id) do nothing",
                        articleId,
                        eventId,
                        record)
                == 1;
    }

    /** The events of one article, in the order they were kept. */
    public Read<T> read(String articleId) {
        return readWhere("article_id = ?", articleId);
    }

    /**
     * The events of the articles a condition on {@code article_id} selects (for example
     * {@code article_id in (select ...)}), each article's in the order kept.
     */
    public Read<T> readWhere(String condition, Object... arguments) {
        List<Kept<T>> verified = new ArrayList<>();
        Set<String> unreadable = new HashSet<>();
        jdbc.query(
                "select article_id, event_id, event from event_journal where " + condition
                        + " order by article_id, seq",
                row -> {
                    String articleId = row.getString(1);
                    String problem;
                    try {
                        T event = reader.read(row.getBytes(3));
                        String belongsTo = articleOf.apply(event);
                        if (articleId.equals(belongsTo)) {
                            verified.add(new Kept<>(articleId, event));
                            return;
                        }
                        problem = "it is an event of article " + belongsTo;
                    } catch (RuntimeException e) {
                        problem = String.valueOf(e.getMessage());
                    }
                    unreadable.add(articleId);
                    log.error(
                            "article {} is unreadable: its kept event {} fails verification ({}); nothing is "
                                    + "decided on it until the row is repaired",
                            articleId,
                            row.getString(2),
                            problem);
                },
                arguments);
        return new Read<>(verified, unreadable);
    }

    /** An event read back and verified, with the article it is kept under. */
    public record Kept<T>(String articleId, T event) {}

    /** Events read back: the verified ones, and the articles that have a row failing verification. */
    public record Read<T>(List<Kept<T>> verified, Set<String> unreadable) {
        /** Every verified event, also those of unreadable articles (what a page may still show of them). */
        public List<T> all() {
            return verified.stream().map(Kept::event).toList();
        }

        /** The verified events of the articles without a failing row: all that a decision may rest on. */
        public List<T> readable() {
            return verified.stream()
                    .filter(kept -> !unreadable.contains(kept.articleId()))
                    .map(Kept::event)
                    .toList();
        }
    }
}
