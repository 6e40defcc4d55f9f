package org.vetted.distribution.domain.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A downstream site's subscription: where its webhooks go, which events it wants, and the secrets that sign them.
 *
 * @param previousSecret the secret rotated out, still signing beside the current one until {@code previousUntil}
 * @param disabledAt     set when the receiver answered 410 Gone: nothing more is sent to it
 */
public record Subscription(
        UUID id,
        URI url,
        Set<EventType> events,
        SigningSecret secret,
        SigningSecret previousSecret,
        Instant previousUntil,
        Instant createdAt,
        String createdBy,
        Instant disabledAt,
        String disabledReason) {
    public Subscription {
        events = Set.copyOf(events);
    }

    /** The secrets that sign a message sent at {@code now}: the current one, and the previous one in its grace. */
    public List<SigningSecret> signingSecrets(Instant now) {
        List<SigningSecret> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousUntil != null && now.isBefore(previousUntil)) {
            secrets.add(previousSecret);
        }
        return List.copyOf(secrets);
    }

    public boolean enabled() {
        return disabledAt == null;
    }
}
