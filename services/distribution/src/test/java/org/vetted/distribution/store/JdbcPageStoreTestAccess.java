package org.vetted.distribution.store;

import javax.sql.DataSource;

/** A fresh, migrated database for tests outside this package. */
public final class JdbcPageStoreTestAccess {
    public static DataSource migratedDatabase() {
        return JdbcPageStoreTest.migratedDatabase();
    }

    private JdbcPageStoreTestAccess() {}
}
