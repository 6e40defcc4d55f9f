package org.vetted.intake.domain.articles;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.claims.Claim;

/**
 * An article as writers see it. {@code slug} and {@code title} are null while only later events of it are known
 * (the projection replays several topics, which may arrive in any order). {@code revisions} are the submitted ones,
 * newest first, with the reviewer's decisions; {@code bodyMarkdown} is the latest revision's text.
 */
public record ArticleView(String articleId, String slug, String title, int revision, ArticleStatus status,
                          String contentHash, List<Author> authors, List<HistoryEntry> history,
                          List<RevisionView> revisions, String bodyMarkdown) {
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

    /** The newest submitted revision, if its draft is known yet. */
    public Optional<RevisionView> latest() {
        return revisions.stream().findFirst();
    }

    /** One line of an article's history. */
    public record HistoryEntry(Instant at, int revision, String event, ArticleStatus status, String actor,
                               String detail) {
    }

    /** A submitted revision, its claims with the reviewer's latest decision on each, and how review sent it back. */
    public record RevisionView(int revision, Instant submittedAt, String title, String summary, List<String> tags,
                               List<ClaimView> claims, Returned returned) {
        public RevisionView {
            tags = List.copyOf(tags);
            claims = List.copyOf(claims);
        }

        public long openClaims() {
            return claims.stream().filter(claim -> claim.decision() == null).count();
        }
    }

    /**
     * A claim, the latest decision on it in this revision (null while none), and the latest decision on the same
     * sentence in the same section in an earlier revision (null when none). Review carries an earlier approval of an
     * unchanged claim over by its own rules; this page only shows what was decided before.
     */
    public record ClaimView(Claim claim, Decision decision, Earlier earlier) {
    }

    /** A decision on the same claim in an earlier revision. */
    public record Earlier(int revision, Decision decision) {
    }

    /** A reviewer's decision on a claim, with the comment and reference the writer needs to act on it. */
    public record Decision(boolean approved, String reviewer, String reviewerName, String comment, String reference,
                           Instant at) {
    }

    /** "Changes requested" or "rejected", with the reviewer's comment and the claims rejected. */
    public record Returned(boolean rejected, String reviewer, String reviewerName, String comment,
                           List<String> rejectedClaimIds, Instant at) {
        public Returned {
            rejectedClaimIds = List.copyOf(rejectedClaimIds);
        }
    }
}
