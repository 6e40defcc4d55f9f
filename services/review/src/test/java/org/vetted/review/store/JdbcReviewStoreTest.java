package org.vetted.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import org.vetted.contract.EventCatalog;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.app.DecisionPublisher;
import org.vetted.review.app.Incoming;
import org.vetted.review.app.NoLibraryMatchException;
import org.vetted.review.app.PublishFailedException;
import org.vetted.review.app.QueueOrder;
import org.vetted.review.app.QueuePage;
import org.vetted.review.app.QueueQuery;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.app.UnknownArticleException;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.board.ReviewBoard;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.board.ReviewStatus;
import org.vetted.review.domain.gate.ClaimDecisionRequest;
import org.vetted.review.domain.gate.ClaimOutcome;
import org.vetted.review.domain.gate.SignOffDecision;
import org.vetted.review.domain.gate.SignOffOutcome;
import org.vetted.review.domain.gate.SignOffRequest;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.withdrawal.Withdrawal;
import org.vetted.review.domain.withdrawal.WithdrawalKind;
import org.vetted.review.domain.withdrawal.Withdrawals;
import org.vetted.review.messaging.EventMapper;
import org.vetted.review.messaging.SignedEventRecords;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.LibraryEntries;
import org.vetted.review.support.ReviewParts;
import org.vetted.support.projection.TestDatabase;

/**
 * The board and the library in PostgreSQL, as two instances of review share them: each instance is a store and a
 * workflow of its own on one database. The publisher is a mock (the Kafka side is the end-to-end suite's).
 */
class JdbcReviewStoreTest {
    private static final EventMapper MAPPER = ReviewParts.MAPPER;
    private static final SignedEventRecords RECORDS = ReviewParts.RECORDS;
    /** Near PostgreSQL's clock, which stamps acceptances from the library and retirements. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** One rule for all: reviews compare equal only under the same rule instance. */
    private static final FourEyesRule FOUR_EYES = ReviewParts.FOUR_EYES;

    private static final EventCatalog CATALOG = EventCatalog.standard();
    /** Review's key id, review's name, but not a key review trusts: what a database writer could sign with. */
    private static final Signatures STRANGER =
            new Signatures(SigningKey.generate(Issuer.REVIEW, "review-x"), DemoKeys.trusted());

