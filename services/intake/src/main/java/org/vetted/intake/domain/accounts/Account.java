package org.vetted.intake.domain.accounts;

import java.util.Set;

/** A person who can log in: a writer, a medical reviewer (with a credential), an editor, or several of these. */
public record Account(String username, String displayName, Set<Role> roles, String credential) {
    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Author asAuthor() {
        return new Author(username, displayName);
    }
}
