package org.vetted.intake.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Intake's in-memory view of every article: ids, latest revision, authors, slugs, status and history, projected
 * from the article events. Applying an event twice (same eventId) changes nothing, so intake can record its own
 * submission at once and meet it again on the topic later. Events of an older revision enter the history but leave
 * the status alone; for the latest revision a status never moves back (events of several topics arrive in any order).
 * Thread-safe. Memory grows with the number of articles and events: fine for an editorial pipeline's volume.
 */
public final class ArticleRegistry implements KnownArticles {
    private final Map<String, Entry> articles = new LinkedHashMap<>();
    private final Set<String> seenEvents = new HashSet<>();
    private final Set<String> slugs = new HashSet<>();
    /** Slugs handed to a new article whose DraftSubmitted is being published. */
    private final Set<String> reservedSlugs = new HashSet<>();

    private static final class Entry {
        final String articleId;
        String slug;
        ArticleEvent.DraftRecorded latestDraft;
        int revision;
        ArticleStatus status = ArticleStatus.SUBMITTED;
        final List<ArticleView.HistoryEntry> history = new ArrayList<>();
        final Map<Integer, RevisionState> revisions = new TreeMap<>(Comparator.reverseOrder());

        Entry(String articleId) {
            this.articleId = articleId;
        }
    }

    /** What is known of one revision: its draft (once read), the latest decision per claim, how it was returned. */
    private static final class RevisionState {
        ArticleEvent.DraftRecorded draft;
        final Map<String, ArticleEvent.ClaimDecided> decisions = new LinkedHashMap<>();
        ArticleEvent.Returned returned;
    }

    /** @return false when this event was applied before */
    public synchronized boolean apply(ArticleEvent event) {
        if (!seenEvents.add(event.eventId())) {
            return false;
        }
        Entry entry = articles.computeIfAbsent(event.articleId(), Entry::new);
        if (event instanceof ArticleEvent.DraftRecorded draft) {
            if (entry.slug == null) {
                entry.slug = draft.slug();
                slugs.add(draft.slug());
                reservedSlugs.remove(draft.slug());
            }
            if (entry.latestDraft == null || draft.revision() >= entry.latestDraft.revision()) {
                entry.latestDraft = draft;
            }
            entry.revisions.computeIfAbsent(draft.revision(), revision -> new RevisionState()).draft = draft;
        } else if (event instanceof ArticleEvent.ClaimDecided decided) {
            // A reviewer may change their mind: the latest decision on a claim stands.
            entry.revisions.computeIfAbsent(decided.revision(), revision -> new RevisionState()).decisions
                    .merge(decided.claimId(), decided, (known, later) -> later.at().isBefore(known.at()) ? known : later);
        } else if (event instanceof ArticleEvent.Returned returned) {
            entry.revisions.computeIfAbsent(returned.revision(), revision -> new RevisionState()).returned = returned;
        }
        if (event.revision() > entry.revision) {
            entry.revision = event.revision();
            entry.status = event.status();
        } else if (event.revision() == entry.revision && event.status().supersedes(entry.status)) {
            entry.status = event.status();
        }
        entry.history.add(new ArticleView.HistoryEntry(event.at(), event.revision(), event.event(), event.status(),
                event.actor(), event.detail()));
        return true;
    }

    public synchronized Optional<ArticleView> view(String articleId) {
        return Optional.ofNullable(articles.get(articleId)).map(ArticleRegistry::toView);
    }

    public synchronized List<ArticleView> all() {
        return articles.values().stream().map(ArticleRegistry::toView).toList();
    }

    @Override
    public synchronized Optional<KnownArticle> find(String articleId) {
        Entry entry = articles.get(articleId);
        if (entry == null || entry.latestDraft == null) {
            return Optional.empty();
        }
        return Optional.of(new KnownArticle(entry.articleId, entry.slug,
                Math.max(entry.revision, entry.latestDraft.revision()), entry.latestDraft.authors()));
    }

    @Override
    public synchronized boolean slugTaken(String slug) {
        return slugs.contains(slug) || reservedSlugs.contains(slug);
    }

    @Override
    public synchronized boolean reserveSlug(String slug) {
        return !slugs.contains(slug) && reservedSlugs.add(slug);
    }

    @Override
    public synchronized void releaseSlug(String slug) {
        reservedSlugs.remove(slug);
    }

    private static ArticleView toView(Entry entry) {
        ArticleEvent.DraftRecorded draft = entry.latestDraft;
        List<ArticleView.HistoryEntry> history = new ArrayList<>(entry.history);
        history.sort(Comparator.comparing(ArticleView.HistoryEntry::at).thenComparing(ArticleView.HistoryEntry::revision));
        List<ArticleView.RevisionView> revisions = entry.revisions.entrySet().stream()
                .filter(revision -> revision.getValue().draft != null)
                .map(revision -> toView(revision.getValue(), entry.revisions))
                .toList();
        return new ArticleView(entry.articleId, entry.slug, draft == null ? null : draft.title(), entry.revision,
                entry.status, draft == null ? null : draft.contentHash(), draft == null ? List.of() : draft.authors(),
                history, revisions, draft == null ? null : draft.bodyMarkdown());
    }

    private static ArticleView.RevisionView toView(RevisionState state, Map<Integer, RevisionState> all) {
        ArticleEvent.DraftRecorded draft = state.draft;
        List<ArticleView.ClaimView> claims = draft.claims().stream()
                .map(claim -> new ArticleView.ClaimView(claim, decision(state.decisions.get(claim.id())),
                        earlier(claim, draft.revision(), all)))
                .toList();
        ArticleEvent.Returned returned = state.returned;
        return new ArticleView.RevisionView(draft.revision(), draft.at(), draft.title(), draft.summary(), draft.tags(),
                claims, returned == null ? null : new ArticleView.Returned(returned.rejected(), returned.actor(),
                returned.reviewerName(), returned.comment(), returned.rejectedClaimIds(), returned.at()));
    }

    /** The newest earlier revision that has the same claim in the same section and a decision on it. */
    private static ArticleView.Earlier earlier(Claim claim, int revision, Map<Integer, RevisionState> all) {
        for (Map.Entry<Integer, RevisionState> earlier : all.entrySet()) {
            RevisionState state = earlier.getValue();
            ArticleEvent.ClaimDecided decided = state.decisions.get(claim.id());
            if (earlier.getKey() < revision && decided != null && state.draft != null && state.draft.claims().stream()
                    .anyMatch(c -> c.id().equals(claim.id()) && Objects.equals(c.section(), claim.section()))) {
                return new ArticleView.Earlier(earlier.getKey(), decision(decided));
            }
        }
        return null;
    }

    private static ArticleView.Decision decision(ArticleEvent.ClaimDecided decided) {
        return decided == null ? null : new ArticleView.Decision(decided.approved(), decided.actor(),
                decided.reviewerName(), decided.comment(), decided.reference(), decided.at());
    }
}
