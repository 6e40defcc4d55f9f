package org.vetted.review.domain;

/** A medical reviewer as recorded on a decision: who, and with which credential at the time. */
public record Reviewer(String username, String displayName, String credential) {
    public boolean hasCredential() {
        return credential != null && !credential.isBlank();
    }
}
