package org.vetted.review.domain.board;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.review.domain.board.ReviewEvent.ArticleWithdrawn;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.DraftArrived;
import org.vetted.review.domain.board.ReviewEvent.ReviewStatusChanged;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.board.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.rereview.ReReviewNotice;
import org.vetted.review.domain.rereview.ReReviewStatus;
import org.vetted.review.domain.withdrawal.ApprovedRevision;
import org.vetted.review.domain.withdrawal.Withdrawal;
import org.vetted.review.domain.withdrawal.Withdrawals;

/**
 * Every article's latest revision and the decisions on it, built by applying {@link ReviewEvent}s.
 * <ul>
 * <li>A newer revision replaces the one under review. The replaced revision is kept as an earlier one, with its
 * decisions, for carrying approvals over ({@link EarlierReviews}): a claim whose text and section are unchanged since
 * the last approved (or last reviewed) revision keeps its approval. Its draft is also kept as the previous one, and,
 * if it was approved, as the last approved one, so the reviewer can see what changed ({@link #history}).</li>
 * <li>A draft of the known revision is ignored when it has the same text; one with the same revision number but
 * other text is {@link Applied#CONFLICTING}: two texts cannot both be revision n, and the board will not pick one
 * silently. A draft of an earlier revision read late is kept as an earlier revision (for carry-over only).</li>
 * <li>Each event is applied once: a repeated event id changes nothing.</li>
 * <li>Events are read from several topics, whose order relative to each other Kafka does not keep, so what the
 * board derives does not depend on that order: a decision or approval for a revision whose draft has not been read
 * yet, older or newer than the one under review, waits until its draft arrives; one for an earlier revision counts
 * for carry-over only. At most {@code maxWaiting} events wait in all; beyond that the oldest is dropped and handed to
 * the {@code dropped} callback (the edge logs it).</li>
 * <li>At most {@link #MAX_EARLIER_REVISIONS} earlier revisions are kept per article; beyond that the oldest that is
 * neither the last approved nor the last reviewed is let go of, one without decisions first, and later events about it
 * are ignored; when one with decisions goes, or a decision is dropped, no look at that revision or before it carries
 * (the safe side: it may have held a later rejection).</li>
 * </ul>
 * Thread-safe: the web and the Kafka consumer share one board.
 */
public final class ReviewBoard {

    /** What applying an event did. */
    public enum Applied {
        /** The board changed. */
        APPLIED,
        /** The event id was seen before. */
        DUPLICATE,
        /** About a revision no longer kept, or does not fit its revision: ignored. */
        IGNORED,
        /** About a revision whose draft was not read yet: kept until its draft arrives. */
        PENDING,
        /** A draft of the known revision with other text: not applied, and not remembered as seen. */
        CONFLICTING
    }

    /** How many events may wait for their draft, across all articles, unless the constructor says otherwise. */
    public static final int DEFAULT_MAX_WAITING = 10_000;
    /** How many earlier revisions of one article are kept for carry-over. */
    public static final int MAX_EARLIER_REVISIONS = 20;

    private final Map<String, ArticleReview> articles = new HashMap<>();
    /** Per article: the draft the current revision replaced, and the latest earlier revision that was approved. */
    private final Map<String, Draft> previous = new HashMap<>();

    private final Map<String, Draft> lastApproved = new HashMap<>();
    /** Per article: the earlier revisions carry-over reads, by number, and the highest number let go of. */
    private final Map<String, TreeMap<Integer, EarlierRevision>> earlier = new HashMap<>();

    private final Map<String, Integer> forgottenUpTo = new HashMap<>();
    /**
     * Per article: the highest revision let go of that held (or was later sent) a decision. Carry-over does not count
     * looks at or before it, as one of that revision's decisions may have been a later rejection of the same text.
     */
    private final Map<String, Integer> lookFloor = new HashMap<>();
    /** Waiting events by article, and the same events by event id in arrival order (oldest first). */
    private final Map<String, List<ReviewEvent>> waiting = new HashMap<>();

