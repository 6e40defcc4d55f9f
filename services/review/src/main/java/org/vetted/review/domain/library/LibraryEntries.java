package org.vetted.review.domain.library;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the claims library's entries are kept: the latest record of each key. {@link ClaimLibrary} holds the rules
 * (what is offered, suggested, found); this only stores and narrows down. The service keeps them in PostgreSQL,
 * shared by its instances; the tests also keep them in a map. It sits beside the rules that query it rather than in
 * {@code app}: {@link ClaimLibrary} is handed one, and the domain depends on nothing outside it.
 */
public interface LibraryEntries {

    /** Keeps the entry unless a record of its key made later is already kept; false then. */
    boolean record(LibraryEntry entry);

    Optional<LibraryEntry> find(String key);

    int size();

    /**
     * Every entry, in any state, with at least {@code atLeast} (one or more) of these words among its
     * {@link ClaimLibrary#indexWords}: the candidates for suggestions, narrowed by what the similarity threshold
     * needs.
     */
    List<LibraryEntry> sharingWords(Collection<String> words, int atLeast);

    /**
     * Entries whose {@link ClaimLibrary#searchText} contains every one of these words, retired and expired ones
     * included, newest approval first (then by key), at most {@code limit}.
     */
    List<LibraryEntry> containingAll(List<String> words, int limit);
}
