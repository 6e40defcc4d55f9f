package org.vetted.intake.app;

import java.util.HashMap;
import java.util.Map;

/** {@link SubmissionLedger}'s rules in memory, for unit tests: one JVM, no lapse of unsettled claims. */
public final class InMemorySubmissionLedger implements SubmissionLedger {
    private final Map<String, TokenClaim> tokens = new HashMap<>();
    private final Map<String, String> requests = new HashMap<>();
    private final Map<String, RevisionNotes> notes = new HashMap<>();

    @Override
    public synchronized TokenClaim claim(String username, String token, String requestHash) {
        TokenClaim known = tokens.putIfAbsent(username + "\n" + token, new TokenClaim.Pending());
        if (known == null) {
            requests.put(username + "\n" + token, requestHash);
            return new TokenClaim.Ours();
        }
        return known;
    }

    @Override
    public synchronized void settle(String username, String token, String articleId, int revision) {
        tokens.put(
                username + "\n" + token,
                new TokenClaim.Done(articleId, revision, requests.get(username + "\n" + token)));
    }

    @Override
    public synchronized void release(String username, String token) {
        tokens.remove(username + "\n" + token, new TokenClaim.Pending());
    }

    @Override
    public synchronized void keepNotes(String articleId, int revision, RevisionNotes kept) {
        notes.putIfAbsent(articleId + "\n" + revision, kept);
    }

    @Override
    public synchronized RevisionNotes notes(String articleId, int revision) {
        return notes.getOrDefault(articleId + "\n" + revision, RevisionNotes.NONE);
    }
}
