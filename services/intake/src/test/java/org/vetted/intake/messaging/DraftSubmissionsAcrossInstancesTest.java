package org.vetted.intake.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.events.DraftSubmitted;
import org.vetted.intake.app.DraftSubmissions;
import org.vetted.intake.app.SubmissionOutcome;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.claims.ClaimExtractor;
import org.vetted.intake.domain.claims.ClaimLexicon;
import org.vetted.intake.domain.claims.EnglishModels;
import org.vetted.intake.domain.claims.ExpertExtractor;
import org.vetted.intake.domain.drafts.DraftFormat;
import org.vetted.intake.domain.drafts.DraftIntake;
import org.vetted.intake.domain.drafts.DraftRules;
import org.vetted.intake.domain.drafts.MarkdownDraftParser;
import org.vetted.intake.domain.drafts.PlainTextDraftParser;
import org.vetted.intake.domain.drafts.Submission;
import org.vetted.intake.store.JdbcArticleRegistryTest;

/**
 * Two instances of intake sharing one database, each with its own registry and no lock in common but the
 * database's: concurrent submissions still get distinct slugs, and revisions of one article distinct numbers,
 * published in the order of their numbers.
 */
class DraftSubmissionsAcrossInstancesTest {
    private static final Account WANDA = new Account("wanda", "Wanda Writer", Set.of(Role.WRITER), null);
    private static final DraftIntake INTAKE = new DraftIntake(
            new PlainTextDraftParser(),
            new MarkdownDraftParser(),
            new DraftRules(),
            new ClaimExtractor(EnglishModels.fromClasspath(), ClaimLexicon.standard()),
            new ExpertExtractor(),
            new Accounts(List.of(WANDA)));

    /** What the broker received, in the order the sends completed. */
    private final List<DraftSubmitted> published = Collections.synchronizedList(new ArrayList<>());
    /** Set to make the next send time out (the broker may or may not have committed it). */
    private final AtomicBoolean nextTimesOut = new AtomicBoolean();

    private final List<DraftSubmissions> instances = instances(migrated());

    private static DataSource migrated() {
        return JdbcArticleRegistryTest.migratedDatabase();
    }

    private List<DraftSubmissions> instances(DataSource shared) {
        StreamBridge bridge = mock(StreamBridge.class);
        doAnswer(call -> {
                    DraftSubmitted event =
                            (DraftSubmitted) call.getArgument(1, Message.class).getPayload();
                    if (nextTimesOut.getAndSet(false)) {
                        throw DraftSubmissionsTest.commitTimedOut();
                    }
                    // Sends take a while, some longer: a submission on the other instance would overtake an unlocked
                    // one.
                    Thread.sleep(event.getRevision() % 2 == 0 ? 80 : 5);
                    published.add(event);
                    return true;
                })
                .when(bridge)
                .send(eq(KafkaDraftPublisher.BINDING), any(Message.class));
        List<DraftSubmissions> all = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            all.add(new DraftSubmissions(
                    INTAKE,
                    JdbcArticleRegistryTest.registry(shared),
                    new KafkaDraftPublisher(bridge, DemoKeys.signaturesOf(Issuer.INTAKE)),
                    Clock.systemUTC()));
        }
        return all;
    }

    @Test
    void newArticlesWithOneTitleOnTwoInstancesGetDistinctSlugs() throws Exception {
        List<SubmissionOutcome> outcomes = DraftSubmissionsTest.concurrently(
                8,
                i -> instances
                        .get(i % 2)
                        .submit(new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody " + i + ".\n", WANDA, null)));

        assertThat(outcomes.stream()
                        .map(o -> ((SubmissionOutcome.Published) o).draft().slug()))
                .containsExactlyInAnyOrder(
                        "title", "title-2", "title-3", "title-4", "title-5", "title-6", "title-7", "title-8");
    }

    @Test
    void revisionsOfOneArticleOnTwoInstancesGetDistinctNumbersPublishedInOrder() throws Exception {
        String id = ((SubmissionOutcome.Published)
                        instances.get(0).submit(new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody.\n", WANDA, null)))
                .draft()
                .articleId();

        List<SubmissionOutcome> outcomes = DraftSubmissionsTest.concurrently(
                8,
                i -> instances
                        .get(i % 2)
                        .submit(new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody " + i + ".\n", WANDA, id)));

        assertThat(outcomes.stream()
                        .map(o -> ((SubmissionOutcome.Published) o).draft().revision()))
                .containsExactlyInAnyOrder(2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(published).extracting(DraftSubmitted::getRevision).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void afterATimeoutOnOneInstanceTheOtherHandsOutNeitherTheNumberNorTheSlug() {
        String id = ((SubmissionOutcome.Published)
                        instances.get(0).submit(new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody.\n", WANDA, null)))
                .draft()
                .articleId();

        nextTimesOut.set(true);
        assertThat(instances.get(0).submit(new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody 2.\n", WANDA, id)))
                .isEqualTo(new SubmissionOutcome.Unconfirmed(id, 2, "title"));
        var next = (SubmissionOutcome.Published)
                instances.get(1).submit(new Submission(DraftFormat.PLAIN_TEXT, "Title\nBody 3.\n", WANDA, id));
        assertThat(next.draft().revision()).isEqualTo(3);

        nextTimesOut.set(true);
        var unconfirmed = (SubmissionOutcome.Unconfirmed)
                instances.get(0).submit(new Submission(DraftFormat.PLAIN_TEXT, "Other\nBody.\n", WANDA, null));
        assertThat(unconfirmed.slug()).isEqualTo("other");
        var other = (SubmissionOutcome.Published)
                instances.get(1).submit(new Submission(DraftFormat.PLAIN_TEXT, "Other\nBody.\n", WANDA, null));
        assertThat(other.draft().slug()).isEqualTo("other-2");
        assertThat(published).extracting(DraftSubmitted::getRevision).containsExactly(1, 3, 1);
    }
}
