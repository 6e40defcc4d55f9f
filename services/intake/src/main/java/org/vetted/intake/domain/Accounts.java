package org.vetted.intake.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The known accounts, by username; used to map front-matter author names to logins. */
public final class Accounts {
    private final Map<String, Account> byUsername = new LinkedHashMap<>();

    public Accounts(List<Account> accounts) {
        for (Account account : accounts) {
            if (byUsername.putIfAbsent(key(account.username()), account) != null) {
                throw new IllegalArgumentException("duplicate username " + account.username());
            }
        }
    }

    public Optional<Account> byUsername(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(byUsername.get(key(username)));
    }

    /** A front-matter author: a known username (or a known display name) is that account; anyone else is external. */
    public Author authorNamed(String name) {
        return byUsername(name)
                .or(() -> byUsername.values().stream().filter(a -> a.displayName().equalsIgnoreCase(name)).findFirst())
                .map(Account::asAuthor)
                .orElseGet(() -> Author.external(name));
    }

    public List<Account> all() {
        return List.copyOf(byUsername.values());
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
