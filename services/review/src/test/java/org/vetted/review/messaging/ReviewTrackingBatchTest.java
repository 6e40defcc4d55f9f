package org.vetted.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.observation.ObservationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.Topics;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.app.DecisionPublisher;
import org.vetted.review.app.Incoming;
import org.vetted.review.app.QueueOrder;
import org.vetted.review.app.QueueQuery;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.gate.ClaimDecisionRequest;
import org.vetted.review.domain.gate.ClaimOutcome;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.store.JdbcReviewStore;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.LibraryEntries;
import org.vetted.review.support.ReviewParts;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.StoreUnavailableException;
import org.vetted.support.projection.TestDatabase;

/**
 * The review board's consumer applying a poll in one database transaction (PostgreSQL; the container's retries and
 * dead letters are kafka-support's). Signed facts come from a source instance on a database of its own, as they would
 * come back from the topics.
 */
class ReviewTrackingBatchTest {
    private static final EventMapper MAPPER = ReviewParts.MAPPER;
    private static final SignedEventRecords RECORDS = ReviewParts.RECORDS;
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private static final FourEyesRule FOUR_EYES = ReviewParts.FOUR_EYES;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final List<String> TOPICS = List.of(
            Topics.DRAFT_SUBMITTED,
            Topics.CLAIM_REVIEWED,
            Topics.APPROVED,
            Topics.REVIEW_RETURNED,
            Topics.WITHDRAWN,
            Topics.REVIEW_STATUS,
            Topics.CLAIMS_LIBRARY);

    private final DataSource database =
            TestDatabase.migrated("classpath:db/migration", "classpath:db/projection-support");
    private final JdbcTemplate rows = new JdbcTemplate(database);
    private final JdbcReviewStore store = ReviewParts.store(database);
    private final SharedProjection projection = new SharedProjection(
            "review",
            TOPICS,
            rows,
            new TransactionTemplate(new DataSourceTransactionManager(database)),
            ObservationRegistry.NOOP);
    private final Consumer<Message<Object>> track =
            ReviewTracking.tracking(workflow(store, ReviewParts.capturingInto(new ArrayList<>())), MAPPER, projection);

    /** Where the facts are made: another instance, on a database of its own. */
    private final JdbcReviewStore source = ReviewParts.store(TestDatabase.migrated("classpath:db/migration"));

    /** What the source published, as the records read back from the topics. */
    private final List<SpecificRecordBase> published = new ArrayList<>();

