package org.vetted.review.config;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.vetted.support.security.TokenSubjects;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Role;
import org.vetted.review.domain.staff.Staff;

/**
 * The caller as {@link Actor}: a configured member of staff (HTTP Basic), or the one a verified bearer token's subject maps to
 * ({@link TokenSubjects}): that user's configured display name and credential, and the roles both the token's roles
 * claim and the configuration give (a token can narrow a user's roles, never widen them). A token's name claims are
 * never read. A subject accepted as itself (unknown subjects accepted, or no users configured) is a user named by the
 * subject, display name included, with the roles and credential of its claims; a MEDICAL_REVIEWER role without a
 * credential claim is then dropped: such a token is no reviewer.
 */
public final class SignedInActors implements Converter<Jwt, AbstractAuthenticationToken> {
    private final Staff staff;
    private final TokenSubjects subjects;
    private final JwtClaimsProperties claims;

    public SignedInActors(Staff staff, TokenSubjects subjects, JwtClaimsProperties claims) {
        this.staff = staff;
        this.subjects = subjects;
        this.claims = claims;
    }

    /** The member of staff behind an authenticated request. */
    public Optional<Actor> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(fromClaims(token.getToken()));
        }
        return staff.find(authentication.getName());
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Actor actor = fromClaims(jwt);
        return new JwtAuthenticationToken(jwt, authorities(actor.roles()), actor.username());
    }

    Actor fromClaims(Jwt jwt) {
        String subject = firstNonBlank(jwt.getClaimAsString(claims.subject()), null);
        if (subject == null) {
            throw new InvalidBearerTokenException("the token has no subject");
        }
        TokenSubjects.Identity who = subjects.resolve(subject).orElseThrow(() ->
                new InvalidBearerTokenException("the token's subject is no configured user's"));
        Set<Role> roles = roles(jwt.getClaims().get(claims.roles()));
        if (who.configured()) {
            Actor configured = staff.find(who.username()).orElseThrow(() ->
                    new InvalidBearerTokenException("the token's subject is no configured user's"));
            roles.retainAll(configured.roles());
            return new Actor(configured.username(), configured.displayName(), roles, configured.credential());
        }
        String credential = firstNonBlank(jwt.getClaimAsString(claims.credential()), null);
        if (credential == null) {
            roles.remove(Role.MEDICAL_REVIEWER);
        }
        return new Actor(who.username(), who.username(), roles, credential);
    }

    /** A list (or a space-separated string) of role names; names this service does not know are ignored. */
    private static Set<Role> roles(Object claim) {
        Collection<?> names = claim instanceof Collection<?> list ? list
                : claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            String key = String.valueOf(name).strip().toUpperCase(Locale.ROOT);
            Arrays.stream(Role.values()).filter(role -> role.name().equals(key)).forEach(roles::add);
        }
        return roles;
    }

    private static List<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    private static String firstNonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
