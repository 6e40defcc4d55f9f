package org.vetted.web.signin;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a bearer token is, the same rule in intake and review: its subject (stable, set by the issuer), mapped to a
 * configured account, never a display name or username claim the user may edit. Each configured user lists the
 * subjects that are theirs; a subject listed for nobody is refused, unless unknown subjects are accepted as
 * themselves (explicitly, or because no user is configured and the issuer is then the only source of identity). An
 * unknown subject that spells a configured username is still refused: it would otherwise be that person to the rules.
 */
public final class TokenSubjects {
    private final Map<String, String> usernameBySubject = new HashMap<>();
    private final Set<String> usernames;
    private final boolean acceptUnknown;

    /**
     * @param subjectsByUsername every configured username with the token subjects that are theirs (maybe none)
     * @param acceptUnknown      accept a subject listed for nobody as a user of that name
     * @throws IllegalArgumentException when one subject is listed for two users
     */
    public TokenSubjects(Map<String, List<String>> subjectsByUsername, boolean acceptUnknown) {
        subjectsByUsername.forEach((username, subjects) -> {
            for (String subject : subjects == null ? List.<String>of() : subjects) {
                if (subject == null || subject.isBlank()) {
                    continue;
                }
                String before = usernameBySubject.putIfAbsent(subject.strip(), SignedInUser.canonical(username));
                if (before != null && !before.equals(SignedInUser.canonical(username))) {
                    throw new IllegalArgumentException("token subject '" + subject.strip() + "' is listed for both "
                            + before + " and " + SignedInUser.canonical(username));
                }
            }
        });
        this.usernames = subjectsByUsername.keySet().stream()
                .map(SignedInUser::canonical)
                .collect(Collectors.toUnmodifiableSet());
        this.acceptUnknown = acceptUnknown || usernames.isEmpty();
    }

    /** The subjects the configured users list, accepting unknown ones as {@code vetted.security.jwt} says. */
    public static TokenSubjects of(UsersProperties users, BearerTokens.Properties tokens) {
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        users.users().forEach(user -> subjects.put(user.username(), user.subjects()));
        return new TokenSubjects(subjects, tokens.acceptUnknownSubjects());
    }

    /** Whom a subject is; empty when it is refused. Subjects are compared exactly: they are opaque ids. */
    public Optional<Identity> resolve(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        String configured = usernameBySubject.get(subject.strip());
        if (configured != null) {
            return Optional.of(new Identity(configured, true));
        }
        String asItself = SignedInUser.canonical(subject);
        return acceptUnknown && !usernames.contains(asItself)
                ? Optional.of(new Identity(asItself, false))
                : Optional.empty();
    }

    /** A canonical username, and whether it is a configured account (else a subject accepted as itself). */
    public record Identity(String username, boolean configured) {}
}
