package org.vetted.intake.bench;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.intake.app.DraftSubmissions;
import org.vetted.intake.app.InMemoryArticleRegistry;
import org.vetted.intake.app.SubmissionOutcome;
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
import org.vetted.intake.domain.drafts.Submission;
import org.vetted.intake.messaging.KafkaDraftPublisher;

/**
 * Whether one writer's hostile draft slows everybody else down: the latency of a normal article's whole submission
 * path ({@link DraftSubmissions#submit}: read, number, sign, publish, record) alone, and while another thread keeps
 * submitting the slowest draft of the corpus that intake accepts. Kafka is left out (the bridge answers at once), so
 * what is measured is intake's own contention. Run with
 * {@code ./mvnw -B -pl services/intake -am -Pbench -DskipTests verify -Djmh.include=SubmissionLatency} (see the README).
 */
@State(Scope.Group)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SubmissionLatencyBenchmark {
    /** The slowest draft intake accepts, in the benchmark of the corpus. */
    static final String HOSTILE = "txt-credential-run";

    private DraftSubmissions submissions;
    private Submission normal;
    private Submission hostile;

    @Setup
    public void setUp() {
        Account writer = new Account("wanda", "Wanda Writer", Set.of(Role.WRITER), null);
        DraftIntake intake = new DraftIntake(
                new PlainTextDraftParser(),
                new MarkdownDraftParser(),
                new DraftRules(),
                new ClaimExtractor(EnglishModels.fromClasspath(), ClaimLexicon.standard()),
                new ExpertExtractor(),
                new Accounts(List.of(writer)));
        StreamBridge bridge = mock(StreamBridge.class);
        when(bridge.send(anyString(), any(Message.class))).thenReturn(true);
        submissions = new DraftSubmissions(
                intake,
                new InMemoryArticleRegistry(),
                new KafkaDraftPublisher(bridge, DemoKeys.signaturesOf(Issuer.INTAKE)),
                Clock.systemUTC());
        PathologicalDrafts.Case article = PathologicalDrafts.named("normal-article");
        normal = new Submission(article.format(), article.text(), writer, null);
        PathologicalDrafts.Case slow = PathologicalDrafts.named(HOSTILE);
        hostile = new Submission(slow.format(), slow.text(), writer, null);
    }

    @Benchmark
    @Group("alone")
    @GroupThreads(1)
    public SubmissionOutcome normalAlone() {
        return submissions.submit(normal);
    }

    @Benchmark
    @Group("besideHostile")
    @GroupThreads(1)
    public SubmissionOutcome normalBesideHostile() {
        return submissions.submit(normal);
    }

    @Benchmark
    @Group("besideHostile")
    @GroupThreads(1)
    public SubmissionOutcome hostile() {
        return submissions.submit(hostile);
    }
}
