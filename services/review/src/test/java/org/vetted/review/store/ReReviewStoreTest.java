package org.vetted.review.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.events.ArticleReviewStatus;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.app.DecisionPublisher;
import org.vetted.review.app.Incoming;
import org.vetted.review.app.QueueOrder;
import org.vetted.review.app.QueueQuery;
import org.vetted.review.app.ReReviews;
import org.vetted.review.app.ReviewTimers;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.domain.Actors;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.board.ReviewStatus;
import org.vetted.review.domain.gate.ClaimDecisionRequest;
import org.vetted.review.domain.gate.ClaimOutcome;
import org.vetted.review.domain.gate.SignOffDecision;
import org.vetted.review.domain.gate.SignOffOutcome;
import org.vetted.review.domain.gate.SignOffRequest;
import org.vetted.review.domain.library.LibraryEntry;
import org.vetted.review.domain.rereview.ReReviewSchedule;
import org.vetted.review.domain.rereview.ReReviewStatus;
import org.vetted.review.messaging.EventMapper;
import org.vetted.review.messaging.SignedEventRecords;
import org.vetted.review.support.DraftEvents;
import org.vetted.review.support.LibraryEntries;
import org.vetted.review.support.ReviewParts;
import org.vetted.support.projection.TestDatabase;
import org.vetted.support.time.MutableClock;

/**
 * Re-review timers in PostgreSQL, as two instances of review share them: a mutable clock drives them (no sleeping),
 * the publisher records what would go to article.review-status.
 */
class ReReviewStoreTest {
    private static final EventMapper MAPPER = new EventMapper(DemoKeys.signaturesOf(Issuer.REVIEW));
    private static final SignedEventRecords RECORDS = new SignedEventRecords(MAPPER);
    private static final EventCatalog CATALOG = EventCatalog.standard();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final FourEyesRule FOUR_EYES = ReviewParts.FOUR_EYES;
    private static final ReReviewSchedule SCHEDULE =
            new ReReviewSchedule(Duration.ofDays(365), Duration.ofDays(30), Duration.ofDays(1095));