    private final LinkedHashMap<String, ReviewEvent> waitingInArrivalOrder = new LinkedHashMap<>();
    private final Set<String> seenEventIds = new HashSet<>();
    private final int maxWaiting;
    private final Consumer<ReviewEvent> dropped;
    private final FourEyesRule fourEyes;
    /** When each retired claims library entry was last retired: decisions accepted from it before stop counting. */
    private final Map<String, Instant> retiredLibrary = new HashMap<>();
    /**
     * Per article: the approvals whose review expired (by revision, hash and approval time). An approval among them
     * does not stand: its revision is open again (re-review), whichever of the approval and the expiry is read first.
     */
    private final Map<String, Map<String, ReReviewNotice>> expiredApprovals = new HashMap<>();
    /** Per article: the latest re-review notice read (due or expired), for the reviewer's page. */
    private final Map<String, ReReviewNotice> reReviewNotices = new HashMap<>();
    /** Per article: the expiry that reopened its revision under review, if one did. */
    private final Map<String, ReReviewNotice> reopenedBy = new HashMap<>();
    /** Per article: its withdrawals, in the order read; they do not depend on which revision is under review. */
    private final Map<String, List<Withdrawal>> withdrawals = new HashMap<>();

    public ReviewBoard() {
        this(DEFAULT_MAX_WAITING, event -> {});
    }

    /** @param dropped told of each waiting event dropped because {@code maxWaiting} events were already waiting */
    public ReviewBoard(int maxWaiting, Consumer<ReviewEvent> dropped) {
        this(maxWaiting, dropped, FourEyesRule.defaults());
    }

    /** @param fourEyes which claims need two reviewers, for every revision on the board */
    public ReviewBoard(int maxWaiting, Consumer<ReviewEvent> dropped, FourEyesRule fourEyes) {
        if (maxWaiting < 1) {
            throw new IllegalArgumentException("maxWaiting must be at least 1");
        }
        this.maxWaiting = maxWaiting;
        this.dropped = dropped;
        this.fourEyes = fourEyes;
    }

    public synchronized Applied apply(ReviewEvent event) {
        if (!seenEventIds.add(event.eventId())) {
            return Applied.DUPLICATE;
        }
        Applied applied = applyNew(event);
        if (applied == Applied.CONFLICTING) {
            seenEventIds.remove(event.eventId());
        }
        return applied;
    }

    /** How many events wait for their draft. */
    public synchronized int waitingCount() {
        return waitingInArrivalOrder.size();
    }

    public synchronized Optional<ArticleReview> find(String articleId) {
        return Optional.ofNullable(articles.get(articleId)).map(this::seeingRetirements);
    }

    /**
     * A claims library entry was retired at {@code at}: decisions accepted from it before then no longer count in
     * any revision not yet approved. Only the latest retirement of a key is kept.
     */
    public synchronized void libraryEntryRetired(String key, Instant at) {
        retiredLibrary.merge(key, at, (known, later) -> later.isAfter(known) ? later : known);
    }

    private ArticleReview seeingRetirements(ArticleReview review) {
        return retiredLibrary.isEmpty() ? review : review.withRetiredLibrary(retiredLibrary);
    }

    /** The article's current revision with the earlier ones it is compared with, as one consistent read. */
    public synchronized Optional<ArticleHistory> history(String articleId) {
        return find(articleId)
                .map(review -> new ArticleHistory(review, previous.get(articleId), lastApproved.get(articleId)));
    }

    /**
     * The article's withdrawals with its last approved revision: the revision under review when it is approved, else
     * the latest earlier one approved (whose draft the board keeps for the diff).
     */
    public synchronized Withdrawals withdrawals(String articleId) {
        ArticleReview current = articles.get(articleId);
        Draft approved = current != null && (current.status() == ReviewStatus.APPROVED || underReReview(current))
                ? current.draft()
                : lastApproved.get(articleId);
        return new Withdrawals(
                articleId,
                Optional.ofNullable(approved)
                        .map(draft -> new ApprovedRevision(
                                draft.revision(), draft.contentHash(), draft.slug(), draft.title())),
                withdrawals.getOrDefault(articleId, List.of()));
    }

