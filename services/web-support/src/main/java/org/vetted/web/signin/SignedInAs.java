package org.vetted.web.signin;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The caller as a service's own type (intake's account, review's actor): {@link SignedInUsers} over the service's
 * users, with the two conversions between its type and {@link SignedInUser}. A service's subclass only names them.
 *
 * @param <T> the service's type for a signed-in person
 */
public abstract class SignedInAs<T> implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SignedInUsers users;
    private final Function<SignedInUser, T> own;

    /**
     * @param find             the service's configured person of a username
     * @param user             a person as the shared sign-in sees them
     * @param own              and back
     * @param roles            the service's roles, in its order
     * @param credentialedRole the role a token's subject keeps only with a credential claim
     */
    protected <E extends Enum<E>> SignedInAs(
            Function<String, Optional<T>> find,
            Function<T, SignedInUser> user,
            Function<SignedInUser, T> own,
            Class<E> roles,
            E credentialedRole,
            TokenSubjects subjects,
            JwtClaimsProperties claims) {
        this.users = new SignedInUsers(
                username -> find.apply(username).map(user),
                subjects,
                claims,
                SignInChains.names(roles),
                credentialedRole.name());
        this.own = own;
    }

    /** The person behind an authenticated request. */
    public Optional<T> of(Authentication authentication) {
        return users.of(authentication).map(own);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return users.convert(jwt);
    }

    /** The person a verified token names; refused as an invalid bearer token when it names no one allowed. */
    public T fromClaims(Jwt jwt) {
        return own.apply(users.fromClaims(jwt));
    }
}
