package org.vetted.web.signin;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code vetted.security.users}: the people who may sign in with a password (HTTP Basic, the form). Passwords use
 * Spring Security's {@code {id}} prefixes ({@code {bcrypt}...} in production, {@code {noop}} for demo accounts).
 */
@ConfigurationProperties("vetted.security")
public record UsersProperties(List<User> users) {
    public UsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One user. {@code roles} are the service's role names; {@code subjects} the bearer-token subjects ({@code sub})
     * that are this user, e.g. the issuer's id of them.
     */
    public record User(
            String username,
            String password,
            String displayName,
            Set<String> roles,
            String credential,
            List<String> subjects) {
        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
        }

        /**
         * The roles as the service's enum, names compared as Spring Boot binds an enum ("medical-reviewer" is
         * MEDICAL_REVIEWER): the properties are shared, the roles are each service's own.
         *
         * @throws IllegalArgumentException for a name the service does not know
         */
        public <E extends Enum<E>> Set<E> roles(Class<E> type) {
            Set<E> known = EnumSet.noneOf(type);
            List<E> constants = List.of(type.getEnumConstants());
            for (String name : roles) {
                known.add(constants.stream()
                        .filter(role -> lenient(role.name()).equals(lenient(name)))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "user '" + username + "' has role '" + name + "', which is none of " + constants)));
            }
            return known;
        }

        private static String lenient(String name) {
            return name == null ? "" : name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        }
    }
}
