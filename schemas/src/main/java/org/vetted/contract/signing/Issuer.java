package org.vetted.contract.signing;

import java.util.Locale;

/**
 * The services that sign what they write. Each topic has one writer, and a record counts only with the signature of
 * the service that owns its topic: drafts are intake's, claim decisions, returned reviews and approvals review's,
 * renderings rendering's, publications distribution's.
 */
public enum Issuer {
    INTAKE,
    REVIEW,
    RENDERING,
    DISTRIBUTION;

    /** The name used in settings and key ids: {@code intake}, {@code review}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Issuer of(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
