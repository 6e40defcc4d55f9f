package org.vetted.distribution.app;

import org.vetted.distribution.domain.PublishedArticle;

/**
 * The form a page is kept in: the signed publication it came from, so the store needs no trust of its own in the
 * database. A port, because the record format and its seal are the event contract's, which only the messaging edge
 * speaks.
 */
public interface PageRecords {

    /** The publication with the seal it was read with, as bytes to store. */
    byte[] encode(PublishedArticle article);

    /** The publication a stored record holds, or why it is not one distribution sealed. */
    Read decode(byte[] stored);

    /** What a stored record turned out to be. */
    sealed interface Read permits Sealed, Refused {}

    record Sealed(PublishedArticle article) implements Read {}

    record Refused(String reason) implements Read {}
}
