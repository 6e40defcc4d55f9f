package org.vetted.intake.domain.articles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.vetted.intake.domain.claims.Claim;

/**
 * One article's events folded, in the order they were applied, into what writers see of it: the rules of the status
 * view for a single article. Events of an older revision enter the history but leave the status alone; for the
 * latest revision a status never moves back (events of several topics arrive in any order); the first draft applied
 * fixes the slug. Deciding whether an event is new (its id) is the registry's job, not this fold's. Not thread-safe:
 * a registry guards it, or builds one per read.
 */
public final class ArticleHistory {
    private final String articleId;
    private String slug;
    private ArticleEvent.DraftRecorded latestDraft;
    private int revision;
    private ArticleStatus status = ArticleStatus.SUBMITTED;
    private boolean published;
    private final List<ArticleEvent> history = new ArrayList<>();
    private final Map<Integer, RevisionState> revisions = new TreeMap<>(Comparator.reverseOrder());

    /** What is known of one revision: its draft (once read), the latest decision per claim, how it was returned. */
    private static final class RevisionState {
        ArticleEvent.DraftRecorded draft;
        final Map<String, ArticleEvent.ClaimDecided> decisions = new LinkedHashMap<>();
        ArticleEvent.Returned returned;
        ArticleEvent.StatusChanged approval;
        ArticleStatus status = ArticleStatus.SUBMITTED;
    }

    public ArticleHistory(String articleId) {
        this.articleId = articleId;
    }

    /** The article as its events, in the order they were applied, make it. */
    public static ArticleHistory of(String articleId, List<? extends ArticleEvent> events) {
        ArticleHistory history = new ArticleHistory(articleId);
        events.forEach(history::apply);
        return history;
    }

    public void apply(ArticleEvent event) {
        if (event instanceof ArticleEvent.DraftRecorded draft) {
            if (slug == null) {
                slug = draft.slug();
            }
            if (latestDraft == null || draft.revision() >= latestDraft.revision()) {
                latestDraft = draft;
            }
            revisions.computeIfAbsent(draft.revision(), r -> new RevisionState()).draft = draft;
        } else if (event instanceof ArticleEvent.ClaimDecided decided) {
            // A reviewer may change their mind: the latest decision on a claim stands.
            revisions
                    .computeIfAbsent(decided.revision(), r -> new RevisionState())
                    .decisions
                    .merge(
                            decided.claimId(),
                            decided,
                            (known, later) -> later.at().isBefore(known.at()) ? known : later);
        } else if (event instanceof ArticleEvent.Returned returned) {
            revisions.computeIfAbsent(returned.revision(), r -> new RevisionState()).returned = returned;
        } else if (event instanceof ArticleEvent.StatusChanged changed && changed.status() == ArticleStatus.APPROVED) {
            revisions.computeIfAbsent(changed.revision(), r -> new RevisionState()).approval = changed;
        }
        if (event.status() == ArticleStatus.PUBLISHED) {
            published = true;
        }
        RevisionState state = revisions.computeIfAbsent(event.revision(), r -> new RevisionState());
        if (event.status().supersedes(state.status)) {
            state.status = event.status();
        }
        if (event.revision() > revision) {
            revision = event.revision();
            status = event.status();
        } else if (event.revision() == revision && event.status().supersedes(status)) {
            status = event.status();
        }
        history.add(event);
    }

    /** The slug of the first draft applied; null while no draft is known. */
    public String slug() {
        return slug;
    }

    /** What a new revision needs to know; empty while no draft of the article is known. */
    public Optional<KnownArticle> known() {
        if (latestDraft == null) {
            return Optional.empty();
        }
        return Optional.of(new KnownArticle(
                articleId, slug, Math.max(revision, latestDraft.revision()), latestDraft.authors(), status, published));
    }

    public ArticleView view() {
        ArticleEvent.DraftRecorded draft = latestDraft;
        List<ArticleView.HistoryEntry> sorted = new ArrayList<>(history.stream()
                .map(event -> new ArticleView.HistoryEntry(
                        event.at(),
                        event.revision(),
                        event.event(),
                        event.status(),
                        event.actor(),
                        event.detail(),
                        HistorySentences.of(event, revisionDraft(event.revision()))))
                .toList());
        sorted.sort(
                Comparator.comparing(ArticleView.HistoryEntry::at).thenComparing(ArticleView.HistoryEntry::revision));
        List<ArticleView.RevisionView> submitted = revisions.values().stream()
                .filter(state -> state.draft != null)
                .map(state -> toView(state, revisions))
                .toList();
        return new ArticleView(
                articleId,
                slug,
                draft == null ? null : draft.title(),
                revision,
                status,
                draft == null ? null : draft.contentHash(),
                draft == null ? List.of() : draft.authors(),
                sorted,
                submitted,
                draft == null ? null : draft.bodyMarkdown());
    }

    private ArticleEvent.DraftRecorded revisionDraft(int revision) {
        RevisionState state = revisions.get(revision);
        return state == null ? null : state.draft;
    }

    private static ArticleView.RevisionView toView(RevisionState state, Map<Integer, RevisionState> all) {
        ArticleEvent.DraftRecorded draft = state.draft;
        // A revision signed off as a whole approved every claim in it, whether or not each has its own event here.
        ArticleView.Decision signOff = state.approval == null
                ? null
                : new ArticleView.Decision(true, state.approval.actor(), null, null, null, state.approval.at());
        List<ArticleView.ClaimView> claims = draft.claims().stream()
                .map(claim -> new ArticleView.ClaimView(
                        claim,
                        decision(state.decisions.get(claim.id())),
                        earlier(claim, draft.revision(), all),
                        signOff))
                .toList();
        ArticleEvent.Returned returned = state.returned;
        return new ArticleView.RevisionView(
                draft.revision(),
                draft.at(),
                draft.title(),
                draft.summary(),
                draft.tags(),
                claims,
                returned == null
                        ? null
                        : new ArticleView.Returned(
                                returned.rejected(),
                                returned.actor(),
                                returned.reviewerName(),
                                returned.comment(),
                                returned.rejectedClaimIds(),
                                returned.at()),
                state.status,
                draft.bodyMarkdown());
    }

    /** The newest earlier revision that has the same claim in the same section and a decision on it. */
    private static ArticleView.Earlier earlier(Claim claim, int revision, Map<Integer, RevisionState> all) {
        for (Map.Entry<Integer, RevisionState> earlier : all.entrySet()) {
            RevisionState state = earlier.getValue();
            ArticleEvent.ClaimDecided decided = state.decisions.get(claim.id());
            if (earlier.getKey() < revision
                    && decided != null
                    && state.draft != null
                    && state.draft.claims().stream()
                            .anyMatch(c -> c.id().equals(claim.id()) && Objects.equals(c.section(), claim.section()))) {
                return new ArticleView.Earlier(earlier.getKey(), decision(decided));
            }
        }
        return null;
    }

    private static ArticleView.Decision decision(ArticleEvent.ClaimDecided decided) {
        return decided == null
                ? null
                : new ArticleView.Decision(
                        decided.approved(),
                        decided.actor(),
                        decided.reviewerName(),
                        decided.comment(),
                        decided.reference(),
                        decided.at());
    }
}
