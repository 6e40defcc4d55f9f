package org.vetted.stack;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Makes a service's Ed25519 signing key: the private JWK for that service alone, the public one for everyone. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Generates an Ed25519 signing key for one service (intake, review, rendering, distribution). "
                + "Prints the private JWK (give it to that service only, as VETTED_SIGNING_KEY) and the public JWK "
                + "(add it to VETTED_SIGNING_TRUSTED_<SERVICE> on every service; keep the old one there during a "
                + "rotation's grace period).")
final class KeyGen implements Callable<Integer> {
    @Parameters(index = "0", description = "The service the key is for.")
    String service;

    @Option(names = "--kid", description = "Key id (default: <service>-<today's date>).")
    String keyId;

    @Override
    public Integer call() {
        Issuer issuer = Issuer.of(service);
        String kid = keyId != null ? keyId : issuer.id() + "-" + LocalDate.now(ZoneOffset.UTC);
        SigningKey key = SigningKey.generate(issuer, kid);
        System.out.println("# private key of the " + issuer.id() + " service: VETTED_SIGNING_KEY (keep it secret)");
        System.out.println(key.privateJwk());
        System.out.println("# public key: add to VETTED_SIGNING_TRUSTED_" + issuer.name() + " on every service");
        System.out.println(key.publicJwk().toJSONString());
        return 0;
    }
}