    /**
     * The latest re-review notice of the article's current approval (or of the approval whose expiry reopened it),
     * if any: a later approval makes earlier notices moot.
     */
    public synchronized Optional<ReReviewNotice> reReview(String articleId) {
        ArticleReview current = articles.get(articleId);
        if (current == null) {
            return Optional.empty();
        }
        if (underReReview(current)) {
            return Optional.of(reopenedBy.get(articleId));
        }
        ReReviewNotice notice = reReviewNotices.get(articleId);
        return notice != null
                        && current.status() == ReviewStatus.APPROVED
                        && current.revision() == notice.revision()
                        && current.approval().approvedAt().equals(notice.approvedAt())
                ? Optional.of(notice)
                : Optional.empty();
    }

    /** Whether the revision is open because its approval expired (it was approved with exactly this text). */
    private boolean underReReview(ArticleReview review) {
        ReReviewNotice reopened = reopenedBy.get(review.articleId());
        return review.isOpen()
                && reopened != null
                && reopened.revision() == review.revision()
                && reopened.contentHash().equals(review.draft().contentHash());
    }

    /** Whether the article's revision under review is open again because its approval expired. */
    public synchronized boolean isReReview(String articleId) {
        ArticleReview current = articles.get(articleId);
        return current != null && underReReview(current);
    }

    /** The earlier revisions kept for the article, oldest first. */
    public synchronized List<EarlierRevision> earlierRevisions(String articleId) {
        TreeMap<Integer, EarlierRevision> kept = earlier.get(articleId);
        return kept == null ? List.of() : List.copyOf(kept.values());
    }

    /** Articles whose latest revision is open, oldest submission first. */
    public synchronized List<ArticleReview> awaitingDecision() {
        return articles.values().stream()
                .filter(ArticleReview::isOpen)
                .map(this::seeingRetirements)
                .sorted(Comparator.comparing(
                                (ArticleReview review) -> review.draft().submittedAt())
                        .thenComparing(ArticleReview::articleId))
                .toList();
    }

    private Applied applyNew(ReviewEvent event) {
        if (event instanceof DraftArrived arrived) {
            return openRevision(arrived.draft());
        }
        if (event instanceof ArticleWithdrawn withdrawn) {
            withdrawals
                    .computeIfAbsent(withdrawn.articleId(), id -> new ArrayList<>())
                    .add(withdrawn.withdrawal());
            return Applied.APPLIED;
        }
        if (event instanceof ReviewStatusChanged changed) {
            return reReview(changed.notice());
        }
        ArticleReview current = articles.get(event.articleId());
        if (current == null || event.revision() > current.revision()) {
            hold(event);
            return Applied.PENDING;
        }
        if (event.revision() < current.revision()) {
            return applyToEarlier(event);
        }
        ArticleReview next = decide(current, event);
        if (next == null) {
            return Applied.IGNORED;
        }
        articles.put(event.articleId(), unlessExpired(next));
        return Applied.APPLIED;
    }

    /**
     * A re-review notice: remembered (the latest per article, by firing time), and an expiry reopens the approval it
     * names if that approval is the revision's current one (an expiry of an approval read later reopens it then).
     */
    private Applied reReview(ReReviewNotice notice) {
        String articleId = notice.articleId();
        reReviewNotices.merge(articleId, notice, (known, read) -> read.at().isBefore(known.at()) ? known : read);
        if (notice.status() == ReReviewStatus.EXPIRED) {
            expiredApprovals
                    .computeIfAbsent(articleId, id -> new HashMap<>())
                    .put(approvalKey(notice.revision(), notice.contentHash(), notice.approvedAt()), notice);
            ArticleReview current = articles.get(articleId);
            if (current != null) {
                articles.put(articleId, unlessExpired(current));
            }
        }
        return Applied.APPLIED;
    }

