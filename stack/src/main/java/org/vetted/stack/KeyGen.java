package org.vetted.stack;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.SigningKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Makes a service's Ed25519 signing key: the private JWK for that service alone, the public one for everyone. */
@Command(
        name = "keygen",
        mixinStandardHelpOptions = true,
        description = "Generates an Ed25519 signing key for one service (intake, review, rendering, distribution). "
                + "Prints the private JWK (give it to that service only, as VETTED_SIGNING_KEY) and the public JWK "
                + "(add it to VETTED_SIGNING_TRUSTED_<SERVICE> on every service; keep the old one there during a "
                + "rotation's grace period). With --compose-env instead: the secrets file of docker-compose.yml.")
final class KeyGen implements Callable<Integer> {
    /** The Kafka users of docker-compose.yml: one per service, and the admin the brokers and the init use. */
    static final List<String> KAFKA_USERS = List.of("admin", "intake", "review", "rendering", "distribution");
    /** The services of docker-compose.yml with a database: each has its own PostgreSQL role owning only that one. */
    static final List<String> DATABASE_USERS = List.of("intake", "review", "distribution");

    @Parameters(index = "0", arity = "0..1", description = "The service the key is for.")
    String service;

    @Option(
            names = "--kid",
            description = "Key id (default: <service>-<today's date>-<first 8 hex digits of the "
                    + "key's RFC 7638 thumbprint>, so two keys made on one day never share a kid).")
    String keyId;

    @Option(
            names = "--compose-env",
            description = "Print an env file for docker-compose.yml instead: a new key for "
                    + "every service (private and public), a random password for every Kafka user, for PostgreSQL's "
                    + "superuser and each service's database role, and the sign-in accounts (a writer for intake, a "
                    + "medical reviewer for review) as bcrypt hashes; their passwords go to stderr, once. "
                    + "Save it as .env next to docker-compose.yml.")
    boolean composeEnv;

    @Override
    public Integer call() {
        if (composeEnv) {
            composeEnv(System.out, System.err, LocalDate.now(ZoneOffset.UTC), new SecureRandom());
            return 0;
        }
        if (service == null) {
            System.err.println("keygen: name a service, or use --compose-env");
            return 2;
        }
        Issuer issuer = Issuer.of(service);
        SigningKey key = generate(issuer, keyId, LocalDate.now(ZoneOffset.UTC));
        System.out.println("# private key of the " + issuer.id() + " service: VETTED_SIGNING_KEY (keep it secret)");
        System.out.println(key.privateJwk());
        System.out.println("# public key: add to VETTED_SIGNING_TRUSTED_" + issuer.name() + " on every service");
        System.out.println(key.publicJwk().toJSONString());
        return 0;
    }

    /** A new key under {@code keyId}, or when that is null under its default kid for {@code today}. */
    static SigningKey generate(Issuer issuer, String keyId, LocalDate today) {
        return keyId != null ? SigningKey.generate(issuer, keyId) : SigningKey.generate(issuer, today);
    }

    /**
     * docker-compose.yml's secrets, in the dotenv syntax compose reads for {@code ${...}}: single-quoted values are
     * taken as they are, so the JWKs' double quotes and the bcrypt hashes' {@code $} need no escaping. Passwords are
     * hex: nothing in them needs quoting inside a JAAS line, a JDBC setting or SQL. The sign-in accounts' passwords
     * are written to {@code log} only (the operator's terminal, not the file): the file holds their bcrypt hashes,
     * which is all the services need.
     */
    static void composeEnv(PrintStream out, PrintStream log, LocalDate today, SecureRandom random) {
        out.println("# Secrets of docker-compose.yml: java -jar stack/target/stack.jar keygen --compose-env > .env");
        out.println("# Keep private (git-ignores it). Each VETTED_SIGNING_KEY_<SERVICE> goes to that service alone.");
        for (Issuer issuer : Issuer.values()) {
            SigningKey key = generate(issuer, null, today);
            out.println("VETTED_SIGNING_KEY_" + issuer.name() + "='" + key.privateJwk() + "'");
            out.println("VETTED_SIGNING_TRUSTED_" + issuer.name() + "='"
                    + key.publicJwk().toJSONString() + "'");
        }
        for (String user : KAFKA_USERS) {
            out.println("KAFKA_" + user.toUpperCase() + "_PASSWORD=" + password(random));
        }
        out.println("# PostgreSQL: the superuser (the image's init alone) and each service's own role.");
        out.println("POSTGRES_PASSWORD=" + password(random));
        for (String user : DATABASE_USERS) {
            out.println("POSTGRES_" + user.toUpperCase() + "_PASSWORD=" + password(random));
        }
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2A, 10, random);
        String writerPassword = password(random);
        String reviewerPassword = password(random);
        out.println("# Sign-in accounts: a writer on intake, a medical reviewer on review. Bcrypt hashes only: the");
        out.println("# passwords were printed once when this file was made. The reviewer's name and credential go");
        out.println("# on every article they approve: put the real ones in. Four-eyes claims need a second reviewer.");
        out.println("VETTED_WRITER_USERNAME=writer");
        out.println("VETTED_WRITER_PASSWORD='{bcrypt}" + bcrypt.encode(writerPassword) + "'");
        out.println("VETTED_WRITER_DISPLAY_NAME='Writer'");
        out.println("VETTED_REVIEWER_USERNAME=reviewer");
        out.println("VETTED_REVIEWER_PASSWORD='{bcrypt}" + bcrypt.encode(reviewerPassword) + "'");
        out.println("VETTED_REVIEWER_DISPLAY_NAME='Medical Reviewer'");
        out.println("VETTED_REVIEWER_CREDENTIAL=MD");
        log.println("keygen: sign-in accounts (their passwords are not kept anywhere; note them now):");
        log.println("  intake  http://localhost:8081/login  writer    " + writerPassword);
        log.println("  review  http://localhost:8082/login  reviewer  " + reviewerPassword);
    }

    private static String password(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
