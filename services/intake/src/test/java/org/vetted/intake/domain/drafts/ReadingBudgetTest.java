package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The safety net counts work, not time: no clock is read, so the answers below cannot depend on how busy the machine
 * is, and none is timed.
 */
class ReadingBudgetTest {
    /** The heading pattern the testers found: cubic in a run of spaces (13 s for 1,500 of them). */
    private static final Pattern SLOW = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private static final String HOSTILE = "# a" + " ".repeat(1500) + "x";

    @Test
    void aDeliberatelySlowRegexIsStoppedByTheServicesOwnBudget() {
        // the service's allowance for a draft this long: 1,000 characters examined per character
        assertThatThrownBy(() -> ReadingBudget.within(
                        Intakes.intake().readingBudget(HOSTILE.length()),
                        () -> ReadingBudget.matcher(SLOW, HOSTILE).find()))
                .isInstanceOf(ReadingBudget.ReadingBudgetExceeded.class)
                .hasMessage("reading the draft examined more than 1504000 characters");
    }

    @Test
    void withinTheBudgetAPatternAnswersAsUsual() {
        boolean found = ReadingBudget.within(
                1_000, () -> ReadingBudget.matcher(SLOW, "## A heading ##").find());

        assertThat(found).isTrue();
    }

    @Test
    void outsideABudgetTheMatcherIsPlainAndNothingIsChecked() {
        ReadingBudget.within(0, () -> true);

        assertThat(ReadingBudget.matcher(SLOW, "# Short").find()).isTrue();
        ReadingBudget.check();
        assertThat(ReadingBudget.examined()).isZero();
    }

    @Test
    void aStepAfterTheAllowanceIsSpentStopsAtItsCheck() {
        assertThatThrownBy(() -> ReadingBudget.within(3, () -> {
                    try {
                        ReadingBudget.matcher(SLOW, "# Short").find();
                    } catch (ReadingBudget.ReadingBudgetExceeded swallowed) {
                        // a step that hides the refusal does not get the rest of the draft read
                    }
                    ReadingBudget.check();
                    return true;
                }))
                .isInstanceOf(ReadingBudget.ReadingBudgetExceeded.class);
    }

    @Test
    void aDraftOverItsAllowanceIsRefusedNamingTheBody() {
        DraftIntake intake = new DraftIntake(
                new PlainTextDraftParser(),
                new MarkdownDraftParser(),
                new DraftRules(),
                Intakes.CLAIMS,
                Intakes.EXPERTS,
                Intakes.ACCOUNTS,
                0);

        Reading reading = intake.read(new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody.\n", Intakes.WANDA, null));

        assertThat(reading)
                .isEqualTo(new IntakeResult.Invalid(List.of(
                        new FieldError("body", "takes too much work to read; split it or simplify its structure"))));
    }

    /**
     * The fault the bench found: under a wall-clock deadline, drafts read by many threads on two cores were refused.
     * Here a draft is read while its thread is held midway (descheduled for as long as the other readers take) and by
     * many threads at once: it examines exactly as many characters each time, so it gets the same answer.
     */
    @Test
    void theSameDraftExaminesTheSameWorkHoweverLongItsThreadWaits() throws Exception {
        DraftIntake intake = Intakes.intake();
        Submission draft = new Submission(
                DraftFormat.PLAIN_TEXT,
                PathologicalDrafts.named("normal-article").text(),
                Intakes.WANDA,
                null);
        long alone = examined(intake, draft);

        CountDownLatch othersDone = new CountDownLatch(4);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<Long> held = pool.submit(() -> ReadingBudget.within(Long.MAX_VALUE, () -> {
                ReadingBudget.matcher(SLOW, "# Short").find();
                try {
                    othersDone.await(); // the thread waits while four others read: no time is counted
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                assertThat(intake.read(draft)).isInstanceOf(ReadDraft.class);
                return ReadingBudget.examined();
            }));
            List<Future<Long>> others = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                others.add(pool.submit(() -> {
                    try {
                        return examined(intake, draft);
                    } finally {
                        othersDone.countDown();
                    }
                }));
            }
            for (Future<Long> other : others) {
                assertThat(other.get()).isEqualTo(alone);
            }
            assertThat(held.get())
                    .isEqualTo(alone
                            + ReadingBudget.within(1_000, () -> {
                                ReadingBudget.matcher(SLOW, "# Short").find();
                                return ReadingBudget.examined();
                            }));
        } finally {
            pool.shutdownNow();
        }
    }

    static long examined(DraftIntake intake, Submission draft) {
        return ReadingBudget.within(Long.MAX_VALUE, () -> {
            assertThat(intake.read(draft)).isInstanceOf(ReadDraft.class);
            return ReadingBudget.examined();
        });
    }
}
