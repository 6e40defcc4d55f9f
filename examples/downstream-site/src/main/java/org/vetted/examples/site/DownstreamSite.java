package org.vetted.examples.site;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command: {@code java -jar downstream-site-exec.jar --out site --once}. */
@Command(
        name = "downstream-site",
        mixinStandardHelpOptions = true,
        description = "Builds a static copy of the site from article.published: every record's vetted-signature is"
                + " checked against distribution's JWK set before it is decoded and written.")
public final class DownstreamSite implements Callable<Integer> {
    @Option(
            names = "--bootstrap-servers",
            defaultValue = "localhost:9092",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(
            names = "--topic",
            defaultValue = "article.published",
            description = "the public topic (default: ${DEFAULT-VALUE})")
    String topic;

    @Option(
            names = "--jwks",
            defaultValue = "http://localhost:8084/.well-known/jwks.json",
            description = "distribution's JWK set: a URL, or a file (default: ${DEFAULT-VALUE})")
    String jwks;

    @Option(names = "--out", defaultValue = "site", description = "where the site is kept (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(
            names = "--group",
            description = "read as this consumer group, committing offsets; without it every start reads from offset 0")
    String group;

    @Option(names = "--once", description = "stop once caught up with the topic as it was at start (no --group)")
    boolean once;

    @Option(
            names = "--kafka-config",
            description = "a properties file of further Kafka client settings (security.protocol, sasl.*, ssl.*)")
    Path kafkaConfig;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (once && group != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--once reads every partition from offset 0: leave out --group");
        }
        Properties client = new Properties();
        if (kafkaConfig != null) {
            try (InputStream in = Files.newInputStream(kafkaConfig)) {
                client.load(in);
            }
        }
        Dispatch dispatch =
                new Dispatch(new RecordVerifier(JwkSetSource.load(jwks, Clock.systemUTC())), StaticSite.open(out));
        SiteConsumer consumer =
                new SiteConsumer(new SiteConsumer.Settings(bootstrapServers, topic, group, once, client), dispatch);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.stop();
            try {
                // Until the record in hand is applied (a page is never left half-moved), at most 10 s. Not a join:
                // the main thread's System.exit waits for this hook.
                stopped.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            consumer.run();
        } finally {
            stopped.countDown();
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new DownstreamSite()).execute(args));
    }
}
