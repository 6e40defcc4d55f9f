package org.vetted.distribution.app;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vetted.distribution.domain.Correction;
import org.vetted.distribution.domain.PublishedArticle;
import org.vetted.distribution.domain.ReReviewNotice;
import org.vetted.distribution.domain.WithdrawnArticle;

/** {@link PageStore}'s rules in memory: the reference the database store is tested against. Thread-safe. */
public final class InMemoryPageStore implements PageStore {
    private static final Comparator<Page> NEWEST_FIRST = Comparator.comparing(
                    (Page page) -> page.article().publishedAt())
            .reversed()
            .thenComparing(page -> page.article().articleId());

    private static final Comparator<Position> NEWEST_FIRST_POSITION =
            Comparator.comparing(Position::publishedAt).reversed().thenComparing(Position::articleId);

    private final Map<String, Page> byArticleId = new HashMap<>();
    private final Map<String, String> articleIdBySlug = new HashMap<>();
    private final Set<String> seenEventIds = new HashSet<>();
    private final Map<String, WithdrawnArticle> withdrawals = new HashMap<>();
    private final Map<String, ReReviewNotice> reReviews = new HashMap<>();

    /** As the database keeps them: the later approval, then an expiry over a "due", then the later notice. */
    @Override
    public synchronized Outcome apply(ReReviewNotice notice) {
        if (!seenEventIds.add(notice.eventId())) {
            return Outcome.DUPLICATE;
        }
        Comparator<ReReviewNotice> order = Comparator.comparing(ReReviewNotice::lastReviewedAt)
                .thenComparing(ReReviewNotice::overdue)
                .thenComparing(ReReviewNotice::at);
        ReReviewNotice known = reReviews.get(notice.articleId());
        if (known != null && order.compare(notice, known) <= 0) {
            return Outcome.SUPERSEDED;
        }
        reReviews.put(notice.articleId(), notice);
        return Outcome.STORED;
    }

    @Override
    public synchronized Optional<ReReviewNotice> reReview(String articleId) {
        return Optional.ofNullable(reReviews.get(articleId));
    }

    @Override
    public synchronized Set<String> expiredAmong(java.util.Collection<String> articleIds) {
        Set<String> expired = new HashSet<>();
        articleIds.forEach(id -> {
            ReReviewNotice notice = reReviews.get(id);
            if (notice != null && notice.overdue()) {
                expired.add(id);
            }
        });
        return expired;
    }

    private final Map<String, List<Correction>> corrections = new HashMap<>();

    @Override
    public synchronized Outcome apply(PublishedArticle article) {
        Outcome outcome = applyPage(article);
        if (outcome == Outcome.STORED || outcome == Outcome.SUPERSEDED) {
            Correction.of(article)
                    .ifPresent(correction -> corrections
                            .computeIfAbsent(article.articleId(), id -> new java.util.ArrayList<>())
                            .add(correction));
        }
        return outcome;
    }

    private Page withCorrections(Page page) {
        return page.withCorrections(corrections.getOrDefault(page.article().articleId(), List.of()).stream()
                .filter(correction -> correction.revision() <= page.article().revision())
                .sorted(Comparator.comparing(Correction::correctedAt).thenComparing(Correction::revision))
                .toList());
    }

    private Outcome applyPage(PublishedArticle article) {
        if (!seenEventIds.add(article.eventId())) {
            return Outcome.DUPLICATE;
        }
        if (withdrawals.containsKey(article.articleId())) {
            return Outcome.WITHDRAWN;
        }
        String slugOwner = articleIdBySlug.get(article.slug());
        if (slugOwner != null && !slugOwner.equals(article.articleId())) {
            return Outcome.SLUG_TAKEN;
        }
        Page current = byArticleId.get(article.articleId());
        if (current == null) {
            store(article, article.publishedAt(), null);
            return Outcome.STORED;
        }
        Instant firstPublishedAt = earlier(current.firstPublishedAt(), article.publishedAt());
        if (article.revision() < current.article().revision()) {
            byArticleId.put(article.articleId(), new Page(current.article(), firstPublishedAt));
            return Outcome.SUPERSEDED;
        }
        store(article, firstPublishedAt, current.article().slug());
        return Outcome.STORED;
    }

    @Override
    public synchronized Outcome apply(WithdrawnArticle withdrawal) {
        if (!seenEventIds.add(withdrawal.eventId())) {
            return Outcome.DUPLICATE;
        }
        WithdrawnArticle known = withdrawals.get(withdrawal.articleId());
        if (known != null && !withdrawal.kind().escalates(known.kind())) {
            return Outcome.WITHDRAWN;
        }
        withdrawals.put(withdrawal.articleId(), withdrawal);
        return Outcome.STORED;
    }

    @Override
    public synchronized Optional<Page> findBySlug(String slug) {
        return Optional.ofNullable(articleIdBySlug.get(slug)).map(this::page);
    }

    @Override
    public synchronized Optional<Page> findByArticle(String articleId) {
        return Optional.ofNullable(byArticleId.get(articleId)).map(page -> page(articleId));
    }

    private Page page(String articleId) {
        Page page = byArticleId.get(articleId);
        return withCorrections(new Page(page.article(), page.firstPublishedAt(), withdrawals.get(articleId)));
    }

    @Override
    public synchronized List<Page> newestFirst(int limit) {
        return byArticleId.values().stream()
                .filter(page -> !withdrawals.containsKey(page.article().articleId()))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .map(this::withCorrections)
                .toList();
    }

    @Override
    public synchronized List<Page> newestFirstWithRetracted(int limit) {
        return byArticleId.values().stream()
                .map(page -> page(page.article().articleId()))
                .filter(page -> !page.unpublished())
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<WithdrawnArticle> withdrawnNewestFirst(int limit) {
        return withdrawals.values().stream()
                .sorted(Comparator.comparing(WithdrawnArticle::decidedAt)
                        .reversed()
                        .thenComparing(WithdrawnArticle::articleId))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Page> olderThan(Position position, int limit) {
        return byArticleId.values().stream()
                .filter(page -> NEWEST_FIRST_POSITION.compare(Position.of(page), position) > 0)
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<Page> newerThan(Position position, int limit) {
        List<Page> newer = byArticleId.values().stream()
                .filter(page -> NEWEST_FIRST_POSITION.compare(Position.of(page), position) < 0)
                .sorted(NEWEST_FIRST)
                .toList();
        return newer.subList(Math.max(0, newer.size() - limit), newer.size());
    }

    @Override
    public synchronized long count() {
        return byArticleId.size();
    }

    @Override
    public synchronized List<Page> inArticleIdOrder(long offset, int limit) {
        return byArticleId.values().stream()
                .sorted(Comparator.comparing(page -> page.article().articleId()))
                .skip(offset)
                .limit(limit)
                .toList();
    }

    private void store(PublishedArticle article, Instant firstPublishedAt, String previousSlug) {
        byArticleId.put(article.articleId(), new Page(article, firstPublishedAt));
        if (previousSlug != null
                && !previousSlug.equals(article.slug())
                && article.articleId().equals(articleIdBySlug.get(previousSlug))) {
            articleIdBySlug.remove(previousSlug);
        }
        articleIdBySlug.put(article.slug(), article.articleId());
    }

    private static Instant earlier(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }
}
