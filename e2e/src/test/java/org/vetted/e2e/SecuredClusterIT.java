package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetted.e2e.Scale.freePort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vetted.contract.Topics;
import org.vetted.events.ArticlePublished;
import org.vetted.stack.PostgresServer;
import org.vetted.stack.ServiceFleet;
import tools.jackson.databind.JsonNode;

/**
 * docker-compose.yml without Docker, services included: the secrets from {@code stack.jar keygen --compose-env},
 * the three-node SASL/SCRAM cluster with its ACLs from compose/ ({@link ComposeCluster}), PostgreSQL with the roles
 * of compose/postgres-roles.sql, and the four shipped jars, each with the environment docker-compose.yml gives it
 * (its own Kafka user and database role, no profile, keys and accounts from the .env). Only what moves a service out
 * of its container is changed: the bootstrap servers (the nodes' external listeners), ports, the database's address,
 * and the public URL. A pasted draft goes through review and sign-off to its published page; and each service's
 * Kafka user, with its own credentials, is refused another's topic, consumer group and transactional ids.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class SecuredClusterIT implements PipelineSteps {
    private static final List<String> SERVICES = List.of("intake", "review", "rendering", "distribution");

    /** keygen's .env, as compose reads it. */
    private Map<String, String> dotEnv;
    /** The sign-in accounts' passwords, by user name: keygen prints them once, on stderr. */
    private final Map<String, String> accounts = new HashMap<>();

    private ComposeCluster cluster;
    private PostgresServer database;
    private ServiceFleet fleet;
    private Pipeline pipeline;

    @BeforeAll
    void startComposeWithoutDocker() throws Exception {
        long start = System.nanoTime();
        dotEnv = keygen();
        // Four-eyes claims need a second medical reviewer, which the README has the operator add to review as
        // VETTED_SECURITY_USERS_1_*: here with the bcrypt hash of a second keygen's reviewer.
        Map<String, String> second = keygen();
        Map<String, String> passwords = new HashMap<>();
        ComposeCluster.USERS.forEach(
                user -> passwords.put(user, dotEnv.get("KAFKA_" + user.toUpperCase() + "_PASSWORD")));
        // PostgreSQL and its roles meanwhile, as compose starts it beside the cluster.
        database =
                new PostgresServer(Path.of("target", "postgres", "secured-cluster-" + System.nanoTime()), freePort());
        CompletableFuture<Void> databaseReady = CompletableFuture.runAsync(() -> {
            database.start(List.of());
            createTheServicesRoles();
        });
        try {
            // Kept before it starts, so that stopEverything stops what a failed start left running.
            cluster = new ComposeCluster(dotEnv.get("KAFKA_ADMIN_PASSWORD"), passwords);
            cluster.start();
        } finally {
            // Started or failed, never still starting when stopEverything closes it.
            databaseReady.exceptionally(failed -> null).join();
        }
        databaseReady.join();
        System.out.printf("SecuredClusterIT: keygen, cluster and kafka-init in %.0f s%n", Scale.seconds(start));

        List<ServiceFleet.Service> services = new ArrayList<>();
        for (String service : SERVICES) {
            services.add(new ServiceFleet.Service(service, freePort()));
        }
        fleet = new ServiceFleet(services).withDatabase(database);
        String distribution = services.get(3).baseUrl();
        ComposeFile compose = ComposeFile.read();
        for (ServiceFleet.Service service : services) {
            Map<String, String> env = new LinkedHashMap<>(compose.environment(service.name(), dotEnv));
            // What moves the service out of its container, and nothing else.
            env.put("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
            env.put("PORT", Integer.toString(service.port()));
            if (env.containsKey("VETTED_DB_URL")) {
                env.put("VETTED_DB_URL", database.jdbcUrl(service.name()));
            }
            if (env.containsKey("PUBLIC_BASE_URL")) {
                env.put("PUBLIC_BASE_URL", distribution);
            }
            if (service.name().equals("review")) {
                env.put("VETTED_SECURITY_USERS_1_USERNAME", "reviewer2");
                env.put("VETTED_SECURITY_USERS_1_PASSWORD", second.get("VETTED_REVIEWER_PASSWORD"));
                env.put("VETTED_SECURITY_USERS_1_DISPLAYNAME", "Second Reviewer");
                env.put("VETTED_SECURITY_USERS_1_ROLES", "MEDICAL_REVIEWER");
                env.put("VETTED_SECURITY_USERS_1_CREDENTIAL", "PharmD");
            }
            fleet.withEnvironment(service.name(), env);
        }
        accounts.put("reviewer2", accounts.remove("reviewer#2"));

        pipeline = new Pipeline(
                fleet,
                database,
                new KafkaProbe(cluster.bootstrapServers(), cluster.clientConfig("admin")),
                new Journeys(services.get(0).baseUrl(), services.get(1).baseUrl(), accounts::get),
                services.get(0).baseUrl(),
                services.get(1).baseUrl(),
                services.get(2).baseUrl(),
                distribution,
                Path.of(System.getProperty("vetted.logs.dir", "target/service-logs"), "secured-cluster"));
        // No arguments: compose runs the jars with none (no profile).
        fleet.start(
                Path.of(System.getProperty("vetted.services.dir", "../services")),
                cluster.bootstrapServers(),
                List.of(),
                pipeline.logs());
        fleet.awaitHealthy(Duration.ofMinutes(5));
        System.out.printf("SecuredClusterIT: the four services UP after %.0f s%n", Scale.seconds(start));
    }

    @AfterAll
    void stopEverything() {
        try {
            if (fleet != null) {
                fleet.close();
            }
        } finally {
            try {
                if (database != null) {
                    database.close();
                }
            } finally {
                if (cluster != null) {
                    cluster.close();
                }
            }
        }
    }

    @Override
    public Pipeline pipeline() {
        return pipeline;
    }

    @Override
    public int replicationFactor() {
        return 3;
    }

    @Test
    void aPastedDraftIsReviewedSignedOffAndPublishedWithEachServiceAsItsOwnKafkaUser() throws Exception {
        JsonNode submitted = submit("writer", "zinc-and-colds.txt", null);
        String articleId = submitted.path("articleId").asString();

        JsonNode underReview = awaitUnderReview("reviewer", articleId, 1);
        for (JsonNode claim : PipelineSteps.elements(underReview.path("claims"))) {
            String claimId = claim.path("id").asString();
            decide("reviewer", articleId, underReview, claimId, "APPROVED");
            if (claim.path("approvalsNeeded").asInt() == 2) {
                decide("reviewer2", articleId, underReview, claimId, "APPROVED");
            }
        }
        Http.Response signed = signOff(
                "reviewer",
                articleId,
                "APPROVE",
                underReview.path("contentHash").asString());
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);

        ArticlePublished published = awaitPublished(articleId, 1);
        assertThat(published.getContentHash())
                .isEqualTo(submitted.path("contentHash").asString());
        // The reviewer of the .env, with the credential it gives.
        assertThat(published.getMedicallyReviewedBy().getDisplayName())
                .isEqualTo(dotEnv.get("VETTED_REVIEWER_DISPLAY_NAME"));
        assertThat(published.getMedicallyReviewedBy().getCredential())
                .isEqualTo(dotEnv.get("VETTED_REVIEWER_CREDENTIAL"));
        // PUBLIC_BASE_URL from the environment names the page.
        assertThat(published.getUrl()).isEqualTo(distribution() + "/articles/" + published.getSlug());
        Http.Response page = Http.get(published.getUrl(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Can Zinc Shorten a Common Cold?")
                .contains("Medically reviewed by " + dotEnv.get("VETTED_REVIEWER_DISPLAY_NAME") + ", "
                        + dotEnv.get("VETTED_REVIEWER_CREDENTIAL"));

        // Every service's producers ran under its own prefix and compose's INSTANCE_ID.
        try (Admin admin = Admin.create(cluster.clientConfig("admin"))) {
            List<String> transactionalIds = admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId)
                    .toList();
            for (String service : SERVICES) {
                String prefix = service + "-" + dotEnvOf(service).get("INSTANCE_ID") + "-";
                assertThat(transactionalIds).as(service).anyMatch(id -> id.startsWith(prefix));
            }
        }
    }

    /** One thing a service's Kafka user tries, and the refusal it must get. */
    private record Refusal(String what, Supplier<Throwable> attempt, Class<? extends Throwable> expected) {}

    @Test
    void eachServicesKafkaUserIsRefusedAnothersTopicGroupAndTransactionalIds() throws Exception {
        List<Refusal> refusals = List.of(
                // Writes in a transaction of the user's own prefix, to a topic another service writes.
                new Refusal(
                        "intake writes article.approved",
                        () -> cluster.write("intake", "intake-", Topics.APPROVED),
                        TopicAuthorizationException.class),
                new Refusal(
                        "review writes article.draft-submitted",
                        () -> cluster.write("review", "review-", Topics.DRAFT_SUBMITTED),
                        TopicAuthorizationException.class),
                new Refusal(
                        "rendering writes article.published",
                        () -> cluster.write("rendering", "rendering-", Topics.PUBLISHED),
                        TopicAuthorizationException.class),
                new Refusal(
                        "distribution writes article.approved",
                        () -> cluster.write("distribution", "distribution-", Topics.APPROVED),
                        TopicAuthorizationException.class),
                // Another service's consumer group, on a topic the user may read.
                new Refusal(
                        "intake joins the group review",
                        () -> cluster.join("intake", "review", Topics.DRAFT_SUBMITTED),
                        GroupAuthorizationException.class),
                new Refusal(
                        "review joins the group intake",
                        () -> cluster.join("review", "intake", Topics.DRAFT_SUBMITTED),
                        GroupAuthorizationException.class),
                new Refusal(
                        "rendering joins the group distribution",
                        () -> cluster.join("rendering", "distribution", Topics.APPROVED),
                        GroupAuthorizationException.class),
                new Refusal(
                        "distribution joins the group rendering",
                        () -> cluster.join("distribution", "rendering", Topics.RENDERED),
                        GroupAuthorizationException.class),
                // Another service's transactional ids, to the user's own topic.
                new Refusal(
                        "intake uses review's transactional ids",
                        () -> cluster.write("intake", "review-", Topics.DRAFT_SUBMITTED),
                        TransactionalIdAuthorizationException.class),
                new Refusal(
                        "review uses intake's transactional ids",
                        () -> cluster.write("review", "intake-", Topics.APPROVED),
                        TransactionalIdAuthorizationException.class),
                new Refusal(
                        "rendering uses distribution's transactional ids",
                        () -> cluster.write("rendering", "distribution-", Topics.RENDERED),
                        TransactionalIdAuthorizationException.class),
                new Refusal(
                        "distribution uses rendering's transactional ids",
                        () -> cluster.write("distribution", "rendering-", Topics.PUBLISHED),
                        TransactionalIdAuthorizationException.class));
        // All at once: each mostly waits for the brokers' answers.
        ExecutorService clients = Executors.newFixedThreadPool(refusals.size());
        try {
            List<Future<Throwable>> outcomes = new ArrayList<>();
            for (Refusal refusal : refusals) {
                outcomes.add(clients.submit(refusal.attempt()::get));
            }
            SoftAssertions softly = new SoftAssertions();
            for (int i = 0; i < refusals.size(); i++) {
                softly.assertThat(outcomes.get(i).get(2, TimeUnit.MINUTES))
                        .as(refusals.get(i).what())
                        .isInstanceOf(refusals.get(i).expected());
            }
            softly.assertAll();
        } finally {
            clients.shutdownNow();
        }
    }

    private Map<String, String> dotEnvOf(String service) throws IOException {
        return ComposeFile.read().environment(service, dotEnv);
    }

    /**
     * {@code java -jar stack/target/stack.jar keygen --compose-env}, as the README has the operator run it: the .env
     * from stdout, and the sign-in accounts' passwords from stderr (a second run's reviewer as "reviewer#2").
     */
    private Map<String, String> keygen() throws IOException, InterruptedException {
        Path root = ComposeCluster.composeDir().getParent();
        Path jar = root.resolve("stack").resolve("target").resolve("stack.jar");
        Path out = Files.createTempFile("vetted-env", ".env");
        Path err = Files.createTempFile("vetted-env", ".log");
        try {
            Process keygen = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            jar.toString(),
                            "keygen",
                            "--compose-env")
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!keygen.waitFor(2, TimeUnit.MINUTES)) {
                keygen.destroyForcibly();
            }
            assertThat(keygen.exitValue()).as(Files.readString(err)).isZero();
            // "  intake  http://localhost:8081/login  writer    <password>"
            Matcher account = Pattern.compile("(?m)^\\s+\\S+\\s+http\\S+\\s+(\\S+)\\s+(\\S+)\\s*$")
                    .matcher(Files.readString(err, StandardCharsets.UTF_8));
            while (account.find()) {
                String user = accounts.containsKey(account.group(1)) ? account.group(1) + "#2" : account.group(1);
                accounts.put(user, account.group(2));
            }
            assertThat(accounts).containsKeys("writer", "reviewer");
            return ComposeFile.parseEnvFile(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * compose/postgres-roles.sql as compose/postgres-init.sh runs it through psql, with the .env's passwords put in
     * as SQL literals (psql's :'name'): a role and a database per service, owned by it.
     */
    private void createTheServicesRoles() {
        String sql;
        try {
            sql = Files.readString(ComposeCluster.composeDir().resolve("postgres-roles.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher variable = Pattern.compile(":'(\\w+)_password'").matcher(sql);
        StringBuilder script = new StringBuilder();
        while (variable.find()) {
            String password = dotEnv.get("POSTGRES_" + variable.group(1).toUpperCase() + "_PASSWORD");
            assertThat(password).as(variable.group()).isNotNull().matches("[0-9a-f]+");
            variable.appendReplacement(script, Matcher.quoteReplacement("'" + password + "'"));
        }
        variable.appendTail(script);
        try (Connection superuser = DriverManager.getConnection(database.jdbcUrl("postgres"), PostgresServer.USER, "");
                Statement statement = superuser.createStatement()) {
            for (String command : script.toString().replaceAll("--[^\n]*", "").split(";")) {
                if (!command.isBlank()) {
                    statement.execute(command);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("compose/postgres-roles.sql failed", e);
        }
    }
}