    /** The review, reopened if it is approved by an approval whose review expired. */
    private ArticleReview unlessExpired(ArticleReview review) {
        if (review.status() != ReviewStatus.APPROVED) {
            return review;
        }
        Approval approval = review.approval();
        ReReviewNotice expiry = expiredApprovals
                .getOrDefault(review.articleId(), Map.of())
                .get(approvalKey(approval.revision(), approval.contentHash(), approval.approvedAt()));
        if (expiry == null) {
            return review;
        }
        reopenedBy.put(review.articleId(), expiry);
        return review.reopened();
    }

    private static String approvalKey(int revision, String contentHash, Instant approvedAt) {
        return revision + " " + contentHash + " " + approvedAt.toEpochMilli();
    }

    private Applied openRevision(Draft draft) {
        String articleId = draft.articleId();
        ArticleReview current = articles.get(articleId);
        if (current != null
                && draft.revision() == current.revision()
                && !draft.contentHash().equals(current.draft().contentHash())) {
            return Applied.CONFLICTING;
        }
        if (current != null && draft.revision() == current.revision()) {
            return Applied.IGNORED;
        }
        if (current != null && draft.revision() < current.revision()) {
            return keepLateEarlierDraft(draft);
        }
        if (current != null) {
            previous.put(articleId, current.draft());
            if (current.status() == ReviewStatus.APPROVED || underReReview(current)) {
                lastApproved.put(articleId, current.draft());
            }
            earlier.computeIfAbsent(articleId, id -> new TreeMap<>())
                    .put(current.revision(), EarlierRevision.of(current));
        }
        ArticleReview review = ArticleReview.opened(draft, fourEyes);
        for (ReviewEvent event : release(articleId, draft.revision())) {
            ArticleReview next = decide(review, event);
            review = next == null ? review : unlessExpired(next);
        }
        articles.put(articleId, review);
        keepBounded(articleId);
        refresh(articleId);
        return Applied.APPLIED;
    }

    /**
     * A draft of an earlier revision read after a later one (topics interleave on replay): kept as an earlier
     * revision, with the decisions that waited for it, so carry-over comes out as if it had been read in order.
     */
    private Applied keepLateEarlierDraft(Draft draft) {
        String articleId = draft.articleId();
        TreeMap<Integer, EarlierRevision> kept = earlier.computeIfAbsent(articleId, id -> new TreeMap<>());
        if (kept.containsKey(draft.revision()) || draft.revision() <= forgottenUpTo.getOrDefault(articleId, 0)) {
            return Applied.IGNORED;
        }
        kept.put(draft.revision(), EarlierRevision.of(draft));
        for (ReviewEvent event : release(articleId, draft.revision())) {
            applyToKept(articleId, kept.get(draft.revision()), event);
        }
        keepBounded(articleId);
        refresh(articleId);
        return Applied.APPLIED;
    }

    /** A decision or approval about an earlier revision: it counts for carry-over (and the diff) only. */
    private Applied applyToEarlier(ReviewEvent event) {
        String articleId = event.articleId();
        boolean forDiff = approvedTheReplaced(event);
        TreeMap<Integer, EarlierRevision> kept = earlier.get(articleId);
        EarlierRevision revision = kept == null ? null : kept.get(event.revision());
        if (revision == null) {
            if (forDiff) {
                return Applied.APPLIED;
            }
            if (event instanceof RevisionReturned || event.revision() <= forgottenUpTo.getOrDefault(articleId, 0)) {
                if (event instanceof ClaimDecided && raiseLookFloor(articleId, event.revision())) {
                    refresh(articleId);
                }
                return Applied.IGNORED;
            }
            hold(event);
            return Applied.PENDING;
        }
        boolean changed = applyToKept(articleId, revision, event);
        if (changed) {
            refresh(articleId);
        }
        return changed || forDiff ? Applied.APPLIED : Applied.IGNORED;
    }

