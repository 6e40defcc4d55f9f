package org.vetted.web.signin;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller as {@link SignedInUser}: a configured user (HTTP Basic, the form), or the one a verified bearer token's
 * subject maps to ({@link TokenSubjects}): that user's configured display name and credential, and the roles both
 * the token's roles claim and the configuration give (a token can narrow a user's roles, never widen them). A
 * token's name claims are never read. A subject accepted as itself (unknown subjects accepted, or no users
 * configured) is a user named by the subject, display name included, with the roles and credential of its claims;
 * the role that needs a credential is then dropped when the token carries none: such a token is no reviewer.
 */
public final class SignedInUsers implements Converter<Jwt, AbstractAuthenticationToken> {
    private final Function<String, Optional<SignedInUser>> configured;
    private final TokenSubjects subjects;
    private final JwtClaimsProperties claims;
    private final List<String> roleNames;
    private final String credentialedRole;

    /**
     * @param configured       the configured user of a username (matched by {@link SignedInUser#canonical})
     * @param roleNames        the roles the service knows, in its order; other names in a token are ignored
     * @param credentialedRole the role a token's subject keeps only with a credential claim
     */
    public SignedInUsers(
            Function<String, Optional<SignedInUser>> configured,
            TokenSubjects subjects,
            JwtClaimsProperties claims,
            List<String> roleNames,
            String credentialedRole) {
        this.configured = configured;
        this.subjects = subjects;
        this.claims = claims;
        this.roleNames = List.copyOf(roleNames);
        this.credentialedRole = credentialedRole;
    }

    /** The user behind an authenticated request. */
    public Optional<SignedInUser> of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(fromClaims(token.getToken()));
        }
        return configured.apply(authentication.getName());
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        SignedInUser user = fromClaims(jwt);
        return new JwtAuthenticationToken(jwt, authorities(user.roles()), user.username());
    }

    public SignedInUser fromClaims(Jwt jwt) {
        String subject = nonBlank(jwt.getClaimAsString(claims.subject()));
        if (subject == null) {
            throw new InvalidBearerTokenException("the token has no subject");
        }
        TokenSubjects.Identity who = subjects.resolve(subject)
                .orElseThrow(() -> new InvalidBearerTokenException("the token's subject is no configured user's"));
        Set<String> roles = roles(jwt.getClaims().get(claims.roles()));
        if (who.configured()) {
            SignedInUser user = configured
                    .apply(who.username())
                    .orElseThrow(() -> new InvalidBearerTokenException("the token's subject is no configured user's"));
            roles.retainAll(user.roles());
            return new SignedInUser(user.username(), user.displayName(), roles, user.credential());
        }
        String credential = nonBlank(jwt.getClaimAsString(claims.credential()));
        if (credential == null) {
            roles.remove(credentialedRole);
        }
        return new SignedInUser(who.username(), who.username(), roles, credential);
    }

    /** A list (or a space-separated string) of role names; names this service does not know are ignored. */
    private Set<String> roles(Object claim) {
        Collection<?> names = claim instanceof Collection<?> list
                ? list
                : claim instanceof String text ? List.of(text.split("[\\s,]+")) : List.of();
        Set<String> given = new LinkedHashSet<>();
        names.forEach(name -> given.add(String.valueOf(name).strip().toUpperCase(Locale.ROOT)));
        Set<String> roles = new LinkedHashSet<>(roleNames);
        roles.retainAll(given);
        return roles;
    }

    /** In the service's order of roles, as Spring Security's role checks spell them. */
    private List<GrantedAuthority> authorities(Set<String> roles) {
        return roleNames.stream()
                .filter(roles::contains)
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
