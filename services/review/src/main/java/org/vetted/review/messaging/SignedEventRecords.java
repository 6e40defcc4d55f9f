package org.vetted.review.messaging;

import org.vetted.contract.EventCatalog;
import org.vetted.review.app.Incoming;
import org.vetted.review.app.SignedRecords;
import org.vetted.review.domain.board.ReviewEvent.ArticleWithdrawn;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.ReviewStatusChanged;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.board.ReviewEvent.RevisionReturned;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.library.LibraryEntry;

/** {@link SignedRecords} by the contract: {@link EventMapper}'s signed events in the contract's encoding. */
public final class SignedEventRecords implements SignedRecords {
    private final EventMapper mapper;
    private final EventCatalog catalog = EventCatalog.standard();

    public SignedEventRecords(EventMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public byte[] signed(ClaimDecided decided) {
        return catalog.encode(mapper.toEvent(decided));
    }

    @Override
    public byte[] signed(RevisionApproved approved, Draft draft) {
        return catalog.encode(mapper.toEvent(approved, draft));
    }

    @Override
    public byte[] signed(RevisionReturned returned) {
        return catalog.encode(mapper.toEvent(returned));
    }

    @Override
    public byte[] signed(LibraryEntry entry) {
        return catalog.encode(mapper.toEvent(entry));
    }

    @Override
    public byte[] signed(ArticleWithdrawn withdrawn) {
        return catalog.encode(mapper.toEvent(withdrawn));
    }

    @Override
    public byte[] signed(ReviewStatusChanged changed) {
        return catalog.encode(mapper.toEvent(changed));
    }

    @Override
    public Incoming read(byte[] record) {
        return mapper.toDomain(catalog.decode(record));
    }
}
