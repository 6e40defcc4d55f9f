package org.vetted.web.signin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a while, the passwords it has just found right. HTTP Basic sends the password
 * with every request, and a bcrypt check costs tens of milliseconds of CPU by design (hundreds with the stack's
 * C1-only JIT): without this, every API request pays one, and the bench found it was most of review's CPU on a queue
 * page. Only successes are remembered, so a guess still costs a full check and still counts against the throttle.
 * What is kept is an HMAC of the stored hash and the password under a key made at start and never written anywhere,
 * so memory holds nothing a password can be tested against offline; the stored hash is part of it, so a changed
 * password (a new hash) is checked afresh. At most {@code capacity} entries, the oldest forgotten first, each for at
 * most {@code remember}.
 */
public final class RememberingPasswordEncoder implements PasswordEncoder {
    private final PasswordEncoder delegate;
    private final Duration remember;
    private final int capacity;
    private final InstantSource clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> remembered;

    public RememberingPasswordEncoder(PasswordEncoder delegate, Duration remember, int capacity, InstantSource clock) {
        this.delegate = delegate;
        this.remember = remember;
        this.capacity = capacity;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.remembered = new LinkedHashMap<>(16, 0.75f, false);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = mac(rawPassword, encodedPassword);
        Instant now = clock.instant();
        synchronized (remembered) {
            Instant until = remembered.get(entry);
            if (until != null && now.isBefore(until)) {
                return true;
            }
            remembered.remove(entry);
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            synchronized (remembered) {
                remembered.put(entry, now.plus(remember));
                while (remembered.size() > capacity) {
                    remembered.remove(remembered.keySet().iterator().next());
                }
            }
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String mac(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
