package org.vetted.intake.domain.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vetted.contract.PersonNames;

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

    /**
     * A front-matter author: a known username, or a name that is the same person as an account's display name by
     * {@link PersonNames#samePerson} ("Dana Diaz, RD", "Díaz, Dana" and "dr. dana diaz" are account Dana Diaz), is
     * that account; anyone else is external. Matching by spelling alone would let a reviewer co-author an article
     * as an "external" name and then approve it.
     */
    public Author authorNamed(String name) {
        return byUsername(name)
                .or(() -> byUsername.values().stream()
                        .filter(account -> PersonNames.samePerson(account.displayName(), name))
                        .findFirst())
                .map(Account::asAuthor)
                .orElseGet(() -> Author.external(name));
    }

    /** An account whose display name an external author's name resembles ({@link PersonNames#resembles}). */
    public Optional<Account> resembling(String name) {
        return byUsername.values().stream()
                .filter(account -> PersonNames.resembles(account.displayName(), name))
                .findFirst();
    }

    public List<Account> all() {
        return List.copyOf(byUsername.values());
    }

    private static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
