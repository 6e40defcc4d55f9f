package org.vetted.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.SigningKey;

/** keygen: a service's key, and with --compose-env the secrets file docker-compose.yml reads. */
class KeyGenTest {
    private static final Pattern SIGN_IN =
            Pattern.compile("^\\s+(intake|review)\\s+\\S+\\s+(\\S+)\\s+([0-9a-f]{48})$", Pattern.MULTILINE);

    /** The file's variables, with single quotes taken off as compose does. */
    static Map<String, String> composeEnv(ByteArrayOutputStream log) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KeyGen.composeEnv(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(log, true, StandardCharsets.UTF_8),
                LocalDate.of(2026, 1, 1),
                new SecureRandom());
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            String value = line.substring(equals + 1);
            if (value.startsWith("'")) {
                assertTrue(value.endsWith("'") && value.indexOf('\'', 1) == value.length() - 1, line);
                value = value.substring(1, value.length() - 1);
            } else {
                // Unquoted values must not need quoting: no $, spaces, quotes or #.
                assertTrue(value.matches("[A-Za-z0-9._-]+"), line);
            }
            assertEquals(null, values.put(line.substring(0, equals), value), "twice: " + line);
        }
        return values;
    }

    @Test
    void accountsAreBcryptHashesAndTheirPasswordsGoToTheLogOnly() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, String> env = composeEnv(log);
        String printed = log.toString(StandardCharsets.UTF_8);

        Matcher signIn = SIGN_IN.matcher(printed);
        Map<String, String> passwords = new LinkedHashMap<>();
        while (signIn.find()) {
            passwords.put(signIn.group(2), signIn.group(3));
        }
        assertEquals(Set.of("writer", "reviewer"), passwords.keySet(), printed);
        assertEquals("writer", env.get("VETTED_WRITER_USERNAME"));
        assertEquals("reviewer", env.get("VETTED_REVIEWER_USERNAME"));

        // As intake and review check them: Spring Security's DelegatingPasswordEncoder.
        PasswordEncoder services = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        for (String role : List.of("WRITER", "REVIEWER")) {
            String hash = env.get("VETTED_" + role + "_PASSWORD");
            assertTrue(hash.matches("\\{bcrypt}\\$2[ab]\\$\\d\\d\\$[./A-Za-z0-9]{53}"), hash);
            String username = env.get("VETTED_" + role + "_USERNAME");
            assertTrue(services.matches(passwords.get(username), hash), username);
            assertFalse(services.matches(passwords.get(username) + "x", hash), username);
        }
        assertFalse(services.matches(passwords.get("writer"), env.get("VETTED_REVIEWER_PASSWORD")));
        for (String password : passwords.values()) {
            assertFalse(
                    env.values().stream().anyMatch(value -> value.contains(password)),
                    "a sign-in password is in the file");
        }
        // A medical reviewer needs a credential, or review refuses to start.
        assertFalse(env.getOrDefault("VETTED_REVIEWER_CREDENTIAL", "").isBlank());
        assertFalse(env.get("VETTED_WRITER_DISPLAY_NAME").isBlank());
        assertFalse(env.get("VETTED_REVIEWER_DISPLAY_NAME").isBlank());
    }

    @Test
    void everyDatabaseRoleAndKafkaUserHasItsOwnRandomPassword() {
        Map<String, String> env = composeEnv(new ByteArrayOutputStream());
        Set<String> passwords = new HashSet<>();
        for (String name : List.of(
                "POSTGRES_PASSWORD",
                "POSTGRES_INTAKE_PASSWORD",
                "POSTGRES_REVIEW_PASSWORD",
                "POSTGRES_DISTRIBUTION_PASSWORD",
                "KAFKA_ADMIN_PASSWORD",
                "KAFKA_INTAKE_PASSWORD",
                "KAFKA_REVIEW_PASSWORD",
                "KAFKA_RENDERING_PASSWORD",
                "KAFKA_DISTRIBUTION_PASSWORD")) {
            String password = env.get(name);
            assertTrue(password != null && password.matches("[0-9a-f]{48}"), name + "=" + password);
            assertTrue(passwords.add(password), name + " repeats another password");
        }
        Map<String, String> again = composeEnv(new ByteArrayOutputStream());
        assertFalse(again.get("POSTGRES_INTAKE_PASSWORD").equals(env.get("POSTGRES_INTAKE_PASSWORD")));
        assertFalse(again.get("VETTED_WRITER_PASSWORD").equals(env.get("VETTED_WRITER_PASSWORD")));
    }

    @Test
    void signingKeysAreOnePairPerService() {
        Map<String, String> env = composeEnv(new ByteArrayOutputStream());
        for (String service : List.of("INTAKE", "REVIEW", "RENDERING", "DISTRIBUTION")) {
            assertTrue(env.get("VETTED_SIGNING_KEY_" + service).contains("\"d\":"), service);
            assertFalse(env.get("VETTED_SIGNING_TRUSTED_" + service).contains("\"d\":"), service);
        }
    }

    @Test
    void twoRotationsOnOneDayGiveDifferentKids() {
        LocalDate today = LocalDate.of(2026, 3, 14);
        SigningKey first = KeyGen.generate(Issuer.REVIEW, null, today);
        SigningKey second = KeyGen.generate(Issuer.REVIEW, null, today);

        assertTrue(first.keyId().matches("review-2026-03-14-[0-9a-f]{8}"), first.keyId());
        assertTrue(second.keyId().matches("review-2026-03-14-[0-9a-f]{8}"), second.keyId());
        assertNotEquals(first.keyId(), second.keyId());
        // Derived from the key: the same key always gets the same kid.
        assertEquals(first.keyId(), SigningKey.defaultKeyId(Issuer.REVIEW, today, first.publicJwk()));
    }

    @Test
    void anExplicitKidWins() {
        assertEquals(
                "review-spring",
                KeyGen.generate(Issuer.REVIEW, "review-spring", LocalDate.of(2026, 3, 14))
                        .keyId());
    }

    @Test
    void composeEnvKidsAreDatedAndDistinct() {
        Set<String> kids = new HashSet<>();
        for (String service : List.of("INTAKE", "REVIEW", "RENDERING", "DISTRIBUTION")) {
            for (Map<String, String> env :
                    List.of(composeEnv(new ByteArrayOutputStream()), composeEnv(new ByteArrayOutputStream()))) {
                Matcher kid =
                        Pattern.compile("\"kid\":\"([^\"]+)\"").matcher(env.get("VETTED_SIGNING_TRUSTED_" + service));
                assertTrue(kid.find(), service);
                assertTrue(kid.group(1).matches(service.toLowerCase() + "-2026-01-01-[0-9a-f]{8}"), kid.group(1));
                assertTrue(kids.add(kid.group(1)), "kid twice: " + kid.group(1));
            }
        }
    }
}
