package org.vetted.support.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;
import org.vetted.contract.signing.TrustedKeys;

/**
 * The {@link Signatures} of a service, for every service that names itself with {@code vetted.signing.service}.
 * <ul>
 * <li>{@code vetted.signing.key} (env {@code VETTED_SIGNING_KEY}): the service's own private Ed25519 key, an OKP JWK
 * with {@code d} and {@code kid}, as JSON or the path of a file holding it.</li>
 * <li>{@code vetted.signing.trusted.<service>} (env {@code VETTED_SIGNING_TRUSTED_INTAKE}, {@code ..._REVIEW},
 * {@code ..._RENDERING}, {@code ..._DISTRIBUTION}): each service's public keys, a JWK or JWK set as JSON or a file
 * path. Several keys for one service are how keys rotate.</li>
 * <li>{@code vetted.signing.demo-keys=true} (the {@code local} profile): the demo keys shipped in this jar instead.
 * Only honoured while profile {@code local} or {@code test} is active: the demo private keys are public, so the
 * property set by mistake in a deployment must stop the service rather than sign with them.</li>
 * </ul>
 * Without its key, or without the public keys of any service, the service refuses to start ({@link
 * SigningKeyFailureAnalyzer} says what to set).
 */
@AutoConfiguration
@ConditionalOnProperty("vetted.signing.service")
public class SigningConfiguration {
    /** The profiles under which the demo keys may be used: the local stack and the services' own tests. */
    static final Set<String> DEMO_KEY_PROFILES = Set.of("local", "test");

    @Bean
    @ConditionalOnMissingBean
    public Signatures signatures(Environment environment) {
        Issuer self = Issuer.of(environment.getRequiredProperty("vetted.signing.service"));
        if (environment.getProperty("vetted.signing.demo-keys", Boolean.class, false)) {
            List<String> active = List.of(environment.getActiveProfiles());
            if (active.stream().noneMatch(DEMO_KEY_PROFILES::contains)) {
                throw new DemoKeysRefusedException("vetted.signing.demo-keys=true asks for the public demo keys, but "
                        + "the active profiles " + active + " include neither 'local' nor 'test'");
            }
            return DemoKeys.signaturesOf(self);
        }
        List<String> missing = new ArrayList<>();
        String own = environment.getProperty("vetted.signing.key", "");
        if (own.isBlank()) {
            missing.add(
                    "vetted.signing.key (env VETTED_SIGNING_KEY), the private key of the " + self.id() + " service");
        }
        TrustedKeys.Builder trusted = TrustedKeys.builder();
        for (Issuer issuer : Issuer.values()) {
            String keys = environment.getProperty("vetted.signing.trusted." + issuer.id(), "");
            if (keys.isBlank()) {
                missing.add("vetted.signing.trusted." + issuer.id() + " (env VETTED_SIGNING_TRUSTED_" + issuer.name()
                        + "), the public keys of the " + issuer.id() + " service");
            } else {
                try {
                    trusted.trust(issuer, read(keys));
                } catch (IllegalArgumentException e) {
                    // A kid given to two keys, say: the start-up report names it, as it names a missing key.
                    throw new SigningKeyMissingException(e.getMessage());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new SigningKeyMissingException("not configured: " + String.join("; ", missing));
        }
        try {
            return new Signatures(SigningKey.parse(self, read(own)), trusted.build());
        } catch (IllegalArgumentException e) {
            throw new SigningKeyMissingException(e.getMessage());
        }
    }

    /** JSON as it is, anything else the path of a file holding it. */
    static String read(String jsonOrPath) {
        String value = jsonOrPath.strip();
        if (value.startsWith("{")) {
            return value;
        }
        try {
            return Files.readString(Path.of(value.startsWith("file:") ? value.substring("file:".length()) : value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + value, e);
        }
    }
}
