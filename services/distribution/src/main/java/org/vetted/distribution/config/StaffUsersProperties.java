package org.vetted.distribution.config;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The staff who may sign in to distribution's editor API, in the shape intake and review read
 * ({@code vetted.security.users[*]}: username, password as {@code {noop}...} or {@code {bcrypt}...}, roles), so one
 * list can serve all three. Only EDITOR grants anything here. None by default: the subscriptions API then refuses
 * everyone. The local profile has demo users.
 */
@ConfigurationProperties("vetted.security")
public record StaffUsersProperties(List<User> users) {
    public StaffUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
        long distinct = users.stream()
                .map(user -> canonical(user.username()))
                .distinct()
                .count();
        if (distinct != users.size()) {
            throw new IllegalArgumentException("vetted.security.users: two users share a username (case ignored)");
        }
    }

    /** The roles staff have across the services; distribution honours EDITOR only. */
    public enum Role {
        WRITER,
        MEDICAL_REVIEWER,
        EDITOR
    }

    /** One user; display name and credential may be listed for the other services and are not used here. */
    public record User(String username, String password, String displayName, List<Role> roles, String credential) {
        public User {
            if (username == null || username.isBlank() || password == null || password.isBlank()) {
                throw new IllegalArgumentException("vetted.security.users: every user needs a username and password");
            }
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** Usernames are one account whatever their case, as in intake and review. */
    public static String canonical(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
