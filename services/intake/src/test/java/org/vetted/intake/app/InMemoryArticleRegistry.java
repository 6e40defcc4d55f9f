package org.vetted.intake.app;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.domain.articles.ArticleHistory;
import org.vetted.intake.domain.articles.ArticleListing;
import org.vetted.intake.domain.articles.ArticleView;
import org.vetted.intake.domain.articles.KnownArticle;

/**
 * {@link ArticleRegistry}'s rules in memory: the reference the database registry is tested against, and the registry
 * of unit tests. Thread-safe; one JVM only. Memory grows with the number of articles and events.
 */
public final class InMemoryArticleRegistry implements ArticleRegistry {
    private static final int STRIPES = 64;

    private final Map<String, ArticleHistory> articles = new LinkedHashMap<>();
    private final Set<String> seenEvents = new HashSet<>();
    private final Set<String> slugs = new HashSet<>();
    /** Slugs handed to a new article whose DraftSubmitted is being published. */
    private final Set<String> reservedSlugs = new HashSet<>();
    /** Revision numbers claimed per article. */
    private final Map<String, Set<Integer>> claims = new HashMap<>();

    private final ReentrantLock[] articleLocks = new ReentrantLock[STRIPES];

    public InMemoryArticleRegistry() {
        for (int i = 0; i < STRIPES; i++) {
            articleLocks[i] = new ReentrantLock();
        }
    }

    /** Keeps no records: it holds the domain events themselves. */
    @Override
    public boolean apply(ArticleEvent event, byte[] record) {
        return apply(event);
    }

    /** For unit tests, which have the domain event only. */
    public synchronized boolean apply(ArticleEvent event) {
        if (!seenEvents.add(event.eventId())) {
            return false;
        }
        ArticleHistory article = articles.computeIfAbsent(event.articleId(), ArticleHistory::new);
        boolean firstDraft = event instanceof ArticleEvent.DraftRecorded && article.slug() == null;
        article.apply(event);
        if (firstDraft) {
            slugs.add(article.slug());
            reservedSlugs.remove(article.slug());
        }
        return true;
    }

    @Override
    public synchronized Optional<ArticleView> view(String articleId) {
        return Optional.ofNullable(articles.get(articleId)).map(ArticleHistory::view);
    }

    @Override
    public synchronized List<ArticleView> all() {
        return articles.values().stream().map(ArticleHistory::view).toList();
    }

    /** The listing's rules over every article, in memory. */
    @Override
    public ArticleListing.Page page(Account reader, int limit, ArticleListing.Cursor after) {
        return ArticleListing.page(
                all().stream().filter(article -> article.visibleTo(reader)).toList(), limit, after);
    }

    @Override
    public synchronized Optional<KnownArticle> find(String articleId) {
        return Optional.ofNullable(articles.get(articleId))
                .flatMap(ArticleHistory::known)
                .map(known -> known.countingClaims(claims.getOrDefault(articleId, Set.of()).stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(0)));
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

    /** Reservations here never lapse, so a held one is simply left reserved. */
    @Override
    public void holdSlug(String slug) {}

    @Override
    public synchronized boolean claimRevision(String articleId, int revision) {
        return claims.computeIfAbsent(articleId, id -> new HashSet<>()).add(revision);
    }

    @Override
    public synchronized void releaseRevision(String articleId, int revision) {
        Set<Integer> claimed = claims.get(articleId);
        if (claimed != null) {
            claimed.remove(revision);
        }
    }

    @Override
    public <T> T exclusively(String articleId, Supplier<T> work) {
        ReentrantLock lock = articleLocks[Math.floorMod(articleId.hashCode(), STRIPES)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
