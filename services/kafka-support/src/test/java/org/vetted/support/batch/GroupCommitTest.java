package org.vetted.support.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The committer here is under the test's control: each commit announces its batch and waits for the test to let it
 * end (commit or fail), so what a caller sees is checked at each step, with no timing.
 */
class GroupCommitTest {

    /** A committer that writes nothing until told, as a transaction: the committed list only grows on success. */
    static final class Gate implements GroupCommit.Committer<String, String> {
        final BlockingQueue<List<String>> started = new LinkedBlockingQueue<>();
        final BlockingQueue<RuntimeException> verdicts = new LinkedBlockingQueue<>();
        final List<List<String>> committed = Collections.synchronizedList(new ArrayList<>());
        static final RuntimeException COMMIT = new RuntimeException("commit");

        @Override
        public List<String> commit(List<String> items) throws InterruptedException {
            started.add(items);
            RuntimeException verdict = verdicts.take();
            if (verdict != COMMIT) {
                throw verdict;
            }
            committed.add(items);
            return items.stream().map(item -> item + " committed").toList();
        }

        List<String> nextBatch() throws InterruptedException {
            List<String> batch = started.poll(30, TimeUnit.SECONDS);
            assertThat(batch).as("a commit started").isNotNull();
            return batch;
        }

        void commit() {
            verdicts.add(COMMIT);
        }

        void fail(RuntimeException cause) {
            verdicts.add(cause);
        }
    }

    private final Gate gate = new Gate();
    private final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
    private GroupCommit<String, String> group;

    private GroupCommit<String, String> group(int maxBatchSize) {
        group = new GroupCommit<>("test", maxBatchSize, gate, sizes::add);
        return group;
    }

    @AfterEach
    void close() {
        if (group != null) {
            // Let any commit still waiting end, so close() need not wait for it.
            for (int i = 0; i < 10; i++) {
                gate.commit();
            }
            group.close();
        }
    }

    private CompletableFuture<String> submit(String item) {
        return CompletableFuture.supplyAsync(() -> group.submit(item), runnable -> new Thread(runnable).start());
    }

    /** Submits from a new thread and returns once the item is queued, so submissions queue in the order made. */
    private CompletableFuture<String> submitQueued(String item) {
        int before = group.waiting();
        CompletableFuture<String> answer = submit(item);
        await().until(() -> group.waiting() == before + 1);
        return answer;
    }

    @Test
    void aCallerIsAnsweredOnlyAfterTheCommitOfItsItem() throws Exception {
        group(16);
        CompletableFuture<String> first = submit("a");
        assertThat(gate.nextBatch()).containsExactly("a");
        CompletableFuture<String> second = submitQueued("b");
        CompletableFuture<String> third = submitQueued("c");

        assertThat(first).as("its commit has not returned").isNotDone();
        gate.commit();
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("a committed");

        // What waited during that commit is the next batch, answered only when it commits.
        assertThat(gate.nextBatch()).containsExactly("b", "c");
        assertThat(second).isNotDone();
        assertThat(third).isNotDone();
        gate.commit();
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("b committed");
        assertThat(third.get(30, TimeUnit.SECONDS)).isEqualTo("c committed");
        assertThat(gate.committed).containsExactly(List.of("a"), List.of("b", "c"));
    }

    @Test
    void aFailedCommitFailsEveryItemOfItsBatchWithTheCauseAndCommitsNothingOfIt() throws Exception {
        group(16);
        CompletableFuture<String> first = submit("a");
        gate.nextBatch();
        List<CompletableFuture<String>> batch = List.of(submitQueued("b"), submitQueued("c"), submitQueued("d"));
        gate.commit();
        first.get(30, TimeUnit.SECONDS);

        assertThat(gate.nextBatch()).containsExactly("b", "c", "d");
        RuntimeException cause = new IllegalStateException("the broker said no");
        gate.fail(cause);
        for (CompletableFuture<String> answer : batch) {
            assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(GroupCommit.CommitFailedException.class)
                    .hasCause(cause);
        }
        assertThat(gate.committed).containsExactly(List.of("a"));

        // The committer carries on with the next batch.
        CompletableFuture<String> after = submit("e");
        assertThat(gate.nextBatch()).containsExactly("e");
        gate.commit();
        assertThat(after.get(30, TimeUnit.SECONDS)).isEqualTo("e committed");
    }

    @Test
    void aBatchHoldsAtMostTheMaximumAndTheRestFormTheNextBatches() throws Exception {
        group(2);
        CompletableFuture<String> first = submit("0");
        gate.nextBatch();
        List<CompletableFuture<String>> rest = new ArrayList<>();
        for (String item : List.of("1", "2", "3", "4", "5")) {
            rest.add(submitQueued(item));
        }
        gate.commit();
        assertThat(gate.nextBatch()).containsExactly("1", "2");
        gate.commit();
        assertThat(gate.nextBatch()).containsExactly("3", "4");
        gate.commit();
        assertThat(gate.nextBatch()).containsExactly("5");
        gate.commit();
        first.get(30, TimeUnit.SECONDS);
        for (CompletableFuture<String> answer : rest) {
            assertThat(answer.get(30, TimeUnit.SECONDS)).endsWith(" committed");
        }
        assertThat(sizes).containsExactly(1, 2, 2, 1);
    }

