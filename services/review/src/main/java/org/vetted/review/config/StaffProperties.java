package org.vetted.review.config;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.vetted.review.domain.staff.Role;

/**
 * {@code vetted.security.users}: the staff who may sign in with HTTP Basic. Passwords use Spring Security's
 * {@code {id}} prefixes ({@code {bcrypt}...} in production, {@code {noop}} for demo accounts).
 */
@ConfigurationProperties("vetted.security")
public record StaffProperties(List<User> users) {
    public StaffProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** {@code subjects}: the bearer-token subjects ({@code sub}) that are this member of staff. */
    public record User(String username, String password, String displayName, Set<Role> roles, String credential,
                       List<String> subjects) {
        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            subjects = subjects == null ? List.of() : List.copyOf(subjects);
        }
    }
}
