package org.vetted.review.domain.staff;

import java.util.Set;

/** A signed-in member of staff as the review rules see them. {@code credential} is null for non-reviewers. */
public record Actor(String username, String displayName, Set<Role> roles, String credential) {
    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasCredential() {
        return credential != null && !credential.isBlank();
    }

    public boolean isCredentialedMedicalReviewer() {
        return hasRole(Role.MEDICAL_REVIEWER) && hasCredential();
    }

    /** This actor as recorded on a decision. */
    public Reviewer asReviewer() {
        return new Reviewer(username, displayName, credential);
    }
}
