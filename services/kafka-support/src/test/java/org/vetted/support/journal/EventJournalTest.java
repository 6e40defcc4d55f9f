package org.vetted.support.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.vetted.support.projection.TestDatabase;

class EventJournalTest {
    /** The DDL every service's migration creates, as the README gives it. */
    static final String DDL = """
            create table event_journal (
                seq        bigint generated always as identity primary key,
                article_id text   not null,
                event_id   text   not null unique,
                event      bytea  not null
            );
            create index event_journal_by_article on event_journal (article_id, seq);
            """;

    /** A stand-in for a signed record: "article|text|sig", where sig must be the text's length. */
    record Event(String articleId, String text) {}

    private JdbcTemplate jdbc;
    private EventJournal<Event> journal;

    @BeforeEach
    void database() {
        DataSource dataSource = new DriverManagerDataSource(TestDatabase.fresh(), "postgres", "");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(DDL);
        journal = new EventJournal<>(jdbc, EventJournalTest::verify, Event::articleId);
    }

    private static Event verify(byte[] record) {
        String[] parts = new String(record, StandardCharsets.UTF_8).split("\\|");
        if (Integer.parseInt(parts[2]) != parts[1].length()) {
            throw new IllegalArgumentException("signature does not match");
        }
        return new Event(parts[0], parts[1]);
    }

    private static byte[] signed(String articleId, String text) {
        return (articleId + "|" + text + "|" + text.length()).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEventIdIsKeptOnceWhicheverArticleItComesUnder() {
        assertThat(journal.keep("a", "e1", signed("a", "first"))).isTrue();
        assertThat(journal.keep("a", "e1", signed("a", "first")))
                .as("redelivered")
                .isFalse();
        assertThat(journal.keep("b", "e1", signed("b", "other")))
                .as("the id of another article's event")
                .isFalse();
        assertThat(journal.read("a").readable()).containsExactly(new Event("a", "first"));
        assertThat(journal.read("b").verified()).isEmpty();
    }

    @Test
    void eventsComeBackInTheOrderKeptPerArticle() {
        journal.keep("b", "e1", signed("b", "one"));
        journal.keep("a", "e2", signed("a", "two"));
        journal.keep("b", "e3", signed("b", "three"));
        assertThat(journal.readWhere("article_id in (?, ?)", "a", "b").readable())
                .containsExactly(new Event("a", "two"), new Event("b", "one"), new Event("b", "three"));
    }

    @Test
    void aRowAlteredInTheDatabaseMakesItsArticleUnreadableAndIsNeverFolded() {
        journal.keep("a", "e1", signed("a", "may help"));
        journal.keep("a", "e2", signed("a", "second"));
        journal.keep("b", "e3", signed("b", "untouched"));
        jdbc.update(
                "update event_journal set event = ? where event_id = 'e1'",
                "a|cures it|3".getBytes(StandardCharsets.UTF_8));

        EventJournal.Read<Event> read = journal.readWhere("true");
        assertThat(read.unreadable()).containsExactly("a");
        assertThat(read.readable()).containsExactly(new Event("b", "untouched"));
        assertThat(read.all()).contains(new Event("a", "second")).doesNotContain(new Event("a", "cures it"));
    }

    @Test
    void aRowFiledUnderAnotherArticleIsNotTrusted() {
        journal.keep("a", "e1", signed("b", "moved here"));
        EventJournal.Read<Event> read = journal.read("a");
        assertThat(read.unreadable()).containsExactly("a");
        assertThat(read.readable()).isEmpty();
    }
}
