package org.vetted.contract.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Demo key pairs for the {@code local} profile and tests: one per service, shipped in this jar and therefore known
 * to anyone. Never for production, where each service is given its own private key and the others' public keys.
 */
public final class DemoKeys {
    private static final String FOLDER = "org/vetted/contract/signing/demo-keys/";

    public static SigningKey signingKey(Issuer issuer) {
        return SigningKey.parse(issuer, read(issuer));
    }

    /** Every service's demo public key. */
    public static TrustedKeys trusted() {
        TrustedKeys.Builder builder = TrustedKeys.builder();
        for (Issuer issuer : Issuer.values()) {
            builder.trust(issuer, read(issuer));
        }
        return builder.build();
    }

    /** What a service holding {@code issuer}'s demo key signs and verifies with. */
    public static Signatures signaturesOf(Issuer issuer) {
        return new Signatures(signingKey(issuer), trusted());
    }

    private static String read(Issuer issuer) {
        String resource = FOLDER + issuer.id() + ".jwk.json";
        try (InputStream in = DemoKeys.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DemoKeys() {}
}
