package org.vetted.review.domain.library;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.vetted.contract.Sha256;
import org.vetted.review.domain.board.ArticleReview;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ClaimState;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.ClaimText;

/**
 * The claims library: claims approved with a reference, each under a key derived from its canonical text
 * ({@link #keyOf}), kept in {@link LibraryEntries} (the service's: PostgreSQL, fed by the compacted topic). The latest
 * record of a key is the entry: later by when it was made (its approval or retirement), so a record read back late
 * never undoes a newer one.
 * <ul>
 * <li>An exact match (the same whole canonical text, kind and section path, compared as text: the key is only a
 * name) that is neither retired nor expired is offered for one-action acceptance; a close one (word similarity of at least {@link #SIMILAR}) is only suggested, never applied.</li>
 * <li>Decisions accepted from an entry carry its key; once it is retired they no longer count in a revision not yet
 * approved ({@link ArticleReview}).</li>
 * </ul>
 */
public final class ClaimLibrary {
    public static final double SIMILAR = 0.6;
    public static final int MAX_SUGGESTIONS = 3;
    public static final int MAX_RESULTS = 50;
    /** A search names 2 to 200 characters: fewer match everything, more is no claim. */
    public static final int MIN_QUERY = 2;

    public static final int MAX_QUERY = 200;
    /** The most a retirement's reason may say. */
    public static final int MAX_RETIRE_REASON = 1000;
    /** Words of a claim compared for suggestions; claims are sentences. */
    private static final int MAX_WORDS = 200;

    /** An entry close to a claim, with its word similarity (0..1). */
    public record Suggestion(LibraryEntry entry, double similarity) {}

    /** What the library offers for one open claim: an exact match to accept (or null), and close ones to read. */
    public record Offer(LibraryEntry match, List<Suggestion> suggestions) {
        public Offer {
            suggestions = List.copyOf(suggestions);
        }
    }

    private final LibraryEntries entries;

    public ClaimLibrary(LibraryEntries entries) {
        this.entries = entries;
    }

    /** {@code lib-} and 16 hex of SHA-256 over the canonical text (case, curly quotes and spacing aside). */
    public static String keyOf(String claimText) {
        return "lib-" + HexFormat.of().formatHex(Sha256.of(ClaimText.canonical(claimText)), 0, 8);
    }

    /** The distinct words suggestions compare (folded, at most {@link #MAX_WORDS}): what a store indexes. */
    public static Set<String> indexWords(String claimText) {
        return new HashSet<>(ClaimText.words(claimText, MAX_WORDS));
    }

    /** The form of an entry's text that a search's words are looked for in (case, quotes and Unicode forms aside). */
    public static String searchText(String claimText) {
        return ClaimText.folded(claimText);
    }

    /** Records an entry read or written; false when a newer record of its key is already known. */
    public boolean record(LibraryEntry entry) {
        return entries.record(entry);
    }

    public Optional<LibraryEntry> find(String key) {
        return entries.find(key);
    }

    public int size() {
        return entries.size();
    }

    /**
     * The entry of exactly this claim (whole canonical text, kind and section path: {@link LibraryEntry#matches}),
     * when it is offered at {@code now}. The key only finds the candidate.
     */
    public Optional<LibraryEntry> exactMatch(Claim claim, Instant now) {
        return find(keyOf(claim.text())).filter(entry -> entry.isOfferedAt(now) && entry.matches(claim));
    }

    /** Up to {@link #MAX_SUGGESTIONS} offered entries close to the claim but not an exact match, closest first. */
    public List<Suggestion> suggestions(Claim claim, Instant now) {
        String claimText = claim.text();
        Set<String> words = indexWords(claimText);
        if (words.isEmpty()) {
            return List.of();
        }
        List<Suggestion> close = new ArrayList<>();
        // Dice >= SIMILAR needs shared >= SIMILAR * |words| / (2 - SIMILAR), however long the entry: so common words
        // alone ("may", "the") do not make every entry a candidate.
        int atLeast = (int) Math.ceil(SIMILAR * words.size() / (2 - SIMILAR) - 1e-9);
        for (LibraryEntry entry : entries.sharingWords(words, atLeast)) {
            if (!entry.matches(claim) && entry.isOfferedAt(now)) {
                double similarity = dice(words, indexWords(entry.claimText()));
                if (similarity >= SIMILAR) {
                    close.add(new Suggestion(entry, similarity));
                }
            }
        }
        return close.stream()
                .sorted(Comparator.comparingDouble(Suggestion::similarity)
                        .reversed()
                        .thenComparing(suggestion -> suggestion.entry().key()))
                .limit(MAX_SUGGESTIONS)
                .toList();
    }

    /**
     * Offers for the claims of a revision under review that nobody decided yet: open, not decided on this revision
     * and nothing carried over (a claim someone already looked at is theirs to finish). Claims without any match are
     * left out.
     */
    public Map<String, Offer> offersFor(ArticleReview review, Instant now) {
        Map<String, Offer> offers = new HashMap<>();
        if (!review.isOpen()) {
            return offers;
        }
        for (ClaimState state : review.claimStates()) {
            Claim claim = state.claim();
            if (state.isOpen()
                    && state.carriedOver() == null
                    && review.decisionsOn(claim.id()).isEmpty()) {
                Offer offer = new Offer(exactMatch(claim, now).orElse(null), suggestions(claim, now));
                if (offer.match() != null || !offer.suggestions().isEmpty()) {
                    offers.put(claim.id(), offer);
                }
            }
        }
        return offers;
    }

    /**
     * Entries whose text contains every word of {@code query} (case, quotes and Unicode forms aside), retired and
     * expired ones included, newest approval first, at most {@link #MAX_RESULTS}.
     */
    public List<LibraryEntry> search(String query) {
        List<String> words = ClaimText.words(query, MAX_WORDS);
        return words.isEmpty() ? List.of() : entries.containingAll(words, MAX_RESULTS);
    }

    /**
     * The entries an approval adds: for each claim, the latest approval of it made with a reference that is one by
     * form ({@link Reference}), by a reviewer here or carried over. Approvals accepted from the library do not enter
     * it again (that would renew an entry nobody re-checked), and a claim approved without a reference stays out.
     * Valid for {@code validity} from that approval.
     */
    public static List<LibraryEntry> entriesOf(ArticleReview approved, Duration validity, Supplier<String> eventIds) {
        List<LibraryEntry> added = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (ClaimState state : approved.claimStates()) {
            Claim claim = state.claim();
            if (!state.isApproved() || seen.putIfAbsent(keyOf(claim.text()), true) != null) {
                // One record per key: a text approved under two headings enters once, under the first.
                continue;
            }
            state.decisions().stream()
                    .filter(decision -> decision.isApproved() && decision.libraryKey() == null)
                    .filter(decision -> Reference.isWellFormed(decision.reference()))
                    .max(Comparator.comparing(ClaimDecision::at))
                    .ifPresent(decision -> added.add(new LibraryEntry(
                            eventIds.get(),
                            keyOf(claim.text()),
                            claim.text(),
                            claim.kind(),
                            List.of(Reference.parse(decision.reference()).value()),
                            decision.reviewer(),
                            decision.at(),
                            decision.at().plus(validity),
                            approved.articleId(),
                            approved.revision(),
                            claim.id(),
                            null,
                            claim.section())));
        }
        return added;
    }

    /** Word similarity: twice the shared words over all words (Dice). */
    static double dice(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        int shared = 0;
        for (String word : a) {
            if (b.contains(word)) {
                shared++;
            }
        }
        return 2.0 * shared / (a.size() + b.size());
    }
}
