package org.vetted.intake.config;

import java.util.Optional;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.web.signin.JwtClaimsProperties;
import org.vetted.web.signin.SignInChains;
import org.vetted.web.signin.SignedInUser;
import org.vetted.web.signin.SignedInUsers;
import org.vetted.web.signin.TokenSubjects;

/**
 * The caller as {@link Account}: the shared sign-in ({@link SignedInUsers}) over intake's accounts and roles. A
 * token's subject accepted as itself keeps MEDICAL_REVIEWER only with a credential claim.
 */
public final class SignedInAccounts implements Converter<Jwt, AbstractAuthenticationToken> {
    private final SignedInUsers users;

    public SignedInAccounts(Accounts accounts, TokenSubjects subjects, JwtClaimsProperties claims) {
        this.users = new SignedInUsers(
                username -> accounts.byUsername(username).map(SignedInAccounts::user),
                subjects,
                claims,
                SignInChains.names(Role.class),
                Role.MEDICAL_REVIEWER.name());
    }

    /** The account behind an authenticated request. */
    public Optional<Account> of(Authentication authentication) {
        return users.of(authentication).map(SignedInAccounts::account);
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return users.convert(jwt);
    }

    Account fromClaims(Jwt jwt) {
        return account(users.fromClaims(jwt));
    }

    private static SignedInUser user(Account account) {
        return SignedInUser.of(account.username(), account.displayName(), account.roles(), account.credential());
    }

    private static Account account(SignedInUser user) {
        return new Account(user.username(), user.displayName(), user.roles(Role.class), user.credential());
    }
}
