package org.vetted.intake.domain.articles;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.claims.Claim;
import org.vetted.intake.domain.claims.ClaimKind;

/**
 * An article as writers see it. {@code slug} and {@code title} are null while only later events of it are known
 * (the projection replays several topics, which may arrive in any order). {@code revisions} are the submitted ones,
 * newest first, with the reviewer's decisions; {@code bodyMarkdown} is the latest revision's text.
 */
public record ArticleView(
        String articleId,
        String slug,
        String title,
        int revision,
        ArticleStatus status,
        String contentHash,
        List<Author> authors,
        List<HistoryEntry> history,
        List<RevisionView> revisions,
        String bodyMarkdown) {
    public ArticleView {
        authors = List.copyOf(authors);
        history = List.copyOf(history);
        revisions = List.copyOf(revisions);
    }

    /**
     * Whether this account may read the article at all: its credited authors and editors, nobody else. The pages
     * and the API both ask here, so that neither can show another writer's article and history.
     */
    public boolean visibleTo(Account account) {
        return account.has(Role.EDITOR)
                || authors.stream().anyMatch(author -> author.username().equals(account.username()));
    }

    /** When anything last happened to the article; the epoch while nothing is known. */
    public Instant lastActivity() {
        return history.stream()
                .map(HistoryEntry::at)
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
    }

    /** The newest submitted revision, if its draft is known yet. */
    public Optional<RevisionView> latest() {
        return revisions.stream().findFirst();
    }

    /**
     * One line of an article's history: the event as it came ({@code event}, {@code detail}: the API's words) and
     * {@code sentence}, the same fact as a writer reads it ("Rita Reyes approved ‘…’", "Submitted revision 2").
     */
    public record HistoryEntry(
            Instant at,
            int revision,
            String event,
            ArticleStatus status,
            String actor,
            String detail,
            String sentence) {}

    /**
     * A submitted revision, where it stands ({@code status}: the same fold as the article's, for this revision only),
     * its claims with the decision that stands on each, and how review sent it back. The counts below and the status
     * come from the same events, so a signed-off revision never shows a claim as undecided. {@code bodyMarkdown}: its
     * text as intake read it.
     */
    public record RevisionView(
            int revision,
            Instant submittedAt,
            String title,
            String summary,
            List<String> tags,
            List<ClaimView> claims,
            Returned returned,
            ArticleStatus status,
            String bodyMarkdown) {
        public RevisionView {
            tags = List.copyOf(tags);
            claims = List.copyOf(claims);
        }

        public long openClaims() {
            return count(Standing.OPEN);
        }

        /** Approved in this revision, carried over from an earlier one, or approved with the revision's sign-off. */
        public long approvedClaims() {
            return claims.size() - openClaims() - count(Standing.REJECTED);
        }

        public long rejectedClaims() {
            return count(Standing.REJECTED);
        }

        public long carriedClaims() {
            return count(Standing.CARRIED);
        }

        /** The claims review named when it sent the revision back, as sentences; unknown ids stay ids. */
        public List<ClaimView> returnedClaims() {
            if (returned == null) {
                return List.of();
            }
            return returned.rejectedClaimIds().stream()
                    .map(id -> claims.stream()
                            .filter(c -> c.claim().id().equals(id))
                            .findFirst()
                            .orElse(new ClaimView(
                                    new Claim(id, id, ClaimKind.OTHER, false, false, null), null, null, null)))
                    .toList();
        }

        private long count(Standing standing) {
            return claims.stream().filter(claim -> claim.standing() == standing).count();
        }
    }

    /** How a claim stands in its revision. */
    public enum Standing {
        /** No decision yet. */
        OPEN,
        /** Approved in this revision. */
        APPROVED,
        /** Rejected in this revision. */
        REJECTED,
        /** Unchanged since an earlier revision where it was approved: review carries that approval over. */
        CARRIED,
        /** No decision of its own, but the revision as a whole was signed off (approved), so it was approved too. */
        SIGNED_OFF
    }

    /**
     * A claim, the latest decision on it in this revision (null while none), the latest decision on the same sentence
     * in the same section in an earlier revision (null when none), and the revision's sign-off (null until approved).
     * The events do not say which approvals review carried over; review carries an approval of an unchanged claim
     * (same sentence, same section), which is exactly what {@code earlier} finds, so an earlier approval counts.
     */
    public record ClaimView(Claim claim, Decision decision, Earlier earlier, Decision signOff) {
        public Standing standing() {
            if (decision != null) {
                return decision.approved() ? Standing.APPROVED : Standing.REJECTED;
            }
            if (earlier != null && earlier.decision().approved()) {
                return Standing.CARRIED;
            }
            return signOff != null ? Standing.SIGNED_OFF : Standing.OPEN;
        }

        /** The decision that stands, wherever it was taken; null while the claim is open. */
        public Decision standingDecision() {
            return switch (standing()) {
                case APPROVED, REJECTED -> decision;
                case CARRIED -> earlier.decision();
                case SIGNED_OFF -> signOff;
                case OPEN -> null;
            };
        }
    }

    /** A decision on the same claim in an earlier revision. */
    public record Earlier(int revision, Decision decision) {}

    /** A reviewer's decision on a claim, with the comment and reference the writer needs to act on it. */
    public record Decision(
            boolean approved, String reviewer, String reviewerName, String comment, String reference, Instant at) {
        /** The reviewer's name, or their username when the event did not carry one. */
        public String by() {
            return reviewerName == null || reviewerName.isBlank() ? reviewer : reviewerName;
        }

        /** Only web links become links on the pages; anything else (a PMID, "javascript:…") stays text. */
        public boolean referenceIsLink() {
            return isWebLink(reference);
        }
    }

    /** True for an http or https address, the only references the pages make into links. */
    public static boolean isWebLink(String reference) {
        if (reference == null) {
            return false;
        }
        String lower = reference.strip().toLowerCase(Locale.ROOT);
        return (lower.startsWith("https://") || lower.startsWith("http://"))
                && lower.length() > 8
                && lower.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>');
    }

    /** "Changes requested" or "rejected", with the reviewer's comment and the claims rejected. */
    public record Returned(
            boolean rejected,
            String reviewer,
            String reviewerName,
            String comment,
            List<String> rejectedClaimIds,
            Instant at) {
        public Returned {
            rejectedClaimIds = List.copyOf(rejectedClaimIds);
        }

        public String by() {
            return reviewerName == null || reviewerName.isBlank() ? reviewer : reviewerName;
        }
    }
}