    private final ReviewWorkflow atSource = workflow(source, ReviewParts.capturingInto(published));
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static ReviewWorkflow workflow(JdbcReviewStore store, DecisionPublisher publisher) {
        return ReviewParts.workflow(store, publisher, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private record At(String topic, long offset, Object payload) {}

    /** One poll as a batch-mode binding hands it over: the payloads in a list, Kafka's metadata as lists. */
    private static Message<Object> poll(At... records) {
        List<Object> payloads = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        for (At record : records) {
            payloads.add(record.payload());
            topics.add(record.topic());
            partitions.add(0);
            offsets.add(record.offset());
        }
        return MessageBuilder.<Object>withPayload(payloads)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, topics)
                .setHeader(KafkaHeaders.RECEIVED_PARTITION, partitions)
                .setHeader(KafkaHeaders.OFFSET, offsets)
                .build();
    }

    private static At draft(long offset, DraftSubmitted draft) {
        return new At(Topics.DRAFT_SUBMITTED, offset, draft);
    }

    /** The draft, at the source too, so that decisions can be made on it there. */
    private DraftSubmitted submittedAtSource(String articleId, int revision) {
        DraftSubmitted draft = DraftEvents.draft(articleId, revision, false);
        source.apply(((Incoming.Fact) MAPPER.toDomain(draft)).event(), CATALOG.encode(draft));
        return draft;
    }

    /** A claim decision made at the source, as read back from article.claim-reviewed. */
    private SpecificRecordBase decidedAtSource(String articleId, int revision, Actor actor, String claimId) {
        ClaimOutcome outcome = atSource.decideClaim(
                articleId,
                new ClaimDecisionRequest(actor, claimId, ClaimVerdict.APPROVED, null, "doi:10.1000/x", revision));
        assertThat(outcome).isInstanceOf(ClaimOutcome.Decided.class);
        return published.get(published.size() - 1);
    }

    private long position(String topic) {
        return projection.positions().entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic))
                .mapToLong(entry -> entry.getValue())
                .findFirst()
                .orElse(0L);
    }

    private List<String> journalOf(String articleId) {
        return rows.queryForList(
                "select event_id from event_journal where article_id = ? order by seq", String.class, articleId);
    }

    @Test
    void aPollIsAppliedInOrderForEachArticleAndItsPositionsMoveWithIt() {
        String a = "art-a-" + UUID.randomUUID();
        String b = "art-b-" + UUID.randomUUID();
        DraftSubmitted a1 = submittedAtSource(a, 1);
        SpecificRecordBase decision = decidedAtSource(a, 1, Actors.RITA, "c-pain");
        DraftSubmitted a2 = submittedAtSource(a, 2);
        DraftSubmitted b1 = submittedAtSource(b, 1);

        track.accept(poll(draft(0, a1), new At(Topics.CLAIM_REVIEWED, 0, decision), draft(1, a2), draft(2, b1)));

        assertThat(journalOf(a))
                .containsExactly(a1.getEventId(), decision.get("eventId").toString(), a2.getEventId());
        assertThat(store.find(a).orElseThrow().draft().revision()).isEqualTo(2);
        assertThat(store.find(b)).isPresent();
        assertThat(position(Topics.DRAFT_SUBMITTED)).isEqualTo(3);
        assertThat(position(Topics.CLAIM_REVIEWED)).isEqualTo(1);

        track.accept(poll(draft(0, a1), draft(1, a2), draft(2, b1)));
        assertThat(journalOf(a)).as("a poll read again changes nothing").hasSize(3);
    }

    @Test
    void aPoisonRecordIsNamedWithItsCauseAndTheRecordsBeforeItStayApplied() {
        String a = "art-a-" + UUID.randomUUID();
        String b = "art-b-" + UUID.randomUUID();
        DraftSubmitted a1 = DraftEvents.draft(a, 1, false);
        DraftSubmitted otherText = DraftEvents.draft(a, 1, false, "Curcumin cures arthritis.\n");
        otherText.setEventId(a + "-other");
        otherText.setSignature(null);
        DraftEvents.INTAKE.sign(otherText);
        DraftSubmitted b1 = DraftEvents.draft(b, 1, false);

        assertThatThrownBy(() -> track.accept(poll(draft(0, a1), draft(1, otherText), draft(2, b1))))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex()).isEqualTo(1))
                .hasRootCauseInstanceOf(PoisonEventException.class)
                .rootCause()
                .hasMessageContainingAll("revision 1", "other text");
        assertThat(journalOf(a)).containsExactly(a1.getEventId());
        assertThat(store.find(b)).as("redelivered after the poison record").isEmpty();
        assertThat(position(Topics.DRAFT_SUBMITTED)).isEqualTo(1);

        // The container dead-letters the poison record alone and hands over the rest again.
        track.accept(poll(draft(2, b1)));
        assertThat(store.find(b)).isPresent();
        assertThat(store.find(a).orElseThrow().draft().contentHash()).isEqualTo(a1.getContentHash());
        assertThat(position(Topics.DRAFT_SUBMITTED)).isEqualTo(3);
    }

    @Test
    void aDatabaseFailureFailsTheWholePollAsTheStoresFaultNeverTheRecords() {
        String a = "art-a-" + UUID.randomUUID();
        String b = "art-b-" + UUID.randomUUID();
        Message<Object> poll = poll(draft(0, DraftEvents.draft(a, 1, false)), draft(1, DraftEvents.draft(b, 1, false)));
        rows.execute("alter table event_journal rename to event_journal_away");

        assertThatThrownBy(() -> track.accept(poll))
                .isInstanceOfSatisfying(
                        BatchListenerFailedException.class,
                        failed -> assertThat(failed.getIndex())
                                .as("the poll's first record: retried without end")
                                .isZero())
                .hasCauseInstanceOf(StoreUnavailableException.class);
        assertThat(rows.queryForObject("select count(*) from review_article", Integer.class))
                .isZero();

        rows.execute("alter table event_journal_away rename to event_journal");
        track.accept(poll);
        assertThat(store.find(a)).isPresent();
        assertThat(store.find(b)).isPresent();
        assertThat(position(Topics.DRAFT_SUBMITTED)).isEqualTo(2);
    }

    @Test
    void aPollTakesItsArticlesRowsInIdOrderBeforeItWritesAny() throws Exception {
        String first = "art-a-" + UUID.randomUUID();
        String second = "art-b-" + UUID.randomUUID();
        DraftSubmitted firstDraft = submittedAtSource(first, 1);
        DraftSubmitted secondDraft = submittedAtSource(second, 1);
        track.accept(poll(draft(0, firstDraft), draft(1, secondDraft)));
        SpecificRecordBase onSecond = decidedAtSource(second, 1, Actors.RITA, "c-pain");
        SpecificRecordBase onFirst = decidedAtSource(first, 1, Actors.RITA, "c-pain");
        DraftSubmitted secondAgain = submittedAtSource(second, 2);

        try (Connection holder = database.getConnection()) {
            holder.setAutoCommit(false);
            lockRow(holder, first);
            // Its records name the second article first: it waits for the first article's row holding no other.
            Future<?> waiting = threads.submit(() -> track.accept(
                    poll(new At(Topics.CLAIM_REVIEWED, 0, onSecond), new At(Topics.CLAIM_REVIEWED, 1, onFirst))));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() == 1);
            // So another poll (another partition's) touching only the second article goes through meanwhile.
            threads.submit(() -> track.accept(poll(draft(2, secondAgain)))).get(30, TimeUnit.SECONDS);
            assertThat(waiting).isNotDone();
            holder.commit();
            waiting.get(30, TimeUnit.SECONDS);
        }
        assertThat(journalOf(first)).hasSize(2);
        assertThat(journalOf(second)).hasSize(3);
    }

    @Test
    void aDecisionWhileAPollHoldsItsArticleWaitsForItAndBothCommit() throws Exception {
        String a = "art-a-" + UUID.randomUUID();
        String b = "art-b-" + UUID.randomUUID();
        DraftSubmitted aDraft = submittedAtSource(a, 1);
        DraftSubmitted bDraft = submittedAtSource(b, 1);
        track.accept(poll(draft(0, aDraft), draft(1, bDraft)));
        LibraryEntry entry = LibraryEntries.pain(NOW).build();
        store.recordLibrary(entry);
        SpecificRecordBase onA = decidedAtSource(a, 1, Actors.PAUL, "c-dose");
        SpecificRecordBase onB = decidedAtSource(b, 1, Actors.PAUL, "c-dose");
        SpecificRecordBase entryAgain = CATALOG.decode(RECORDS.signed(entry));
        CountDownLatch published = new CountDownLatch(1);
        ReviewWorkflow atHttp = workflow(ReviewParts.store(database), new DecisionPublisher() {
            @Override
            public void publish(Outgoing event) {
                published.countDown();
            }

            @Override
            public void publishTogether(List<Outgoing> events) {
                published.countDown();
            }
        });

        Future<?> batch;
        Future<ClaimOutcome> decision;
        try (Connection holder = database.getConnection()) {
            holder.setAutoCommit(false);
            // The library entry's row is held: the poll stops there with both articles' rows locked.
            try (PreparedStatement lock =
                    holder.prepareStatement("select 1 from library_entry where library_key = ? for update")) {
                lock.setString(1, entry.key());
                lock.executeQuery().close();
            }
            batch = threads.submit(() -> track.accept(poll(
                    new At(Topics.CLAIM_REVIEWED, 0, onA),
                    new At(Topics.CLAIMS_LIBRARY, 0, entryAgain),
                    new At(Topics.CLAIM_REVIEWED, 1, onB))));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() == 1);
            // A reviewer decides on article a: the article's advisory lock, then its row, held by the poll.
            decision = CompletableFuture.supplyAsync(
                    () -> atHttp.decideClaim(
                            a,
                            new ClaimDecisionRequest(
                                    Actors.RITA, "c-dose", ClaimVerdict.APPROVED, null, "doi:10.1000/x", 1)),
                    threads);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() == 2);
            assertThat(published.getCount())
                    .as("nothing published while it waits")
                    .isEqualTo(1);
            holder.commit();
        }
        batch.get(30, TimeUnit.SECONDS);
        assertThat(decision.get(30, TimeUnit.SECONDS)).isInstanceOf(ClaimOutcome.Decided.class);
        assertThat(published.getCount()).isZero();
        assertThat(store.find(a)
                        .orElseThrow()
                        .claimState("c-dose")
                        .orElseThrow()
                        .approvals())
                .as("Paul's from the poll and Rita's from the request")
                .isEqualTo(2);
        assertThat(store.find(b)
                        .orElseThrow()
                        .claimState("c-dose")
                        .orElseThrow()
                        .approvals())
                .isEqualTo(1);
    }

    @Test
    void anArticleTakingAnEntryWhileItIsBeingRetiredIsIndexedSeeingTheRetirement() throws Exception {
        String a = "art-a-" + UUID.randomUUID();
        track.accept(poll(draft(0, submittedAtSource(a, 1))));
        LibraryEntry entry = LibraryEntries.pain(NOW).build();
        source.recordLibrary(entry);
        store.recordLibrary(entry);
        assertThat(atSource.acceptFromLibrary(a, "c-pain", 1, Actors.RITA)).isInstanceOf(ClaimOutcome.Decided.class);
        SpecificRecordBase accepted = published.get(published.size() - 1);
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ReviewWorkflow retiring = workflow(ReviewParts.store(database), new DecisionPublisher() {
            @Override
            public void publish(Outgoing event) {
                publishing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void publishTogether(List<Outgoing> events) {
                events.forEach(this::publish);
            }
        });

        // The retirement has flagged the articles using the entry and is publishing, not committed yet.
        Future<LibraryEntry> retirement =
                threads.submit(() -> retiring.retire(entry.key(), Actors.PAUL, "the trial was retracted"));
        assertThat(publishing.await(30, TimeUnit.SECONDS)).isTrue();
        // The acceptance, read back: the article takes the key now, so it waits for the retirement to commit.
        Future<?> batch = threads.submit(() -> track.accept(poll(new At(Topics.CLAIM_REVIEWED, 0, accepted))));
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() == 1);
        release.countDown();
        assertThat(retirement.get(30, TimeUnit.SECONDS).isRetired()).isTrue();
        batch.get(30, TimeUnit.SECONDS);

        assertThat(store.queue(new QueueQuery(QueueOrder.OLDEST, null, null, false, "rita", null, null, false, 10))
                        .reviews())
                .as("Rita's acceptance counts no more, and the queue's facts say so")
                .isEmpty();
        assertThat(store.find(a)
                        .orElseThrow()
                        .claimState("c-pain")
                        .orElseThrow()
                        .isApproved())
                .isFalse();
    }

    @Test
    void aSignOffAndAPollWritingTheSameLibraryEntriesInOppositeOrdersBothCommit() throws Exception {
        LibraryEntry pollsPain = LibraryEntries.entry("Curcumin may reduce knee pain.", NOW)
                .eventId("lib-poll-1")
                .approvedAt(NOW.minus(Duration.ofDays(2)))
                .build();
        LibraryEntry pollsDose = LibraryEntries.entry("Take 200 mg of magnesium a day.", NOW)
                .eventId("lib-poll-2")
                .approvedAt(NOW.minus(Duration.ofDays(2)))
                .build();
        LibraryEntry signedPain = LibraryEntries.entry(pollsPain.claimText(), NOW)
                .eventId("lib-sign-1")
                .approvedAt(NOW.minus(Duration.ofDays(1)))
                .build();
        LibraryEntry signedDose = LibraryEntries.entry(pollsDose.claimText(), NOW)
                .eventId("lib-sign-2")
                .approvedAt(NOW.minus(Duration.ofDays(1)))
                .build();
        String blocked = "art-x-" + UUID.randomUUID();
        DraftSubmitted blockedDraft = submittedAtSource(blocked, 1);
        // The poll names the entries in the order opposite to the sign-off's (which writes them in key order).
        boolean painFirst = pollsPain.key().compareTo(pollsDose.key()) < 0;
        LibraryEntry pollsFirst = painFirst ? pollsDose : pollsPain;
        LibraryEntry pollsLast = painFirst ? pollsPain : pollsDose;

        Future<?> batch;
        Future<?> signOff;
        try (Connection holder = database.getConnection()) {
            holder.setAutoCommit(false);
            // An article row inserted and not committed: the poll stops at its draft, the first entry written.
            try (PreparedStatement insert =
                    holder.prepareStatement("insert into review_article (article_id) values (?)")) {
                insert.setString(1, blocked);
                insert.executeUpdate();
            }
            batch = threads.submit(() -> track.accept(poll(
                    new At(Topics.CLAIMS_LIBRARY, 0, CATALOG.decode(RECORDS.signed(pollsFirst))),
                    draft(1, blockedDraft),
                    new At(Topics.CLAIMS_LIBRARY, 1, CATALOG.decode(RECORDS.signed(pollsLast))))));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() == 1);
            signOff = threads.submit(() ->
                    ReviewParts.store(database).publishAndRecord(() -> {}, List.of(), List.of(signedPain, signedDose)));
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOnLocks() == 2);
            // The poll goes on to its last entry, which the sign-off would hold had it taken it row by row.
            holder.rollback();
        }
        batch.get(30, TimeUnit.SECONDS);
        signOff.get(30, TimeUnit.SECONDS);

        assertThat(journalOf(blocked)).hasSize(1);
        assertThat(rows.queryForList("select library_key from library_entry order by 1", String.class))
                .containsExactlyInAnyOrder(signedPain.key(), signedDose.key());
        assertThat(store.library().search("magnesium"))
                .extracting(LibraryEntry::eventId)
                .as("the later record of each key wins, whichever committed first")
                .containsExactly("lib-sign-2");
    }

    private static void lockRow(Connection holder, String articleId) throws Exception {
        try (PreparedStatement lock =
                holder.prepareStatement("select 1 from review_article where article_id = ? for update")) {
            lock.setString(1, articleId);
            lock.executeQuery().close();
        }
    }

    /** Sessions of this database waiting for a lock another holds. */
    private int waitingOnLocks() {
        Integer waiting = rows.queryForObject(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
                Integer.class);
        return waiting == null ? 0 : waiting;
    }
}
