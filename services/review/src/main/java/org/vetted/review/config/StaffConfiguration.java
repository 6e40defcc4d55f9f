package org.vetted.review.config;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Role;
import org.vetted.review.domain.staff.Staff;
import org.vetted.support.security.TokenSubjects;

/** The configured staff, as sign-in accounts and as actors the review rules know. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StaffProperties.class)
public class StaffConfiguration {

    /** The configured staff; none is fine only when bearer tokens are accepted (a JwtDecoder exists). */
    @Bean
    Staff staff(StaffProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
        if (properties.users().isEmpty() && jwtDecoder.getIfAvailable() == null) {
            throw new StaffMisconfiguredException("no users are configured (vetted.security.users is empty) and no "
                    + "JWT issuer is set (spring.security.oauth2.resourceserver.jwt.issuer-uri or jwk-set-uri)");
        }
        for (StaffProperties.User user : properties.users()) {
            if (isBlank(user.username()) || isBlank(user.password()) || isBlank(user.displayName())
                    || user.roles().isEmpty()) {
                throw new StaffMisconfiguredException("user '" + user.username()
                        + "' needs a username, password, display-name and at least one role");
            }
            if (user.roles().contains(Role.MEDICAL_REVIEWER) && isBlank(user.credential())) {
                throw new StaffMisconfiguredException("medical reviewer '" + user.username()
                        + "' has no credential (MD, DO, RD, PharmD, ...)");
            }
        }
        List<Actor> actors = properties.users().stream()
                // Usernames are matched without case in both services: a member is known by the lower-case form.
                .map(user -> new Actor(TokenSubjects.canonical(user.username()), user.displayName(), user.roles(),
                        isBlank(user.credential()) ? null : user.credential().strip()))
                .toList();
        try {
            return new Staff(actors);
        } catch (IllegalArgumentException e) {
            throw new StaffMisconfiguredException(e.getMessage());
        }
    }

    @Bean
    UserDetailsService userDetailsService(StaffProperties properties, Staff staff) {
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(TokenSubjects.canonical(user.username()))
                        .password(user.password())
                        .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .toList()
                .toArray(new org.springframework.security.core.userdetails.UserDetails[0]));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