    private final DataSource database = TestDatabase.migrated("classpath:db/migration");
    private final JdbcReviewStore one = ReviewParts.store(database);
    private final JdbcReviewStore two = ReviewParts.store(database);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    private static ReviewWorkflow workflow(JdbcReviewStore store, DecisionPublisher publisher) {
        return ReviewParts.workflow(store, publisher, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static ReviewBoard.Applied submit(JdbcReviewStore store, DraftSubmitted draft) {
        return store.apply(((Incoming.Fact) MAPPER.toDomain(draft)).event(), CATALOG.encode(draft));
    }

    private static String newArticle(JdbcReviewStore store) {
        String articleId = "art-" + UUID.randomUUID();
        assertThat(submit(store, DraftEvents.draft(articleId, 1, false))).isEqualTo(ReviewBoard.Applied.APPLIED);
        return articleId;
    }

    /** Both claims approved; the dose claim, a four-eyes class, by two reviewers. */
    private static void approveClaims(ReviewWorkflow workflow, String articleId) {
        decide(workflow, articleId, Actors.RITA, "c-pain");
        decide(workflow, articleId, Actors.RITA, "c-dose");
        decide(workflow, articleId, Actors.PAUL, "c-dose");
    }

    private static ClaimOutcome decide(ReviewWorkflow workflow, String articleId, Actor actor, String claimId) {
        ClaimOutcome outcome = workflow.decideClaim(
                articleId,
                new ClaimDecisionRequest(actor, claimId, ClaimVerdict.APPROVED, null, "doi:10.1000/curcumin", 1));
        assertThat(outcome).isInstanceOf(ClaimOutcome.Decided.class);
        return outcome;
    }

    private static SignOffRequest approval() {
        return new SignOffRequest(Actors.PAUL, SignOffDecision.APPROVE, null, DraftEvents.contentHash(1));
    }

    @Test
    void theQueueIsPagedInTheDatabaseAndRowsWithoutQueueFactsAreIndexedWhenRead() {
        String tag = "tag-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String articleId = "art-" + UUID.randomUUID();
            submit(
                    one,
                    DraftEvents.listed(articleId, false, "Queue " + i, List.of(tag), NOW.minusSeconds(600 - 60L * i)));
            ids.add(articleId);
        }
        // As a row written before the queue kept its facts: none, and not indexed.
        new JdbcTemplate(database)
                .update(
                        "update review_article set title = null, tags = '{}', "
                                + "queue_indexed = false where article_id = ?",
                        ids.get(0));

        QueuePage first = two.queue(new QueueQuery(QueueOrder.OLDEST, null, tag, false, null, null, null, false, 2));
        assertThat(first.reviews()).extracting(ArticleReview::articleId).containsExactly(ids.get(0), ids.get(1));
        assertThat(first.previous()).isNull();
        QueuePage rest =
                two.queue(new QueueQuery(QueueOrder.OLDEST, null, tag, false, null, null, first.next(), false, 2));
        assertThat(rest.reviews()).extracting(ArticleReview::articleId).containsExactly(ids.get(2));
        assertThat(rest.next()).isNull();
        QueuePage back =
                two.queue(new QueueQuery(QueueOrder.OLDEST, null, tag, false, null, null, rest.previous(), true, 2));
        assertThat(back.reviews()).extracting(ArticleReview::articleId).containsExactly(ids.get(0), ids.get(1));
        assertThat(back.previous()).isNull();

        // Rita's approval of a dose claim: the article now waits for a second reviewer, and comes first by risk.
        decide(workflow(one, mock(DecisionPublisher.class)), ids.get(2), Actors.RITA, "c-dose");
        assertThat(two.queue(new QueueQuery(QueueOrder.RISK, null, tag, false, null, null, null, false, 3))
                        .reviews())
                .extracting(ArticleReview::articleId)
                .containsExactly(ids.get(2), ids.get(0), ids.get(1));
        assertThat(two.queue(new QueueQuery(QueueOrder.NEWEST, null, tag, true, "RITA", "queue", null, false, 3))
                        .reviews())
                .extracting(ArticleReview::articleId)
                .containsExactly(ids.get(2));
    }

    @Test
    void whatOneInstanceRecordsTheOtherAnswersAlike() {
        String articleId = newArticle(one);
        approveClaims(workflow(one, mock(DecisionPublisher.class)), articleId);

        ArticleReview seenByTwo = two.find(articleId).orElseThrow();
        assertThat(seenByTwo).isEqualTo(one.find(articleId).orElseThrow());
        assertThat(seenByTwo.decisions()).hasSize(3);
        assertThat(two.awaitingDecision()).extracting(ArticleReview::articleId).containsExactly(articleId);
        assertThat(two.history(articleId)).isEqualTo(one.history(articleId));

        assertThat(workflow(two, mock(DecisionPublisher.class)).signOff(articleId, approval()))
                .isInstanceOf(SignOffOutcome.Approved.class);
        assertThat(one.find(articleId).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(one.awaitingDecision()).isEmpty();
        assertThat(ReviewParts.store(database).find(articleId))
                .as("a restarted instance")
                .isEqualTo(two.find(articleId));
    }

    @Test
    void aRepeatedFactChangesNothingAndADraftWithOtherTextUnderItsNumberIsNotKept() {
        String articleId = newArticle(one);
        ArticleReview before = one.find(articleId).orElseThrow();

        assertThat(submit(two, DraftEvents.draft(articleId, 1, false))).isEqualTo(ReviewBoard.Applied.DUPLICATE);
        DraftSubmitted otherText = DraftEvents.draft(articleId, 1, false, "Other text entirely.\n");
        otherText.setEventId(articleId + "-forged");
        SpecificRecordBase signed = DraftEvents.INTAKE.sign(otherText);
        assertThat(two.apply(((Incoming.Fact) MAPPER.toDomain(signed)).event(), CATALOG.encode(signed)))
                .isEqualTo(ReviewBoard.Applied.CONFLICTING);

        assertThat(one.find(articleId)).contains(before);
        assertThat(new JdbcTemplate(database)
                        .queryForObject(
                                "select count(*) from event_journal where article_id = ?", Integer.class, articleId))
                .isEqualTo(1);
    }

    @Test
    void theFoldMatchesTheBoardInMemoryForFactsReadOutOfOrder() {
        String articleId = "art-" + UUID.randomUUID();
        List<SpecificRecordBase> published = new ArrayList<>();
        DecisionPublisher capturing = mock(DecisionPublisher.class);
        doAnswer(call -> published.add(CATALOG.decode(
                        call.<DecisionPublisher.Outgoing>getArgument(0).record())))
                .when(capturing)
                .publish(any());
        doAnswer(call -> {
                    List<DecisionPublisher.Outgoing> events = call.getArgument(0);
                    events.forEach(event -> published.add(CATALOG.decode(event.record())));
                    return null;
                })
                .when(capturing)
                .publishTogether(anyList());
        JdbcReviewStore writer = ReviewParts.store(TestDatabase.migrated("classpath:db/migration"));
        List<SpecificRecordBase> facts = new ArrayList<>();
        facts.add(DraftEvents.draft(articleId, 1, false));
        submit(writer, DraftEvents.draft(articleId, 1, false));
        approveClaims(workflow(writer, capturing), articleId);
        workflow(writer, capturing).signOff(articleId, approval());
        facts.addAll(published);
        facts.add(DraftEvents.draft(articleId, 2, false));

        Collections.reverse(facts);
        ReviewBoard inMemory = new ReviewBoard(ReviewBoard.DEFAULT_MAX_WAITING, dropped -> {}, FOUR_EYES);
        for (SpecificRecordBase fact : facts) {
            if (MAPPER.toDomain(fact) instanceof Incoming.Fact read) {
                assertThat(one.apply(read.event(), CATALOG.encode(fact))).isEqualTo(inMemory.apply(read.event()));
            }
        }

        assertThat(one.find(articleId)).isEqualTo(inMemory.find(articleId));
        assertThat(one.history(articleId)).isEqualTo(inMemory.history(articleId));
        assertThat(one.find(articleId).orElseThrow().revision()).isEqualTo(2);
        assertThat(two.awaitingDecision()).isEqualTo(inMemory.awaitingDecision());
    }

    @Test
    void twoInstancesSigningOffOneArticleAtOnceApproveItOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            String articleId = newArticle(one);
            approveClaims(workflow(one, mock(DecisionPublisher.class)), articleId);
            // A slow publish widens the window between the check and the record.
            DecisionPublisher slow = mock(DecisionPublisher.class);
            doAnswer(call -> {
                        Thread.sleep(50);
                        return null;
                    })
                    .when(slow)
                    .publishTogether(anyList());
            ReviewWorkflow atOne = workflow(one, slow);
            ReviewWorkflow atTwo = workflow(two, slow);

            List<Future<SignOffOutcome>> outcomes = threads.invokeAll(List.<Callable<SignOffOutcome>>of(
                    () -> atOne.signOff(articleId, approval()), () -> atTwo.signOff(articleId, approval())));

            long approved = 0;
            for (Future<SignOffOutcome> outcome : outcomes) {
                approved += outcome.get() instanceof SignOffOutcome.Approved ? 1 : 0;
            }
            assertThat(approved).as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void aWithdrawalIsKeptInTheJournalAndReadBackByAnotherInstanceOnlyWhileItsSignatureHolds() {
        String articleId = newArticle(one);
        ReviewWorkflow workflow = workflow(one, mock(DecisionPublisher.class));
        approveClaims(workflow, articleId);
        assertThat(workflow.signOff(articleId, approval())).isInstanceOf(SignOffOutcome.Approved.class);

        Withdrawals.Outcome outcome =
                workflow.withdraw(articleId, Actors.RITA, WithdrawalKind.RETRACTED, "The dose\u200b was wrong.");
        assertThat(outcome).isInstanceOf(Withdrawals.Decided.class);
        Withdrawal retraction = ((Withdrawals.Decided) outcome).withdrawal();
        assertThat(two.withdrawals(articleId).decisions()).containsExactly(retraction);
        assertThat(retraction.reason()).isEqualTo("The dose was wrong.");
        assertThat(retraction.revision()).isEqualTo(1);

        JdbcTemplate sql = new JdbcTemplate(database);
        byte[] stored = sql.queryForObject(
                "select event from event_journal where event_id = ?", byte[].class, retraction.eventId());
        org.vetted.events.ArticleWithdrawn altered = (org.vetted.events.ArticleWithdrawn) CATALOG.decode(stored);
        altered.setReason("Nothing was wrong.");
        sql.update(
                "update event_journal set event = ? where event_id = ?", CATALOG.encode(altered), retraction.eventId());

        // The article is unreadable until the row is repaired: no decision rests on a row review did not sign.
        assertThat(ReviewParts.store(database).withdrawals(articleId).decisions())
                .isEmpty();
        assertThat(ReviewParts.store(database).withdrawals(articleId).lastApproved())
                .isEmpty();
    }

    @Test
    void aPublishThatFailsRecordsNothing() {
        String articleId = newArticle(one);
        DecisionPublisher failing = mock(DecisionPublisher.class);
        doThrow(new PublishFailedException("broker down", null)).when(failing).publish(any());

        assertThatThrownBy(() -> decide(workflow(one, failing), articleId, Actors.RITA, "c-pain"))
                .isInstanceOf(PublishFailedException.class);

        assertThat(two.find(articleId).orElseThrow().decisions()).isEmpty();
        assertThat(new JdbcTemplate(database)
                        .queryForObject(
                                "select count(*) from event_journal where article_id = ?", Integer.class, articleId))
                .isEqualTo(1);
    }

    @Test
    void aSignOffWhileAnEntryItRestsOnIsBeingRetiredWaitsAndIsRefused() throws Exception {
        String articleId = newArticle(one);
        LibraryEntry entry = LibraryEntries.pain(NOW).build();
        assertThat(one.recordLibrary(entry)).isTrue();
        ReviewWorkflow atOne = workflow(one, mock(DecisionPublisher.class));
        assertThat(atOne.acceptFromLibrary(articleId, "c-pain", 1, Actors.RITA))
                .isInstanceOf(ClaimOutcome.Decided.class);
        decide(atOne, articleId, Actors.RITA, "c-dose");
        decide(atOne, articleId, Actors.PAUL, "c-dose");
        // The retirement holds in its publish until the sign-off at the other instance is seen waiting on a lock.
        CountDownLatch publishing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DecisionPublisher held = mock(DecisionPublisher.class);
        doAnswer(call -> {
                    publishing.countDown();
                    assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
                    return null;
                })
                .when(held)
                .publish(any());

        Future<LibraryEntry> retiring =
                threads.submit(() -> workflow(one, held).retire(entry.key(), Actors.PAUL, "the trial was retracted"));
        assertThat(publishing.await(30, TimeUnit.SECONDS)).isTrue();
        Future<SignOffOutcome> signing = threads.submit(
                () -> workflow(two, mock(DecisionPublisher.class)).signOff(articleId, approval()));
        TestDatabase.awaitLockWaiter(database);
        assertThat(signing.isDone()).as("the sign-off waits for the retirement").isFalse();
        release.countDown();
        SignOffOutcome outcome = signing.get(30, TimeUnit.SECONDS);

        assertThat(retiring.get().isRetired()).isTrue();
        assertThat(outcome).as("the accepted claim is open again").isNotInstanceOf(SignOffOutcome.Approved.class);
        assertThat(two.find(articleId).orElseThrow().status()).isEqualTo(ReviewStatus.OPEN);
    }

    @Test
    void anApprovalWritesItsLibraryEntriesInKeyOrderWhateverOrderItListsThem() {
        // PostgreSQL itself records the order the rows are written in.
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute("create table written (n serial, library_key text)");
        jdbc.execute("create function note_written() returns trigger language plpgsql as "
                + "$$ begin insert into written (library_key) values (new.library_key); return new; end $$");
        jdbc.execute("create trigger note_written after insert or update on library_entry "
                + "for each row execute function note_written()");
        List<LibraryEntry> entries = new ArrayList<>(List.of(
                LibraryEntries.pain(NOW).build(), LibraryEntries.dose(NOW).build()));
        entries.sort(Comparator.comparing(LibraryEntry::key).reversed());

        one.publishAndRecord(() -> {}, List.of(), entries);

        assertThat(jdbc.queryForList("select library_key from written order by n", String.class))
                .containsExactly(entries.get(1).key(), entries.get(0).key());
    }

    @Test
    void aRetirementReindexesOnlyTheOpenArticlesWhoseDecisionsUsedTheEntry() {
        String tag = "tag-" + UUID.randomUUID();
        String usesPain = "art-" + UUID.randomUUID();
        String usesDose = "art-" + UUID.randomUUID();
        String usesNone = "art-" + UUID.randomUUID();
        submit(one, DraftEvents.listed(usesPain, false, "Pain", List.of(tag), NOW.minusSeconds(300)));
        submit(one, DraftEvents.listed(usesDose, false, "Dose", List.of(tag), NOW.minusSeconds(200)));
        submit(one, DraftEvents.listed(usesNone, false, "None", List.of(tag), NOW.minusSeconds(100)));
        LibraryEntry pain = LibraryEntries.pain(NOW).build();
        LibraryEntry dose = LibraryEntries.dose(NOW).build();
        assertThat(one.recordLibrary(pain)).isTrue();
        assertThat(one.recordLibrary(dose)).isTrue();
        ReviewWorkflow atOne = workflow(one, mock(DecisionPublisher.class));
        assertThat(atOne.acceptFromLibrary(usesPain, "c-pain", 1, Actors.RITA))
                .isInstanceOf(ClaimOutcome.Decided.class);
        assertThat(atOne.acceptFromLibrary(usesDose, "c-dose", 1, Actors.RITA))
                .isInstanceOf(ClaimOutcome.Decided.class);
        decide(atOne, usesNone, Actors.RITA, "c-pain");
        JdbcTemplate rows = new JdbcTemplate(database);
        assertThat(rows.queryForList(
                        "select article_id from review_article where library_keys @> array[?]::text[]",
                        String.class,
                        pain.key()))
                .as("the full key of the entry each decision was accepted from")
                .containsExactly(usesPain);
        QueueQuery decidedByRita = new QueueQuery(QueueOrder.OLDEST, null, tag, false, "rita", null, null, false, 10);
        assertThat(two.queue(decidedByRita).reviews())
                .extracting(ArticleReview::articleId)
                .containsExactly(usesPain, usesDose, usesNone);

        workflow(two, mock(DecisionPublisher.class)).retire(pain.key(), Actors.PAUL, "the trial was retracted");

        assertThat(rows.queryForList("select article_id from review_article where not queue_indexed", String.class))
                .as("only the article whose decision used the retired entry")
                .containsExactly(usesPain);
        // Read again when the queue is: Rita's acceptance no longer counts there; the others stand as they were.
        assertThat(one.queue(decidedByRita).reviews())
                .extracting(ArticleReview::articleId)
                .containsExactly(usesDose, usesNone);
        assertThat(rows.queryForObject("select count(*) from review_article where not queue_indexed", Integer.class))
                .isZero();
        assertThat(one.find(usesPain)
                        .orElseThrow()
                        .claimState("c-pain")
                        .orElseThrow()
                        .isApproved())
                .isFalse();
        ArticleReview stillDose = one.find(usesDose).orElseThrow();
        assertThat(stillDose.claimState("c-dose").orElseThrow().approvals()).isEqualTo(1);
        assertThat(one.queue(new QueueQuery(QueueOrder.RISK, null, tag, true, null, null, null, false, 10))
                        .reviews())
                .as("the dose claim accepted from the entry still retired waits for its second reviewer")
                .extracting(ArticleReview::articleId)
                .containsExactly(usesDose);
    }

    @Test
    void aRetirementKeepsCountingOnceTheKeyIsApprovedAgain() {
        String articleId = newArticle(one);
        ReviewWorkflow workflow = workflow(one, mock(DecisionPublisher.class));
        LibraryEntry entry = LibraryEntries.pain(NOW).build();
        String painKey = entry.key();
        assertThat(two.recordLibrary(entry)).isTrue();
        assertThat(workflow.acceptFromLibrary(articleId, "c-pain", 1, Actors.RITA))
                .isInstanceOf(ClaimOutcome.Decided.class);
        assertThat(one.find(articleId).orElseThrow().claimStates().get(0).isApproved())
                .isTrue();

        LibraryEntry retired = entry.retiredBy(
                "lib-event-2",
                new LibraryEntry.Retirement(Actors.PAUL.asReviewer(), NOW.plusSeconds(60), "the trial was retracted"));
        assertThat(two.recordLibrary(retired)).isTrue();
        assertThat(one.recordLibrary(entry)).as("the older record, read late").isFalse();
        LibraryEntry approvedAgain = new LibraryEntry(
                "lib-event-3",
                painKey,
                entry.claimText(),
                entry.kind(),
                entry.references(),
                Actors.RITA.asReviewer(),
                NOW.plusSeconds(120),
                NOW.plus(Duration.ofDays(400)),
                "art-later",
                1,
                "c-pain",
                null,
                entry.section());
        assertThat(two.recordLibrary(approvedAgain)).isTrue();

        assertThat(one.library().find(painKey)).contains(approvedAgain);
        assertThat(two.find(articleId).orElseThrow().claimStates().get(0).isApproved())
                .as("accepted from the entry before its retirement")
                .isFalse();
    }

    // Rows written or altered by whoever holds the database credential, not by review: never part of the board.

    @Test
    void aRejectionAlteredInTheDatabaseMakesItsArticleUnreadableRatherThanApproved() {
        String articleId = newArticle(one);
        ReviewWorkflow workflow = workflow(one, mock(DecisionPublisher.class));
        workflow.decideClaim(
                articleId,
                new ClaimDecisionRequest(
                        Actors.RITA, "c-pain", ClaimVerdict.REJECTED, "The trials do not show it.", null, 1));
        JdbcTemplate sql = new JdbcTemplate(database);
        String eventId = sql.queryForObject(
                "select event_id from event_journal where article_id = ? " + "order by seq desc limit 1",
                String.class,
                articleId);
        byte[] stored = sql.queryForObject("select event from event_journal where event_id = ?", byte[].class, eventId);

        // Read (and its rows remembered as verified) before the change: the changed bytes are checked afresh.
        assertThat(two.find(articleId)).isPresent();
        ClaimReviewed altered = (ClaimReviewed) CATALOG.decode(stored);
        altered.setDecision(org.vetted.events.ClaimDecision.APPROVED);
        sql.update("update event_journal set event = ? where event_id = ?", CATALOG.encode(altered), eventId);

        assertThat(two.find(articleId))
                .as("not folded without the row either: unknown")
                .isEmpty();
        assertThat(two.history(articleId)).isEmpty();
        assertThat(two.awaitingDecision()).extracting(ArticleReview::articleId).doesNotContain(articleId);
        assertThatThrownBy(() -> workflow(two, mock(DecisionPublisher.class)).signOff(articleId, approval()))
                .isInstanceOf(UnknownArticleException.class);

        sql.update("update event_journal set event = ? where event_id = ?", stored, eventId);
        assertThat(two.find(articleId).orElseThrow().decisions())
                .extracting(ClaimDecision::verdict)
                .as("repaired from what review signed")
                .containsExactly(ClaimVerdict.REJECTED);
    }

    @Test
    void aDecisionInsertedUnsignedOrSignedWithAnotherKeyMakesItsArticleUnreadable() {
        String articleId = newArticle(one);
        JdbcTemplate sql = new JdbcTemplate(database);
        ClaimReviewed forged = new EventMapper(STRANGER)
                .toEvent(new ReviewEvent.ClaimDecided(
                        "forged-1",
                        articleId,
                        1,
                        DraftEvents.contentHash(1),
                        new ClaimDecision(
                                "c-pain",
                                1,
                                ClaimVerdict.APPROVED,
                                null,
                                "doi:10.1000/curcumin",
                                Actors.RITA.asReviewer(),
                                NOW)));
        sql.update(
                "insert into event_journal (article_id, event_id, event) values (?, ?, ?)",
                articleId,
                "forged-1",
                CATALOG.encode(forged));

        assertThat(two.find(articleId))
                .as("signed with a key review does not trust")
                .isEmpty();
        assertThat(two.awaitingDecision()).extracting(ArticleReview::articleId).doesNotContain(articleId);

        forged.setSignature(null);
        sql.update("update event_journal set event = ? where event_id = ?", CATALOG.encode(forged), "forged-1");
        assertThat(two.find(articleId)).as("unsigned").isEmpty();
        assertThatThrownBy(() -> decide(workflow(two, mock(DecisionPublisher.class)), articleId, Actors.PAUL, "c-dose"))
                .isInstanceOf(UnknownArticleException.class);
    }

    @Test
    void aDraftInsertedWithReviewsKeyPosingAsIntakeIsNoArticle() {
        String articleId = "art-" + UUID.randomUUID();
        DraftSubmitted draft = DraftEvents.draft(articleId, 1, false);
        new Signatures(
                        SigningKey.parse(
                                Issuer.INTAKE,
                                DemoKeys.signingKey(Issuer.REVIEW).privateJwk()),
                        DemoKeys.trusted())
                .sign(draft);
        JdbcTemplate sql = new JdbcTemplate(database);
        sql.update("insert into review_article (article_id, open, submitted_at) values (?, true, now())", articleId);
        sql.update(
                "insert into event_journal (article_id, event_id, event) values (?, ?, ?)",
                articleId,
                draft.getEventId(),
                CATALOG.encode(draft));

        assertThat(one.find(articleId)).isEmpty();
        assertThat(one.awaitingDecision()).extracting(ArticleReview::articleId).doesNotContain(articleId);
    }

    @Test
    void aLibraryEntryAlteredInTheDatabaseIsNeitherOfferedNorAccepted() {
        LibraryEntry entry = LibraryEntries.pain(NOW).build();
        assertThat(one.recordLibrary(entry)).isTrue();
        tamperLibraryEntry(entry.key(), stored -> stored.setReferences(List.of("doi:10.9999/made-up")));
        String articleId = newArticle(one);

        assertThat(two.library().find(entry.key())).isEmpty();
        assertThat(two.library().search("curcumin knee")).isEmpty();
        assertThat(two.library().offersFor(two.find(articleId).orElseThrow(), NOW))
                .doesNotContainKey("c-pain");
        assertThatThrownBy(() -> workflow(two, mock(DecisionPublisher.class))
                        .acceptFromLibrary(articleId, "c-pain", 1, Actors.RITA))
                .isInstanceOf(NoLibraryMatchException.class);
    }

    @Test
    void aLibraryEntrySignedWithAnotherKeyIsNotOffered() {
        LibraryEntry entry = LibraryEntries.pain(NOW).build();
        assertThat(one.recordLibrary(entry)).isTrue();
        byte[] foreign = CATALOG.encode(new EventMapper(STRANGER).toEvent(entry));
        new JdbcTemplate(database)
                .update("update library_entry set entry = ? where library_key = ?", foreign, entry.key());

        assertThat(two.library().find(entry.key())).isEmpty();
        assertThat(two.library().search("curcumin knee")).isEmpty();
    }

    private void tamperLibraryEntry(String key, Consumer<ClaimLibraryEntry> change) {
        JdbcTemplate sql = new JdbcTemplate(database);
        ClaimLibraryEntry stored = (ClaimLibraryEntry) CATALOG.decode(
                sql.queryForObject("select entry from library_entry where library_key = ?", byte[].class, key));
        change.accept(stored);
        sql.update("update library_entry set entry = ? where library_key = ?", CATALOG.encode(stored), key);
    }
}
