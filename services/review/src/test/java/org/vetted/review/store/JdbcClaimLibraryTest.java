package org.vetted.review.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.library.ClaimLibraryTest;
import org.vetted.review.messaging.EventMapper;
import org.vetted.review.messaging.SignedEventRecords;
import org.vetted.support.projection.TestDatabase;

/** The library's rules with its entries in PostgreSQL: a fresh database per test. */
class JdbcClaimLibraryTest extends ClaimLibraryTest {

    @Override
    protected ClaimLibrary newLibrary() {
        return new ClaimLibrary(new JdbcLibraryEntries(
                new JdbcTemplate(TestDatabase.migrated("classpath:db/migration")),
                new SignedEventRecords(new EventMapper(DemoKeys.signaturesOf(Issuer.REVIEW)))));
    }
}
