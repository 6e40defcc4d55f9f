package org.vetted.intake.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.claims.ClaimExtractor;
import org.vetted.intake.domain.claims.ClaimLexicon;
import org.vetted.intake.domain.claims.EnglishModels;
import org.vetted.intake.domain.claims.ExpertExtractor;
import org.vetted.intake.domain.drafts.DraftIntake;
import org.vetted.intake.domain.drafts.DraftRules;
import org.vetted.intake.domain.drafts.MarkdownDraftParser;
import org.vetted.intake.domain.drafts.PathologicalDrafts;
import org.vetted.intake.domain.drafts.PlainTextDraftParser;
import org.vetted.intake.domain.drafts.Reading;
import org.vetted.intake.domain.drafts.Submission;

/**
 * How long intake's domain takes to read each draft of {@link PathologicalDrafts} (parse, limits, claims, experts,
 * hash): {@link DraftIntake#read}, the step a request spends its reading budget on. Not part of {@code verify}; run
 * with {@code ./mvnw -B -pl services/intake -am -Pbench -DskipTests verify} (see the README). The budget is an
 * hour here, so a slow input is measured rather than refused.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class IntakeBenchmark {
    @Param({
        "md-title-a-spaces-x",
        "md-heading-a-spaces-x",
        "md-heading-a-spaces-x-within-limits",
        "md-heading-hashes",
        "md-one-long-paragraph",
        "md-code-spans",
        "md-spaced-rule-within-limits",
        "txt-spaces-in-a-line",
        "txt-tabs-in-a-line",
        "txt-digits",
        "txt-digits-then-unit",
        "txt-close-parens",
        "txt-open-parens",
        "txt-open-brackets",
        "txt-link-openers",
        "txt-stars-rule",
        "txt-stars-then-word",
        "txt-underscores-rule",
        "txt-hashes",
        "txt-dashes-rule",
        "txt-backticks",
        "txt-backslashes",
        "txt-capitalised-words",
        "txt-doctor-titles",
        "txt-commas",
        "txt-quote-commas",
        "txt-credential-run",
        "txt-letters-and-dots",
        "txt-numbers-and-dots",
        "txt-thousands-of-quoted-names",
        "txt-one-claim-repeated",
        "md-digits",
        "md-digits-then-unit",
        "md-close-parens",
        "md-open-parens",
        "md-open-brackets",
        "md-link-openers",
        "md-stars-rule",
        "md-stars-then-word",
        "md-underscores-rule",
        "md-hashes",
        "md-dashes-rule",
        "md-backticks",
        "md-backslashes",
        "md-capitalised-words",
        "md-doctor-titles",
        "md-commas",
        "md-quote-commas",
        "md-credential-run",
        "md-letters-and-dots",
        "md-numbers-and-dots",
        "md-thousands-of-quoted-names",
        "md-one-claim-repeated",
        "md-quotes-without-spaces",
        "txt-quotes-without-spaces",
        "md-spaced-quotes",
        "txt-spaced-quotes",
        "md-spaced-list-markers",
        "txt-spaced-list-markers",
        "md-many-blank-lines",
        "txt-trailing-debris-lines",
        "md-front-matter-dashes",
        "txt-nul-byte",
        "html-nested-divs",
        "html-nested-bold",
        "html-bold-paragraphs",
        "html-bold-paragraphs-within-limits",
        "html-many-paragraphs",
        "html-tables-within-limits",
        "html-many-list-items",
        "html-one-wide-table-row",
        "html-table-rows",
        "html-less-than-signs",
        "html-escape-reference",
        "normal-article"
    })
    public String draft;

    private DraftIntake intake;
    private Submission submission;

    @Setup
    public void setUp() {
        Account writer = new Account("wanda", "Wanda Writer", Set.of(Role.WRITER), null);
        intake = new DraftIntake(
                new PlainTextDraftParser(),
                new MarkdownDraftParser(),
                new DraftRules(),
                new ClaimExtractor(EnglishModels.fromClasspath(), ClaimLexicon.standard()),
                new ExpertExtractor(),
                new Accounts(List.of(writer)),
                Long.MAX_VALUE);
        PathologicalDrafts.Case input = PathologicalDrafts.named(draft);
        submission = new Submission(input.format(), input.text(), writer, null);
    }

    @Benchmark
    public Reading read() {
        return intake.read(submission);
    }
}