    /** Whether the event changed the kept earlier revision; returns of earlier revisions change nothing here. */
    private boolean applyToKept(String articleId, EarlierRevision revision, ReviewEvent event) {
        EarlierRevision next = null;
        if (event instanceof ClaimDecided decided
                && revision.contentHash().equals(decided.contentHash())
                && revision.claim(decided.decision().claimId()).isPresent()) {
            next = revision.withDecision(decided.decision());
        } else if (event instanceof RevisionApproved approved
                && !revision.approved()
                && revision.contentHash().equals(approved.approval().contentHash())) {
            next = revision.asApproved();
        }
        if (next == null) {
            return false;
        }
        earlier.get(articleId).put(next.revision(), next);
        return true;
    }

    /** The review under way with what it takes from the earlier revisions as they now stand. */
    private void refresh(String articleId) {
        ArticleReview current = articles.get(articleId);
        TreeMap<Integer, EarlierRevision> kept = earlier.get(articleId);
        if (current != null) {
            articles.put(
                    articleId,
                    current.withEarlier(
                            kept == null || kept.isEmpty()
                                    ? EarlierReviews.NONE
                                    : EarlierReviews.of(
                                            current.draft(), kept.values(), lookFloor.getOrDefault(articleId, 0))));
        }
    }

    /**
     * At most {@link #MAX_EARLIER_REVISIONS} earlier revisions per article. Neither the last approved nor the last
     * reviewed goes; of the rest, the oldest without decisions goes first (carry-over loses nothing by it), then the
     * oldest, which raises the look floor: a rejection it held must not be forgotten in favour of an older approval.
     * Events about a revision let go of (now or later) are ignored, a decision among them raising the floor too.
     */
    private void keepBounded(String articleId) {
        TreeMap<Integer, EarlierRevision> kept = earlier.get(articleId);
        if (kept == null || kept.size() <= MAX_EARLIER_REVISIONS) {
            return;
        }
        Integer lastApprovedRevision = null;
        Integer lastReviewedRevision = null;
        for (EarlierRevision revision : kept.values()) {
            lastApprovedRevision = revision.approved() ? Integer.valueOf(revision.revision()) : lastApprovedRevision;
            lastReviewedRevision =
                    revision.decisions().isEmpty() ? lastReviewedRevision : Integer.valueOf(revision.revision());
        }
        int forgotten = forgottenUpTo.getOrDefault(articleId, 0);
        for (boolean undecidedOnly : new boolean[] {true, false}) {
            Iterator<EarlierRevision> oldestFirst = kept.values().iterator();
            while (kept.size() > MAX_EARLIER_REVISIONS && oldestFirst.hasNext()) {
                EarlierRevision revision = oldestFirst.next();
                Integer number = revision.revision();
                boolean decided = !revision.decisions().isEmpty();
                if (number.equals(lastApprovedRevision)
                        || number.equals(lastReviewedRevision)
                        || (undecidedOnly && decided)) {
                    continue;
                }
                oldestFirst.remove();
                forgotten = Math.max(forgotten, number);
                if (decided) {
                    raiseLookFloor(articleId, number);
                }
            }
        }
        forgottenUpTo.put(articleId, forgotten);
        int upTo = forgotten;
        List<ReviewEvent> held = waiting.get(articleId);
        if (held != null) {
            held.removeIf(event -> {
                boolean gone = event.revision() <= upTo && !kept.containsKey(event.revision());
                if (gone) {
                    waitingInArrivalOrder.remove(event.eventId());
                    if (event instanceof ClaimDecided) {
                        raiseLookFloor(articleId, event.revision());
                    }
                }
                return gone;
            });
            if (held.isEmpty()) {
                waiting.remove(articleId);
            }
        }
    }

