package org.vetted.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetted.examples.site.Records.DISTRIBUTION;
import static org.vetted.examples.site.Records.RENDERING;
import static org.vetted.examples.site.Records.article;
import static org.vetted.examples.site.Records.headers;
import static org.vetted.examples.site.Records.signed;
import static org.vetted.examples.site.Records.value;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.contract.signing.SigningKey;
import org.vetted.contract.signing.TrustedKeys;

class RecordVerifierTest {
    @TempDir
    Path folder;

    RecordVerifier verifier;
    byte[] value;

    @BeforeEach
    void distributionsKeys() throws IOException {
        verifier = new RecordVerifier(Records.servedKeys(folder));
        value = value(article("a-1", 1, "walking", "Walking"));
    }

    @Test
    void distributionsSignatureOverTheValueVerifies() {
        assertThat(verifier.problem(signed(value), value)).isEmpty();
    }

    @Test
    void oneByteOfTheValueChangedIsRefused() {
        for (int i : new int[] {0, 5, value.length / 2, value.length - 1}) {
            byte[] altered = value.clone();
            altered[i] ^= 0x20;
            assertThat(verifier.problem(signed(value), altered))
                    .as("byte %d changed", i)
                    .hasValueSatisfying(reason -> assertThat(reason).contains("does not verify"));
        }
    }

    @Test
    void aRecordWithoutTheHeaderIsRefused() {
        assertThat(verifier.problem(new RecordHeaders(), value)).hasValue("it has no vetted-signature header");
    }

    @Test
    void twoHeadersAreRefusedEvenWhenOneIsGenuine() {
        String genuine = DISTRIBUTION.signValue(value);
        assertThat(verifier.problem(headers(genuine, genuine), value)).hasValue("it has 2 vetted-signature headers");
    }

    @Test
    void anotherServicesKeyIsNotDistributions() {
        // Whoever can write to the topic may hold some key, but not distribution's.
        assertThat(verifier.problem(headers(RENDERING.signValue(value)), value))
                .hasValueSatisfying(reason -> assertThat(reason).contains("rendering-demo-1", "not an Ed25519 key"));
    }

    @Test
    void aKeyUnderDistributionsKidButNotInItsSetDoesNotVerify() {
        SigningKey impostor = SigningKey.generate(Issuer.DISTRIBUTION, "distribution-demo-1");
        Signatures forger = new Signatures(
                impostor,
                TrustedKeys.builder()
                        .trust(Issuer.DISTRIBUTION, impostor.publicJwk())
                        .build());

        assertThat(verifier.problem(headers(forger.signValue(value)), value))
                .hasValue("its signature does not verify with distribution key distribution-demo-1");
    }

    @Test
    void anAttachedPayloadOrAnotherAlgorithmIsRefused() throws Exception {
        String[] parts = DISTRIBUTION.signValue(value).split("\\.", -1);
        String attached = parts[0] + "." + Base64URL.encode(value) + "." + parts[2];
        assertThat(verifier.problem(headers(attached), value))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not a detached JWS"));

        JWSObject hmac = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .keyID("distribution-demo-1")
                        .build(),
                new Payload(value));
        hmac.sign(new MACSigner(new byte[32]));
        assertThat(verifier.problem(headers(hmac.serialize(true)), value))
                .hasValue("its signature is HS256, not EdDSA");
        assertThat(verifier.problem(headers("not a jws"), value))
                .hasValueSatisfying(reason -> assertThat(reason).contains("not a detached JWS"));
    }

    @Test
    void aKeyAddedAfterARotationIsFoundOnceTheSetMayBeReloaded() throws Exception {
        SigningKey next = SigningKey.generate(Issuer.DISTRIBUTION, "distribution-next");
        Signatures rotated = new Signatures(next, DemoKeys.trusted());
        Path file = folder.resolve("rotating.json");
        Files.writeString(file, DemoKeys.trusted().jwkSet(Issuer.DISTRIBUTION).toString(true));
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
        RecordVerifier reloading = new RecordVerifier(JwkSetSource.load(file.toString(), clock));
        JWKSet both = new JWKSet(java.util.List.of(
                DemoKeys.trusted().jwkSet(Issuer.DISTRIBUTION).getKeys().get(0), next.publicJwk()));
        Files.writeString(file, both.toString(true));
        String header = rotated.signValue(value);

        assertThat(reloading.problem(headers(header), value))
                .as("loaded just now")
                .isPresent();
        clock.now = clock.now.plus(JwkSetSource.MIN_RELOAD_INTERVAL);
        assertThat(reloading.problem(headers(header), value)).isEmpty();
    }

    static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
