package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The safety net, with a fake clock: no timing is measured, the clock advances by each look at it. */
class ReadingBudgetTest {
    /** The heading pattern the testers found: cubic in a run of spaces (13 s for 1,500 of them). */
    private static final Pattern SLOW = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    /** A clock that moves one millisecond every time it is read. */
    private static LongSupplier ticking() {
        AtomicLong now = new AtomicLong();
        return () -> now.addAndGet(1_000_000);
    }

    @Test
    void aDeliberatelySlowRegexIsStoppedByTheDeadline() {
        String input = "# a" + " ".repeat(1500) + "x";

        assertThatThrownBy(() -> ReadingBudget.within(
                        Duration.ofSeconds(1),
                        ticking(),
                        () -> ReadingBudget.matcher(SLOW, input).find()))
                .isInstanceOf(ReadingBudget.ReadingBudgetExceeded.class)
                .hasMessage("reading the draft took longer than 1000 ms");
    }

    @Test
    void withinTheBudgetAPatternAnswersAsUsual() {
        boolean found = ReadingBudget.within(
                Duration.ofSeconds(1),
                ticking(),
                () -> ReadingBudget.matcher(SLOW, "## A heading ##").find());

        assertThat(found).isTrue();
    }

    @Test
    void outsideABudgetTheMatcherIsPlainAndNothingIsChecked() {
        ReadingBudget.within(Duration.ZERO, ticking(), () -> true);

        assertThat(ReadingBudget.matcher(SLOW, "# Short").find()).isTrue();
        ReadingBudget.check();
    }

    @Test
    void aDraftThatRunsOutOfTimeIsRefusedNamingTheBody() {
        AtomicLong now = new AtomicLong();
        DraftIntake intake = new DraftIntake(
                new PlainTextDraftParser(),
                new MarkdownDraftParser(),
                new DraftRules(),
                Intakes.CLAIMS,
                Intakes.EXPERTS,
                Intakes.ACCOUNTS,
                Duration.ofSeconds(2),
                () -> now.getAndAdd(3_000_000_000L));

        Reading reading = intake.read(new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody.\n", Intakes.WANDA, null));

        assertThat(reading)
                .isEqualTo(new IntakeResult.Invalid(List.of(new FieldError(
                        "body", "took longer than 2000 ms to read; split it or simplify its structure"))));
    }
}