    @Test
    void itemsAreCommittedInTheOrderSubmittedSoTwoOfOneKeyKeepTheirOrder() throws Exception {
        group(16);
        CompletableFuture<String> first = submit("x");
        gate.nextBatch();
        List<CompletableFuture<String>> answers = List.of(
                submitQueued("article-1 revision 1"), submitQueued("article-2"), submitQueued("article-1 revision 2"));
        gate.commit();
        first.get(30, TimeUnit.SECONDS);
        assertThat(gate.nextBatch()).containsExactly("article-1 revision 1", "article-2", "article-1 revision 2");
        gate.commit();
        for (CompletableFuture<String> answer : answers) {
            answer.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCallerInterruptedWhileItsItemWaitsWithdrawsItAndIsToldNothingWasCommitted() throws Exception {
        group(16);
        CompletableFuture<String> first = submit("a");
        gate.nextBatch();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                group.submit("withdrawn");
            } catch (RuntimeException e) {
                thrown.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        await().until(() -> group.waiting() == 1);
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(thrown.get())
                .isInstanceOf(GroupCommit.NotCommittedException.class)
                .hasMessageContaining("interrupted")
                .hasMessageContaining("nothing was committed");
        assertThat(stillInterrupted).isTrue();
        assertThat(group.waiting()).isZero();
        gate.commit();
        first.get(30, TimeUnit.SECONDS);

        CompletableFuture<String> next = submit("b");
        assertThat(gate.nextBatch()).containsExactly("b");
        gate.commit();
        next.get(30, TimeUnit.SECONDS);
        assertThat(gate.committed).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void aCallerInterruptedDuringItsCommitStillGetsTheCommitsOutcome() throws Exception {
        group(16);
        AtomicReference<String> answer = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            answer.set(group.submit("a"));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
            done.countDown();
        });
        caller.start();
        assertThat(gate.nextBatch()).containsExactly("a");
        caller.interrupt();
        assertThat(done.getCount()).as("the commit is under way").isEqualTo(1);
        gate.commit();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(answer.get()).isEqualTo("a committed");
        assertThat(stillInterrupted).isTrue();
    }

    @Test
    void aCallerWhoseItemNoCommitTookInTimeIsToldNothingWasCommitted() throws Exception {
        group(16);
        CompletableFuture<String> first = submit("a");
        gate.nextBatch();
        assertThatThrownBy(() -> group.submit("late", Duration.ZERO))
                .isInstanceOf(GroupCommit.NotCommittedException.class)
                .hasMessageContaining("in time");
        assertThat(group.waiting()).isZero();
        gate.commit();
        first.get(30, TimeUnit.SECONDS);
        assertThat(gate.committed).containsExactly(List.of("a"));
    }

    @Test
    void aTimedCallerWhoseItemWasTakenWaitsForItsCommit() throws Exception {
        group(16);
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(
                () -> group.submit("a", Duration.ofDays(1)), runnable -> new Thread(runnable).start());
        assertThat(gate.nextBatch()).containsExactly("a");
        assertThat(answer).isNotDone();
        gate.commit();
        assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("a committed");
    }

    @Test
    void aCommitterAnsweringTheWrongNumberOfResultsFailsTheBatch() throws Exception {
        group = new GroupCommit<>("short", 16, items -> List.of());
        assertThatThrownBy(() -> group.submit("a"))
                .isInstanceOf(GroupCommit.CommitFailedException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause()
                .hasMessageContaining("0 results for 1 items");
    }

    @Test
    void closingFailsWhatStillWaitsAndRefusesNewItems() throws Exception {
        group(16);
        CompletableFuture<String> first = submit("a");
        gate.nextBatch();
        CompletableFuture<String> waiting = submitQueued("b");
        gate.commit();
        // Closing while "b" may already be in the next commit: let that commit end too.
        CompletableFuture<Void> closing =
                CompletableFuture.runAsync(group::close, runnable -> new Thread(runnable).start());
        gate.commit();
        closing.get(30, TimeUnit.SECONDS);
        assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo("a committed");
        // Either committed before the close or refused by it; never left waiting.
        try {
            assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo("b committed");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(GroupCommit.NotCommittedException.class);
        }
        assertThatThrownBy(() -> group.submit("c"))
                .isInstanceOf(GroupCommit.NotCommittedException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void refusesABatchSizeBelowOne() {
        assertThatThrownBy(() -> new GroupCommit<String, String>("none", 0, items -> items))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
