package org.vetted.review.domain.staff;

import org.vetted.contract.PersonNames;

/** A medical reviewer as recorded on a decision: who, and with which credential at the time. */
public record Reviewer(String username, String displayName, String credential) {
    public boolean hasCredential() {
        return credential != null && !credential.isBlank();
    }

    /**
     * The same person however spelled, by the rule that decides authorship ({@code Draft.creditedAs}): the same login
     * (any case), or names that are one person's once case, accents, honorifics and credentials are set aside ("Rita
     * Reyes" and "Dr. Rita Reyes, MD"). One person's two approvals count once toward the two a high-risk claim needs.
     * The username and display name are the configured account's, whether the reviewer signed in by password or by
     * token (a token's subject maps to the account; its name claims are never read), so neither can be edited away.
     */
    public boolean isSamePersonAs(Reviewer other) {
        return username.equalsIgnoreCase(other.username)
                || PersonNames.samePerson(displayName, other.displayName)
                || PersonNames.samePerson(displayName, other.username)
                || PersonNames.samePerson(username, other.displayName);
    }
}
