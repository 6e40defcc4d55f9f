package org.vetted.review.domain.withdrawal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Role;

/**
 * An article's withdrawals and the rule for the next one. Only an article review approved can be withdrawn (published
 * or still on its way to publication); a retraction may be followed by a takedown (escalation), never the other way
 * round; asking for the kind already decided answers that decision and records nothing (idempotent). Withdrawal is
 * final for the article id: distribution publishes no later rendering of it, whenever that was approved.
 *
 * @param lastApproved the last revision approved, if any
 * @param decisions    every withdrawal recorded, in the order decided
 */
public record Withdrawals(String articleId, Optional<ApprovedRevision> lastApproved, List<Withdrawal> decisions) {
    public Withdrawals {
        decisions = decisions.stream()
                .sorted(Comparator.comparing(Withdrawal::decidedAt).thenComparing(Withdrawal::kind))
                .toList();
    }

    /** The strongest withdrawal decided, which is the article's state. */
    public Optional<Withdrawal> current() {
        return decisions.stream().max(Comparator.comparing(Withdrawal::kind).thenComparing(Withdrawal::decidedAt));
    }

    public boolean isWithdrawn() {
        return !decisions.isEmpty();
    }

    /** What a request to withdraw comes to. */
    public sealed interface Outcome {}

    /** A new decision, to publish and record. */
    public record Decided(Withdrawal withdrawal) implements Outcome {}

    /** The same kind was decided before: that decision stands, nothing new is recorded. */
    public record AlreadyDecided(Withdrawal withdrawal) implements Outcome {}

    public record Refused(Reason reason, String detail) implements Outcome {}

    public enum Reason {
        /** Neither a credentialed medical reviewer nor an editor. */
        NOT_ALLOWED,
        /** Review never approved the article: there is nothing to withdraw. */
        NOT_APPROVED,
        /** The reason is blank or too long in normal form. */
        INVALID_REASON,
        /** The article is already withdrawn further (a retraction after a takedown). */
        ALREADY_FURTHER
    }

    /** Who may withdraw: a credentialed medical reviewer or an editor; never a writer as such. */
    public static boolean mayWithdraw(Actor actor) {
        return actor.isCredentialedMedicalReviewer() || actor.hasRole(Role.EDITOR);
    }

    /** As recorded on the decision; an editor has no credential, written as empty (the contract wants a string). */
    private static org.vetted.review.domain.staff.Reviewer decider(Actor actor) {
        return new org.vetted.review.domain.staff.Reviewer(
                actor.username(), actor.displayName(), actor.hasCredential() ? actor.credential() : "");
    }

    public Outcome decide(Actor actor, WithdrawalKind kind, String rawReason, String eventId, Instant at) {
        if (!mayWithdraw(actor)) {
            return new Refused(
                    Reason.NOT_ALLOWED, "only a credentialed medical reviewer or an editor withdraws articles");
        }
        if (lastApproved.isEmpty()) {
            return new Refused(
                    Reason.NOT_APPROVED, "article " + articleId + " was never approved: nothing to withdraw");
        }
        if (WithdrawalReason.check(rawReason) instanceof WithdrawalReason.Invalid invalid) {
            return new Refused(Reason.INVALID_REASON, invalid.problem());
        }
        Optional<Withdrawal> current = current();
        if (current.isPresent() && current.get().kind() == kind) {
            return new AlreadyDecided(current.get());
        }
        if (current.isPresent() && !kind.escalates(current.get().kind())) {
            return new Refused(
                    Reason.ALREADY_FURTHER,
                    "article " + articleId + " is already "
                            + current.get().kind().name().toLowerCase(Locale.ROOT) + "; it cannot be "
                            + kind.name().toLowerCase(Locale.ROOT) + " after that");
        }
        ApprovedRevision approved = lastApproved.get();
        // Never stamped before the decision it follows: the later one is the state.
        Instant decidedAt = current.isPresent() && !at.isAfter(current.get().decidedAt())
                ? current.get().decidedAt().plusMillis(1)
                : at;
        return new Decided(new Withdrawal(
                eventId,
                articleId,
                kind,
                WithdrawalReason.normalForm(rawReason),
                decider(actor),
                decidedAt,
                approved.revision(),
                approved.contentHash(),
                approved.slug(),
                approved.title()));
    }
}
