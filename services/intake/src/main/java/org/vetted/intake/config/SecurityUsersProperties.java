package org.vetted.intake.config;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.vetted.intake.domain.accounts.Role;

/** {@code vetted.security.users}: the accounts that may log in (HTTP Basic), the same shape in intake and review. */
@ConfigurationProperties("vetted.security")
public record SecurityUsersProperties(List<User> users) {
    public SecurityUsersProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /**
     * One account. {@code password} is in Spring's {id}encoded form, e.g. "{noop}secret" or "{bcrypt}$2a$...".
     * {@code subjects}: the bearer-token subjects ({@code sub}) that are this account, e.g. the issuer's id of the user.
     */
    public record User(String username, String password, String displayName, Set<Role> roles, String credential,
                       List<String> subjects) {
        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
        }
    }
}
