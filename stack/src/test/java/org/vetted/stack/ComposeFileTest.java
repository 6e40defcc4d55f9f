package org.vetted.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as compose reads it (YAML merge keys included), without Docker: least privilege around the
 * services. No demo profile or accounts, ports on loopback unless the operator says otherwise, one database role per
 * service and nothing else of PostgreSQL's, every variable it needs written by keygen.
 */
class ComposeFileTest {
    static final Path ROOT =
            Path.of(System.getProperty("vetted.root", "..")).toAbsolutePath().normalize();
    private static final Set<String> DATABASE_SERVICES = Set.of("intake", "review", "distribution");
    private static final Set<String> APP_SERVICES = Set.of("intake", "review", "rendering", "distribution");
    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}. */
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*)|(:?\\?)[^}]*)?}");

    private static String text;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        text = Files.readString(ROOT.resolve("docker-compose.yml"));
        Map<String, Object> compose = new Yaml().load(text);
        services = (Map<String, Map<String, Object>>) compose.get("services");
        assertTrue(
                services.keySet().containsAll(APP_SERVICES), services.keySet().toString());
    }

    /** A value as compose would make it when the operator has set none of the optional variables. */
    static String withDefaults(String value) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String replacement = variable.group(3) != null ? variable.group(3) : "<" + variable.group(1) + ">";
            variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return variable.appendTail(out).toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(String service) {
        Object environment = services.get(service).get("environment");
        assertTrue(environment instanceof Map, service + ": environment as a map");
        return (Map<String, Object>) environment;
    }

    @Test
    void noServiceRunsWithTheLocalProfileOrItsDemoAccounts() {
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            String definition = String.valueOf(service.getValue()).toLowerCase(Locale.ROOT);
            assertFalse(definition.contains("profiles"), service.getKey() + " sets a Spring profile: " + definition);
            assertFalse(definition.contains("{noop}"), service.getKey() + " has a plain-text password");
        }
        // The demo accounts of the application-local.yml files.
        for (String demo : List.of("wanda", "walter", "rita", "paul", "dana", "eddie", "-pass")) {
            assertFalse(text.toLowerCase(Locale.ROOT).contains(demo), "docker-compose.yml mentions " + demo);
        }
        // The accounts come from .env, as bcrypt hashes (KeyGenTest): a writer on intake, a reviewer on review.
        assertEquals(
                "${VETTED_WRITER_PASSWORD:?make .env first, see the top of this file}",
                environment("intake").get("VETTED_SECURITY_USERS_0_PASSWORD"));
        assertEquals("WRITER", environment("intake").get("VETTED_SECURITY_USERS_0_ROLES"));
        assertEquals(
                "${VETTED_REVIEWER_PASSWORD:?make .env first, see the top of this file}",
                environment("review").get("VETTED_SECURITY_USERS_0_PASSWORD"));
        assertEquals("MEDICAL_REVIEWER", environment("review").get("VETTED_SECURITY_USERS_0_ROLES"));
        assertNotNull(environment("review").get("VETTED_SECURITY_USERS_0_CREDENTIAL"));
        for (String service : APP_SERVICES) {
            assertEquals("false", String.valueOf(environment(service).get("VETTED_SIGNING_DEMO_KEYS")), service);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPublishedPortListensOnLoopbackByDefault() {
        int published = 0;
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            for (Object port : (List<Object>) service.getValue().getOrDefault("ports", List.of())) {
                published++;
                String host;
                if (port instanceof Map<?, ?> longSyntax) {
                    host = withDefaults(String.valueOf(longSyntax.get("host_ip")));
                } else {
                    String[] parts = withDefaults(String.valueOf(port)).split(":");
                    host = parts.length == 3 ? parts[0] : "<every interface>";
                }
                assertTrue(
                        Set.of("127.0.0.1", "::1", "[::1]").contains(host),
                        service.getKey() + " publishes " + port + " on " + host);
            }
        }
        assertEquals(7, published, "the four services and the three Kafka nodes' external listeners");
        assertFalse(services.get("postgres").containsKey("ports"), "PostgreSQL is for the compose network only");
    }

    @Test
    void eachServiceGetsItsOwnDatabaseRoleAndNoOtherSecret() {
        for (String service : services.keySet()) {
            Map<String, Object> environment = environment(service);
            String env = String.valueOf(environment);
            for (String other : List.of("INTAKE", "REVIEW", "RENDERING", "DISTRIBUTION", "ADMIN")) {
                if (!other.equalsIgnoreCase(service) && !service.startsWith("kafka") && !service.equals("postgres")) {
                    assertFalse(env.contains("POSTGRES_" + other + "_PASSWORD"), service + " has " + other + "'s");
                    assertFalse(env.contains("KAFKA_" + other + "_PASSWORD"), service + " has " + other + "'s");
                    assertFalse(env.contains("VETTED_SIGNING_KEY_" + other), service + " has " + other + "'s key");
                }
            }
            if (!service.equals("postgres")) {
                assertFalse(env.contains("${POSTGRES_PASSWORD"), service + " has the PostgreSQL superuser's password");
            }
            if (DATABASE_SERVICES.contains(service)) {
                assertEquals("jdbc:postgresql://postgres:5432/" + service, environment.get("VETTED_DB_URL"));
                assertEquals(service, environment.get("VETTED_DB_USER"));
                assertEquals(
                        "${POSTGRES_" + service.toUpperCase(Locale.ROOT)
                                + "_PASSWORD:?make .env first, see the top of this file}",
                        environment.get("VETTED_DB_PASSWORD"));
            } else {
                assertFalse(environment.containsKey("VETTED_DB_USER"), service + " has a database user");
                assertFalse(environment.containsKey("VETTED_DB_PASSWORD"), service + " has a database password");
            }
        }
        // The image's superuser is the default one, for the init alone.
        assertFalse(environment("postgres").containsKey("POSTGRES_USER"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresCreatesOneUnprivilegedRoleOwningEachServicesDatabase() throws IOException {
        List<String> volumes = (List<String>) services.get("postgres").get("volumes");
        List<String> initScripts = new ArrayList<>();
        for (String volume : volumes) {
            String[] parts = volume.split(":");
            if (parts[0].startsWith("./")) {
                assertTrue(Files.isRegularFile(ROOT.resolve(parts[0].substring(2))), volume);
            }
            if (parts[1].startsWith("/docker-entrypoint-initdb.d/")) {
                initScripts.add(parts[0]);
            }
        }
        assertEquals(List.of("./compose/postgres-init.sh"), initScripts);
        String init = Files.readString(ROOT.resolve("compose/postgres-init.sh"));
        assertTrue(volumes.contains("./compose/postgres-roles.sql:/compose/postgres-roles.sql:ro"), volumes.toString());
        assertTrue(init.contains("/compose/postgres-roles.sql"), init);

        String sql = Files.readString(ROOT.resolve("compose/postgres-roles.sql"))
                .replaceAll("--[^\n]*", "")
                .replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        Set<String> roles = new TreeSet<>();
        Matcher role = Pattern.compile("create role (\\w+) ([^;]*);").matcher(sql);
        while (role.find()) {
            String name = role.group(1);
            String options = role.group(2);
            roles.add(name);
            for (String option : List.of("login", "nosuperuser", "nocreatedb", "nocreaterole")) {
                assertTrue(options.matches("(.* )?" + option + "( .*)?"), name + " lacks " + option + ": " + options);
            }
            assertTrue(options.contains("password :'" + name + "_password'"), name + ": " + options);
            assertTrue(
                    init.contains(
                            "-v " + name + "_password=\"$POSTGRES_" + name.toUpperCase(Locale.ROOT) + "_PASSWORD\""),
                    "postgres-init.sh passes " + name + "'s password");
            assertTrue(sql.contains("create database " + name + " owner " + name + ";"), name + " owns its database");
            assertTrue(
                    sql.matches(".*revoke (all|connect) on database " + name + " from public;.*"),
                    "PUBLIC may still connect to " + name);
            assertTrue(environment("postgres").containsKey("POSTGRES_" + name.toUpperCase(Locale.ROOT) + "_PASSWORD"));
        }
        assertEquals(new TreeSet<>(DATABASE_SERVICES), roles);
        assertFalse(sql.matches(".*\\bgrant\\b.*"), "no grants: each role owns what it uses");
    }

    @Test
    @SuppressWarnings("unchecked")
    void healthchecksWaitForStartAndLimitsFitTheHeaps() {
        Map<String, Object> postgresCheck =
                (Map<String, Object>) services.get("postgres").get("healthcheck");
        // Over TCP: the image's init server listens on the Unix socket alone.
        assertTrue(
                String.valueOf(postgresCheck.get("test")).matches(".*pg_isready -h (localhost|127\\.0\\.0\\.1) .*"),
                String.valueOf(postgresCheck.get("test")));
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Map<String, Object> definition = service.getValue();
            if (definition.get("healthcheck") instanceof Map<?, ?> healthcheck) {
                assertNotNull(healthcheck.get("start_period"), service.getKey() + ": start_period");
            }
            boolean oneShot = "no".equals(definition.get("restart"));
            if (!oneShot) {
                assertNotNull(definition.get("stop_grace_period"), service.getKey() + ": stop_grace_period");
            }
            Object limit = definition.get("mem_limit");
            assertNotNull(limit, service.getKey() + ": mem_limit");
            long limitMb = megabytes(String.valueOf(limit));
            Matcher heap = Pattern.compile("-Xmx(\\d+[mg])")
                    .matcher(definition.get("entrypoint") + " " + definition.get("environment"));
            if (heap.find()) {
                long heapMb = megabytes(heap.group(1));
                assertTrue(
                        limitMb >= heapMb + 256 && limitMb <= heapMb * 3,
                        service.getKey() + ": mem_limit " + limit + " against -Xmx" + heap.group(1));
            } else if (!service.getKey().equals("postgres")) {
                fail(service.getKey() + " has no -Xmx");
            }
        }
    }

    @Test
    void hostFacingAddressesComeFromTheEnvironment() {
        assertEquals(
                "${PUBLIC_BASE_URL:-http://localhost:8084}",
                environment("distribution").get("PUBLIC_BASE_URL"));
        for (String node : List.of("kafka-1", "kafka-2", "kafka-3")) {
            assertEquals("${KAFKA_EXTERNAL_HOST:-localhost}", environment(node).get("KAFKA_EXTERNAL_HOST"), node);
        }
    }

    @Test
    void everyRequiredVariableIsWrittenByKeygen() {
        Set<String> written = KeyGenTest.composeEnv(new ByteArrayOutputStream()).keySet();
        Matcher variable = VARIABLE.matcher(text);
        Set<String> required = new TreeSet<>();
        while (variable.find()) {
            if (variable.group(2) == null) {
                required.add(variable.group(1));
            }
        }
        assertFalse(required.isEmpty());
        Set<String> missing = new TreeSet<>(required);
        missing.removeAll(written);
        assertEquals(Set.of(), missing, "required by docker-compose.yml, not written by keygen --compose-env");
    }

    /**
     * Every consumer binding of every service's application.yml (group and topics) has its `reads` line in
     * compose/kafka-init.sh under that service, and every output binding's topic its `writes` line: a binding the
     * init does not grant leaves the service refused its group or topic on the secured cluster.
     */
    @Test
    @SuppressWarnings("unchecked")
    void kafkaInitGrantsEveryBindingOfEveryService() throws IOException {
        // service -> lines of kafka-init.sh between `service <name>` and `grant`, continuations joined
        Map<String, List<String>> granted = new HashMap<>();
        String current = null;
        String script = Files.readString(ROOT.resolve("compose/kafka-init.sh")).replace("\\\n", " ");
        for (String line : script.split("\n")) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("service") && words.length == 2) {
                current = words[1];
            } else if (current != null && (words[0].equals("reads") || words[0].equals("writes"))) {
                granted.computeIfAbsent(current, service -> new ArrayList<>()).add(String.join(" ", words));
            }
        }
        for (String service : APP_SERVICES) {
            Map<String, Object> yaml = new Yaml()
                    .load(Files.readString(
                            ROOT.resolve("services/" + service + "/src/main/resources/application.yml")));
            Map<String, Object> bindings = (Map<String, Object>) ((Map<String, Object>)
                            ((Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("cloud"))
                                    .get("stream"))
                    .get("bindings");
            List<String> lines = granted.getOrDefault(service, List.of());
            for (Map.Entry<String, Object> binding : bindings.entrySet()) {
                Map<String, Object> settings = (Map<String, Object>) binding.getValue();
                for (String topic : String.valueOf(settings.get("destination")).split(",")) {
                    Object group = settings.get("group");
                    String where = service + " " + binding.getKey() + " " + topic;
                    if (group != null) {
                        assertTrue(
                                lines.stream()
                                        .anyMatch(line -> line.startsWith("reads " + group + " ")
                                                && List.of(line.split(" ")).contains(topic)),
                                where + ": no `reads " + group + " ... " + topic + "` in kafka-init.sh: " + lines);
                    } else {
                        assertTrue(
                                lines.stream()
                                        .anyMatch(line -> line.startsWith("writes ")
                                                && List.of(line.split(" ")).contains(topic)),
                                where + ": no `writes ... " + topic + "` in kafka-init.sh: " + lines);
                    }
                }
            }
        }
    }

    private static long megabytes(String size) {
        long number = Long.parseLong(size.replaceAll("[^0-9]", ""));
        return size.toLowerCase(Locale.ROOT).endsWith("g") ? number * 1024 : number;
    }
}