    /** Whether the article's look floor rose to {@code revision}. */
    private boolean raiseLookFloor(String articleId, int revision) {
        int floor = lookFloor.getOrDefault(articleId, 0);
        if (revision <= floor) {
            return false;
        }
        lookFloor.put(articleId, revision);
        return true;
    }

    /** The waiting events about one revision of the article, in arrival order, no longer waiting. */
    private List<ReviewEvent> release(String articleId, int revision) {
        List<ReviewEvent> held = waiting.get(articleId);
        if (held == null) {
            return List.of();
        }
        List<ReviewEvent> released = new ArrayList<>();
        held.removeIf(event -> {
            if (event.revision() != revision) {
                return false;
            }
            released.add(event);
            waitingInArrivalOrder.remove(event.eventId());
            return true;
        });
        if (held.isEmpty()) {
            waiting.remove(articleId);
        }
        return released;
    }

    /**
     * An approval read after the revision it approved was replaced (topics interleave on replay, so the next draft
     * may come first): it no longer changes the review, but if it approved exactly the previous revision's text,
     * that revision is the last approved one for the diff, unless a later one already is. Older drafts are not kept
     * whole, so the diff cannot show one of those (carry-over still counts its approval, {@link #applyToEarlier}).
     */
    private boolean approvedTheReplaced(ReviewEvent event) {
        Draft replaced = previous.get(event.articleId());
        if (!(event instanceof RevisionApproved approved)
                || replaced == null
                || replaced.revision() != event.revision()
                || !replaced.contentHash().equals(approved.approval().contentHash())) {
            return false;
        }
        Draft known = lastApproved.get(event.articleId());
        if (known != null && known.revision() >= replaced.revision()) {
            return false;
        }
        lastApproved.put(event.articleId(), replaced);
        return true;
    }

    private void hold(ReviewEvent event) {
        if (waitingInArrivalOrder.size() >= maxWaiting) {
            Iterator<ReviewEvent> oldest = waitingInArrivalOrder.values().iterator();
            ReviewEvent drop = oldest.next();
            oldest.remove();
            List<ReviewEvent> ofArticle = waiting.get(drop.articleId());
            ofArticle.removeIf(held -> held == drop);
            if (ofArticle.isEmpty()) {
                waiting.remove(drop.articleId());
            }
            dropped.accept(drop);
            if (drop instanceof ClaimDecided && raiseLookFloor(drop.articleId(), drop.revision())) {
                refresh(drop.articleId());
            }
        }
        waiting.computeIfAbsent(event.articleId(), id -> new ArrayList<>()).add(event);
        waitingInArrivalOrder.put(event.eventId(), event);
    }

    /**
     * The review after {@code event}, or null when the event does not fit this revision. A claim decision is kept
     * even when the revision is already closed: replayed topics interleave, so a decision may be read after the
     * sign-off it preceded. The rules stop new decisions on a closed revision before they are published.
     */
    private static ArticleReview decide(ArticleReview review, ReviewEvent event) {
        if (event instanceof ClaimDecided decided) {
            return fits(review, decided.contentHash())
                            && review.draft()
                                    .claim(decided.decision().claimId())
                                    .isPresent()
                    ? review.withDecision(decided.decision())
                    : null;
        }
        if (event instanceof RevisionApproved approved) {
            // A later approval of the same text also replaces an approval (a re-review signed off, read before the
            // expiry that reopened the revision: topics interleave on replay).
            boolean later = review.status() == ReviewStatus.APPROVED
                    && approved.approval()
                            .approvedAt()
                            .isAfter(review.approval().approvedAt());
            return (review.isOpen() || later)
                            && fits(review, approved.approval().contentHash())
                    ? review.approved(approved.approval())
                    : null;
        }
        if (event instanceof RevisionReturned returned) {
            return review.isOpen() && fits(review, returned.contentHash()) ? review.returned(returned.outcome()) : null;
        }
        return null;
    }

    private static boolean fits(ArticleReview review, String contentHash) {
        return review.draft().contentHash().equals(contentHash);
    }
}
