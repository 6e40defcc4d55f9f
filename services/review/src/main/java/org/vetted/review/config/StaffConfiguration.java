package org.vetted.review.config;

import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Role;
import org.vetted.review.domain.staff.Staff;
import org.vetted.web.signin.SignInChains;
import org.vetted.web.signin.SignedInUser;
import org.vetted.web.signin.UsersProperties;

/** The configured staff, as sign-in accounts and as actors the review rules know. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsersProperties.class)
public class StaffConfiguration {

    /** The configured staff; none is fine only when bearer tokens are accepted (a JwtDecoder exists). */
    @Bean
    Staff staff(UsersProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
        if (properties.users().isEmpty() && jwtDecoder.getIfAvailable() == null) {
            throw new StaffMisconfiguredException("no users are configured (vetted.security.users is empty) and no "
                    + "JWT issuer is set (spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri)");
        }
        for (UsersProperties.User user : properties.users()) {
            if (isBlank(user.username())
                    || isBlank(user.password())
                    || isBlank(user.displayName())
                    || user.roles().isEmpty()) {
                throw new StaffMisconfiguredException("user '" + user.username()
                        + "' needs a username, password, display-name and at least one role");
            }
            if (roles(user).contains(Role.MEDICAL_REVIEWER) && isBlank(user.credential())) {
                throw new StaffMisconfiguredException(
                        "medical reviewer '" + user.username() + "' has no credential (MD, DO, RD, PharmD, ...)");
            }
        }
        List<Actor> actors = properties.users().stream()
                // Usernames are matched without case (SignedInUser.canonical): a member is known by that form.
                .map(user -> new Actor(
                        SignedInUser.canonical(user.username()),
                        user.displayName(),
                        roles(user),
                        isBlank(user.credential()) ? null : user.credential().strip()))
                .toList();
        try {
            return new Staff(actors);
        } catch (IllegalArgumentException e) {
            throw new StaffMisconfiguredException(e.getMessage());
        }
    }

    @Bean
    UserDetailsService userDetailsService(UsersProperties properties, Staff staff) {
        // Staff has already validated every user (roles, reviewer credentials).
        return SignInChains.passwords(properties, Role.class);
    }

    private static Set<Role> roles(UsersProperties.User user) {
        try {
            return user.roles(Role.class);
        } catch (IllegalArgumentException e) {
            throw new StaffMisconfiguredException(e.getMessage());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
