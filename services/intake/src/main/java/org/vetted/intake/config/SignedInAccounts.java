package org.vetted.intake.config;

import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.web.signin.JwtClaimsProperties;
import org.vetted.web.signin.SignedInAs;
import org.vetted.web.signin.SignedInUser;
import org.vetted.web.signin.TokenSubjects;

/**
 * The caller as {@link Account}: the shared sign-in ({@link SignedInAs}) over intake's accounts and roles. A
 * token's subject accepted as itself keeps MEDICAL_REVIEWER only with a credential claim.
 */
public final class SignedInAccounts extends SignedInAs<Account> {
    public SignedInAccounts(Accounts accounts, TokenSubjects subjects, JwtClaimsProperties claims) {
        super(
                accounts::byUsername,
                account -> SignedInUser.of(
                        account.username(), account.displayName(), account.roles(), account.credential()),
                user -> new Account(user.username(), user.displayName(), user.roles(Role.class), user.credential()),
                Role.class,
                Role.MEDICAL_REVIEWER,
                subjects,
                claims);
    }
}
