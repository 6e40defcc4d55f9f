package org.vetted.web.signin;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whoever is signed in, as the sign-in knows them: a configured user or a bearer token's subject. Each service turns
 * it into its own type (intake's account, review's actor). {@code roles} are role names as the service spells them
 * (its enum's names); {@code credential} is null when there is none.
 */
public record SignedInUser(String username, String displayName, Set<String> roles, String credential) {
    public SignedInUser {
        username = canonical(username);
        roles = Set.copyOf(roles);
    }

    /** A user with the roles of a service's enum. */
    public static <E extends Enum<E>> SignedInUser of(
            String username, String displayName, Set<E> roles, String credential) {
        return new SignedInUser(
                username, displayName, roles.stream().map(Enum::name).collect(Collectors.toSet()), credential);
    }

    /** The roles as the service's enum; every name is one of it (the sign-in only keeps the service's names). */
    public <E extends Enum<E>> Set<E> roles(Class<E> type) {
        Set<E> known = EnumSet.noneOf(type);
        roles.forEach(name -> known.add(Enum.valueOf(type, name)));
        return known;
    }

    /**
     * The one rule for usernames: stripped and lower-case, so "Rita" and "rita" are one account and one person to
     * the rules, whether signed in with a password, the form or a token.
     */
    public static String canonical(String username) {
        return username == null ? null : username.strip().toLowerCase(Locale.ROOT);
    }
}
