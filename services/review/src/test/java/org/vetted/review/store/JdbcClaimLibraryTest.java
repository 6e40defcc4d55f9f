package org.vetted.review.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.review.domain.ClaimLibrary;
import org.vetted.review.domain.ClaimLibraryTest;
import org.vetted.review.messaging.EventMapper;
import org.vetted.support.projection.TestDatabase;

/** The library's rules with its entries in PostgreSQL: a fresh database per test. */
class JdbcClaimLibraryTest extends ClaimLibraryTest {

    @Override
    protected ClaimLibrary newLibrary() {
        return new ClaimLibrary(new JdbcLibraryEntries(new JdbcTemplate(TestDatabase.migrated("classpath:db/migration")),
                new EventMapper(DemoKeys.signaturesOf(Issuer.REVIEW))));
    }
}
