package org.vetted.review.domain.library;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link LibraryEntries} in a map: the rules of storing stated plainly, and the store of single-instance tests. */
public final class InMemoryLibraryEntries implements LibraryEntries {
    private final Map<String, LibraryEntry> entries = new HashMap<>();

    @Override
    public synchronized boolean record(LibraryEntry entry) {
        LibraryEntry known = entries.get(entry.key());
        if (known != null && known.madeAt().isAfter(entry.madeAt())) {
            return false;
        }
        entries.put(entry.key(), entry);
        return true;
    }

    @Override
    public synchronized Optional<LibraryEntry> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized List<LibraryEntry> sharingWords(Collection<String> words, int atLeast) {
        Set<String> wanted = Set.copyOf(words);
        return entries.values().stream()
                .filter(entry -> ClaimLibrary.indexWords(entry.claimText()).stream()
                                .filter(wanted::contains)
                                .count()
                        >= Math.max(1, atLeast))
                .toList();
    }

    @Override
    public synchronized List<LibraryEntry> containingAll(List<String> words, int limit) {
        return entries.values().stream()
                .filter(entry -> {
                    String text = ClaimLibrary.searchText(entry.claimText());
                    return words.stream().allMatch(text::contains);
                })
                .sorted(Comparator.comparing(LibraryEntry::approvedAt)
                        .reversed()
                        .thenComparing(LibraryEntry::key))
                .limit(limit)
                .toList();
    }
}