    private final DataSource database = TestDatabase.migrated("classpath:db/migration");
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(database));
    private final JdbcReviewStore store = ReviewParts.store(database);
    private final MutableClock clock = new MutableClock(NOW);
    private final List<ArticleReviewStatus> published = Collections.synchronizedList(new ArrayList<>());
    private final DecisionPublisher publisher = new DecisionPublisher() {
        @Override
        public void publish(Outgoing event) {
            if (event.kind() == Kind.REVIEW_STATUS) {
                published.add((ArticleReviewStatus) CATALOG.decode(event.record()));
            }
        }

        @Override
        public void publishTogether(List<Outgoing> events) {
            events.forEach(this::publish);
        }
    };
    private final ReReviews reReviews = reReviews();
    private final ReviewWorkflow workflow =
            ReviewParts.workflow(store, publisher, clock).withReReviews(reReviews);
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    private ReReviews reReviews() {
        return new ReReviews(store, new JdbcReviewTimers(jdbc, transactions), publisher, RECORDS, SCHEDULE, clock);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private String approvedArticle() {
        String articleId = "art-" + UUID.randomUUID();
        DraftSubmitted draft = DraftEvents.draft(articleId, 1, false);
        store.apply(((Incoming.Fact) MAPPER.toDomain(draft)).event(), CATALOG.encode(draft));
        decide(articleId, Actors.RITA, "c-pain");
        decide(articleId, Actors.RITA, "c-dose");
        decide(articleId, Actors.PAUL, "c-dose");
        assertThat(signOff(articleId)).isInstanceOf(SignOffOutcome.Approved.class);
        return articleId;
    }

    private SignOffOutcome signOff(String articleId) {
        return workflow.signOff(
                articleId, new SignOffRequest(Actors.PAUL, SignOffDecision.APPROVE, null, DraftEvents.contentHash(1)));
    }

    private void decide(String articleId, org.vetted.review.domain.staff.Actor actor, String claimId) {
        assertThat(workflow.decideClaim(
                        articleId,
                        new ClaimDecisionRequest(
                                actor, claimId, ClaimVerdict.APPROVED, null, "doi:10.1000/curcumin", 1)))
                .isInstanceOf(ClaimOutcome.Decided.class);
    }

    private boolean inQueue(String articleId) {
        return store
                .queue(new QueueQuery(QueueOrder.OLDEST, null, null, false, null, null, null, false, 100))
                .reviews()
                .stream()
                .anyMatch(review -> review.articleId().equals(articleId));
    }

    @Test
    void dueThenExpiredFireOnceEachAndTheArticleReturnsToTheQueueUntilSignedOffAgain() {
        String articleId = approvedArticle();
        Instant approvedAt = store.find(articleId).orElseThrow().approval().approvedAt();

        clock.advance(Duration.ofDays(334));
        assertThat(reReviews.fireDue()).isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(reReviews.fireDue()).isEqualTo(1);
        assertThat(published)
                .extracting(ArticleReviewStatus::getStatus)
                .containsExactly(org.vetted.events.ReReviewStatus.DUE);
        assertThat(store.find(articleId).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(reReviews.fireDue()).as("fired once").isZero();

        clock.advance(Duration.ofDays(30));
        assertThat(reReviews().fireDue()).as("another instance, or a restart").isEqualTo(1);
        ArticleReviewStatus expired = published.get(1);
        assertThat(expired.getStatus()).isEqualTo(org.vetted.events.ReReviewStatus.EXPIRED);
        assertThat(expired.getApprovedAt()).isEqualTo(approvedAt);
        assertThat(expired.getReviewBy()).isEqualTo(approvedAt.plus(Duration.ofDays(365)));
        ArticleReview reopened = store.find(articleId).orElseThrow();
        assertThat(reopened.status()).isEqualTo(ReviewStatus.OPEN);
        assertThat(reopened.everyClaimApproved()).as("its decisions stand").isTrue();
        assertThat(inQueue(articleId)).isTrue();
        assertThat(reReviews().fireDue()).as("a restart refires nothing").isZero();

        // The reviewer signs the same text off again: a new approval with a new timer.
        assertThat(signOff(articleId)).isInstanceOf(SignOffOutcome.Approved.class);
        ArticleReview renewed = store.find(articleId).orElseThrow();
        assertThat(renewed.status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(renewed.approval().approvedAt()).isAfter(approvedAt);
        assertThat(inQueue(articleId)).isFalse();
        assertThat(reReviews.fireDue()).isZero();
        clock.advance(Duration.ofDays(365));
        assertThat(reReviews.fireDue())
                .as("due and expired of the new approval")
                .isEqualTo(2);
    }

    @Test
    void aWithdrawnArticleFiresNothing() {
        String articleId = approvedArticle();
        workflow.withdraw(
                articleId, Actors.PAUL, org.vetted.review.domain.withdrawal.WithdrawalKind.UNPUBLISHED, "legal");
        clock.advance(Duration.ofDays(400));
        assertThat(reReviews.fireDue()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void twoClaimersNeverClaimTheSameTimer() throws Exception {
        JdbcReviewTimers one = new JdbcReviewTimers(jdbc, transactions);
        JdbcReviewTimers two = new JdbcReviewTimers(jdbc, transactions);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String articleId = "timer-" + UUID.randomUUID();
            ids.add(articleId);
            one.schedule(
                    new ReviewTimers.Timer(
                            articleId,
                            1,
                            "sha256v2:aa",
                            "slug-" + i,
                            NOW,
                            NOW.plusSeconds(1),
                            NOW.plusSeconds(10),
                            Set.of()),
                    false);
        }
        List<String> fired = Collections.synchronizedList(new ArrayList<>());
        // The first claimer holds its rows until the second has claimed (and fired) whatever it could.
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Future<Integer> first = threads.submit(() -> one.fireDue(NOW.plusSeconds(5), 10, firing -> {
            firstClaimed.countDown();
            await(secondDone);
            fired.add(firing.timer().articleId());
        }));
        assertThat(firstClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        int second = two.fireDue(
                NOW.plusSeconds(5), 100, firing -> fired.add(firing.timer().articleId()));
        secondDone.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(second)
                .as("the rows the first holds are skipped, not waited for")
                .isEqualTo(10);
        assertThat(fired).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(two.fireDue(
                        NOW.plusSeconds(5),
                        100,
                        firing -> fired.add(firing.timer().articleId())))
                .isZero();
    }

    @Test
    void aFiringThatFailsIsRecordedAsNotFiredAndFiresAgain() {
        JdbcReviewTimers timers = new JdbcReviewTimers(jdbc, transactions);
        String articleId = "timer-" + UUID.randomUUID();
        timers.schedule(
                new ReviewTimers.Timer(articleId, 1, "sha256v2:aa", "s", NOW, NOW, NOW.plusSeconds(10), Set.of()),
                false);
        try {
            timers.fireDue(NOW.plusSeconds(1), 10, firing -> {
                throw new IllegalStateException("broker down");
            });
        } catch (IllegalStateException expected) {
            // the publish failed: nothing recorded
        }
        List<ReReviewStatus> fired = new ArrayList<>();
        assertThat(timers.fireDue(NOW.plusSeconds(1), 10, firing -> fired.add(firing.status())))
                .isEqualTo(1);
        assertThat(fired).containsExactly(ReReviewStatus.DUE);
    }

    /** An approved article whose pain claim was accepted from the library entry returned, and one that was not. */
    private record Relying(LibraryEntry entry, String relying, String other) {}

    private Relying relyingOnTheLibrary() {
        LibraryEntry entry = LibraryEntries.pain(NOW)
                .eventId("lib-event-" + UUID.randomUUID())
                .build();
        store.recordLibrary(entry);
        String relying = "art-" + UUID.randomUUID();
        DraftSubmitted draft = DraftEvents.draft(relying, 1, false);
        store.apply(((Incoming.Fact) MAPPER.toDomain(draft)).event(), CATALOG.encode(draft));
        assertThat(workflow.acceptFromLibrary(relying, "c-pain", 1, Actors.RITA))
                .isInstanceOf(ClaimOutcome.Decided.class);
        decide(relying, Actors.RITA, "c-dose");
        decide(relying, Actors.PAUL, "c-dose");
        assertThat(signOff(relying)).isInstanceOf(SignOffOutcome.Approved.class);
        String other = approvedArticle();

        return new Relying(entry, relying, other);
    }

    @Test
    void retiringALibraryEntryMakesEveryApprovalRestingOnItDueAtOnceNamingTheEntry() {
        Relying setup = relyingOnTheLibrary();
        LibraryEntry entry = setup.entry();
        String relying = setup.relying();
        String other = setup.other();
        workflow.retire(entry.key(), Actors.PAUL, "the trial was retracted");

        assertThat(published).hasSize(1);
        ArticleReviewStatus due = published.get(0);
        assertThat(due.getArticleId()).isEqualTo(relying);
        assertThat(due.getStatus()).isEqualTo(org.vetted.events.ReReviewStatus.DUE);
        assertThat(due.getLibraryKey()).isEqualTo(entry.key());
        assertThat(due.getReason()).contains(entry.key()).contains("the trial was retracted");
        assertThat(store.find(relying).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
        assertThat(published).extracting(ArticleReviewStatus::getArticleId).doesNotContain(other);
        assertThat(reReviews().fireDue()).as("fired once").isZero();
    }

    @Test
    void aRetirementReadBackFromTheTopicMakesTheRelyingApprovalDueForTheNextPollOnce() {
        Relying setup = relyingOnTheLibrary();
        LibraryEntry retired = setup.entry()
                .retiredBy(
                        "lib-event-" + UUID.randomUUID(),
                        new LibraryEntry.Retirement(
                                Actors.PAUL.asReviewer(), NOW.plusSeconds(1), "the trial was retracted"));

        workflow.recordLibrary(retired);
        assertThat(published).as("left to the poller").isEmpty();
        assertThat(reReviews().fireDue()).isEqualTo(1);
        assertThat(published).singleElement().satisfies(due -> {
            assertThat(due.getArticleId()).isEqualTo(setup.relying());
            assertThat(due.getLibraryKey()).isEqualTo(setup.entry().key());
        });
        workflow.recordLibrary(retired);
        assertThat(reReviews().fireDue()).as("once per entry").isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
