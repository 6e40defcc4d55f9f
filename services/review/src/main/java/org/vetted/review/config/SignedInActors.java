package org.vetted.review.config;

import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Role;
import org.vetted.review.domain.staff.Staff;
import org.vetted.web.signin.JwtClaimsProperties;
import org.vetted.web.signin.SignedInAs;
import org.vetted.web.signin.SignedInUser;
import org.vetted.web.signin.TokenSubjects;

/**
 * The caller as {@link Actor}: the shared sign-in ({@link SignedInAs}) over review's staff and roles. A
 * token's subject accepted as itself keeps MEDICAL_REVIEWER only with a credential claim.
 */
public final class SignedInActors extends SignedInAs<Actor> {
    public SignedInActors(Staff staff, TokenSubjects subjects, JwtClaimsProperties claims) {
        super(
                staff::find,
                actor -> SignedInUser.of(actor.username(), actor.displayName(), actor.roles(), actor.credential()),
                user -> new Actor(user.username(), user.displayName(), user.roles(Role.class), user.credential()),
                Role.class,
                Role.MEDICAL_REVIEWER,
                subjects,
                claims);
    }
}
