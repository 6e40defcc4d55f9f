package org.vetted.review.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the claims library's entries are kept: the latest record of each key. {@link ClaimLibrary} holds the rules
 * (what is offered, suggested, found); this only stores and narrows down. {@link InMemoryLibraryEntries} is the
 * plain version; the service keeps them in PostgreSQL, shared by its instances.
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
