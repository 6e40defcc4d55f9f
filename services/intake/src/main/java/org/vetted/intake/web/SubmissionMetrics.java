package org.vetted.intake.web;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.vetted.intake.app.SubmissionOutcome;
import org.vetted.intake.domain.drafts.IntakeResult;

/**
 * What became of each submission, for operators: {@code vetted.drafts.submitted{channel}} (api or page),
 * {@code vetted.drafts.refused{channel,reason}} (the first field in error, or why the draft was not taken), and
 * {@code vetted.drafts.claims} (claims found per submitted draft). Repeats of a form or an Idempotency-Key count
 * nothing: they made nothing.
 */
@Component
public class SubmissionMetrics {
    private final MeterRegistry registry;
    private final DistributionSummary claims;

    public SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.claims = DistributionSummary.builder("vetted.drafts.claims")
                .description("health claims intake found in each submitted draft")
                .register(registry);
    }

    public void record(String channel, SubmissionOutcome outcome) {
        if (outcome instanceof SubmissionOutcome.Published published) {
            registry.counter("vetted.drafts.submitted", "channel", channel).increment();
            claims.record(published.draft().claims().size());
        } else if (outcome instanceof SubmissionOutcome.Refused refused) {
            refused(channel, reason(refused.result()));
        } else if (outcome instanceof SubmissionOutcome.TooLarge) {
            refused(channel, "too_large");
        } else if (outcome instanceof SubmissionOutcome.NotPublished) {
            refused(channel, "not_published");
        } else if (outcome instanceof SubmissionOutcome.TokenReused) {
            refused(channel, "token_reused");
        }
    }

    private void refused(String channel, String reason) {
        registry.counter("vetted.drafts.refused", "channel", channel, "reason", reason)
                .increment();
    }

    /** A bounded tag: a field name of the draft or the kind of refusal, never free text. */
    static String reason(IntakeResult result) {
        if (result instanceof IntakeResult.Invalid invalid && !invalid.errors().isEmpty()) {
            String field = invalid.errors().get(0).field();
            return field.matches("[A-Za-z-]{1,32}") ? "invalid_" + field.toLowerCase(Locale.ROOT) : "invalid";
        }
        return result.getClass()
                .getSimpleName()
                .replaceAll("([a-z])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }
}
