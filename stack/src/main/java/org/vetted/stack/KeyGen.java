package org.vetted.stack;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
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
                + "rotation's grace period). With --compose-env instead: the secrets file of docker-compose.yml.")
final class KeyGen implements Callable<Integer> {
    /** The Kafka users of docker-compose.yml: one per service, and the admin the brokers and the init use. */
    static final List<String> KAFKA_USERS = List.of("admin", "intake", "review", "rendering", "distribution");

    @Parameters(index = "0", arity = "0..1", description = "The service the key is for.")
    String service;

    @Option(names = "--kid", description = "Key id (default: <service>-<today's date>).")
    String keyId;

    @Option(names = "--compose-env", description = "Print an env file for docker-compose.yml instead: a new key for "
            + "every service (private and public), a random password for every Kafka user and for PostgreSQL. "
            + "Save it as .env next to docker-compose.yml.")
    boolean composeEnv;

    @Override
    public Integer call() {
        if (composeEnv) {
            composeEnv(System.out, LocalDate.now(ZoneOffset.UTC), new SecureRandom());
            return 0;
        }
        if (service == null) {
            System.err.println("keygen: name a service, or use --compose-env");
            return 2;
        }
        Issuer issuer = Issuer.of(service);
        String kid = keyId != null ? keyId : issuer.id() + "-" + LocalDate.now(ZoneOffset.UTC);
        SigningKey key = SigningKey.generate(issuer, kid);
        System.out.println("# private key of the " + issuer.id() + " service: VETTED_SIGNING_KEY (keep it secret)");
        System.out.println(key.privateJwk());
        System.out.println("# public key: add to VETTED_SIGNING_TRUSTED_" + issuer.name() + " on every service");
        System.out.println(key.publicJwk().toJSONString());
        return 0;
    }

    /**
     * docker-compose.yml's secrets, in the dotenv syntax compose reads for {@code ${...}}: single-quoted values are
     * taken as they are, so the JWKs' double quotes need no escaping. Passwords are hex: nothing in them needs quoting
     * inside a JAAS line or a JDBC setting.
     */
    static void composeEnv(PrintStream out, LocalDate today, SecureRandom random) {
        out.println("# Secrets of docker-compose.yml: java -jar stack/target/stack.jar keygen --compose-env > .env");
        out.println("# Keep private (git-ignores it). Each VETTED_SIGNING_KEY_<SERVICE> goes to that service alone.");
        for (Issuer issuer : Issuer.values()) {
            SigningKey key = SigningKey.generate(issuer, issuer.id() + "-" + today);
            out.println("VETTED_SIGNING_KEY_" + issuer.name() + "='" + key.privateJwk() + "'");
            out.println("VETTED_SIGNING_TRUSTED_" + issuer.name() + "='" + key.publicJwk().toJSONString() + "'");
        }
        for (String user : KAFKA_USERS) {
            out.println("KAFKA_" + user.toUpperCase() + "_PASSWORD=" + password(random));
        }
        out.println("POSTGRES_PASSWORD=" + password(random));
    }

    private static String password(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
