package org.vetted.review.config;

import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Role;
import org.vetted.review.domain.staff.Staff;
import org.vetted.web.signin.JwtClaimsProperties;
import org.vetted.web.signin.SignInChains;
import org.vetted.web.signin.SignedInUser;
import org.vetted.web.signin.SignedInUsers;
import org.vetted.web.signin.TokenSubjects;

/**
 * The caller as {@link Actor}: the shared sign-in ({@link SignedInUsers}) over review's staff and roles. A
 * token's subject accepted as itself keeps MEDICAL_REVIEWER only with a credential claim.
 */
public final class SignedInActors implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SignedInUsers users;

    public SignedInActors(Staff staff, TokenSubjects subjects, JwtClaimsProperties claims) {
        this.users = new SignedInUsers(
                username -> staff.find(username).map(SignedInActors::user),
                subjects,
                claims,
                SignInChains.names(Role.class),
                Role.MEDICAL_REVIEWER.name());
    }

    /** The member of staff behind an authenticated request. */
    public Optional<Actor> of(Authentication authentication) {
        return users.of(authentication).map(SignedInActors::actor);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return users.convert(jwt);
    }

    Actor fromClaims(Jwt jwt) {
        return actor(users.fromClaims(jwt));
    }

    private static SignedInUser user(Actor actor) {
        return SignedInUser.of(actor.username(), actor.displayName(), actor.roles(), actor.credential());
    }

    private static Actor actor(SignedInUser user) {
        return new Actor(user.username(), user.displayName(), user.roles(Role.class), user.credential());
    }
}
