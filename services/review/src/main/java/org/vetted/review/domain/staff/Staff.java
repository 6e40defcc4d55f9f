package org.vetted.review.domain.staff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The configured members of staff, by username matched without case ("Rita" is rita). A medical reviewer without a
 * credential is refused.
 */
public final class Staff {
    private final Map<String, Actor> byUsername = new LinkedHashMap<>();

    public Staff(List<Actor> members) {
        for (Actor member : members) {
            if (member.hasRole(Role.MEDICAL_REVIEWER) && !member.hasCredential()) {
                throw new IllegalArgumentException(
                        "medical reviewer " + member.username() + " has no credential (MD, DO, RD, PharmD, ...)");
            }
            if (byUsername.putIfAbsent(key(member.username()), member) != null) {
                throw new IllegalArgumentException("user " + member.username() + " is configured twice");
            }
        }
    }

    public Optional<Actor> find(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(byUsername.get(key(username)));
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public boolean isEmpty() {
        return byUsername.isEmpty();
    }
}
