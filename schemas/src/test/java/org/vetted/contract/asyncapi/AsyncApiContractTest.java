package org.vetted.contract.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.Topics;
import org.vetted.contract.asyncapi.AsyncApiDocument.Channel;
import org.vetted.contract.signing.Signatures;

/**
 * {@code schemas/asyncapi.yaml} is the document {@link AsyncApiDocument} makes from the code and the services'
 * configuration, it is valid AsyncAPI 3.0, and it has a channel for every topic. When the contract changes, the first
 * test fails and writes the fresh document (and README) under {@code target/asyncapi/}; run it with
 * {@code -Dvetted.asyncapi.write=true} to write them in place instead.
 */
class AsyncApiContractTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    private static final Path COMMITTED = MODULE.resolve("asyncapi.yaml");
    private static final Path README = MODULE.resolve("README.md");
    private static final Path FRESH = MODULE.resolve("target/asyncapi");
    private static final String JSON_SCHEMA = "/asyncapi/3.0.0/asyncapi-3.0.0.json";
    private static final YAMLMapper YAML = new YAMLMapper();

    private static AsyncApiDocument generated;
    private static ContractTopics contract;
    private static Schema asyncApiSchema;

    @BeforeAll
    static void generate() throws IOException {
        generated = AsyncApiDocument.of(MODULE);
        contract = new ContractTopics(MODULE);
        try (InputStream in = AsyncApiContractTest.class.getResourceAsStream(JSON_SCHEMA)) {
            asyncApiSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(in);
        }
    }

    @Test
    void theCommittedDocumentAndReadmeTableAreTheGeneratedOnes() throws IOException {
        String document = generated.yaml();
        String readme = Files.readString(README);
        String table = generated.readmeTable();
        String committedTable = AsyncApiDocument.between(
                        readme, AsyncApiDocument.README_START, AsyncApiDocument.README_END)
                .orElse("");
        String freshReadme = committedTable.isEmpty() ? readme : readme.replace(committedTable, table);
        String committed = Files.isRegularFile(COMMITTED) ? Files.readString(COMMITTED) : "";
        if (document.equals(committed) && table.equals(committedTable)) {
            return;
        }
        if (Boolean.getBoolean("vetted.asyncapi.write")) {
            Files.writeString(COMMITTED, document, StandardCharsets.UTF_8);
            Files.writeString(README, freshReadme, StandardCharsets.UTF_8);
            return;
        }
        Files.createDirectories(FRESH);
        Files.writeString(FRESH.resolve("asyncapi.yaml"), document, StandardCharsets.UTF_8);
        Files.writeString(FRESH.resolve("README.md"), freshReadme, StandardCharsets.UTF_8);
        assertThat(committedTable)
                .as(
                        "README.md has no generated channel table: put the lines %s and %s in its AsyncAPI section",
                        AsyncApiDocument.README_START, AsyncApiDocument.README_END)
                .isNotEmpty();
        fail(
                "the event contract changed: the fresh document and README are in %s; copy them:%n"
                        + "  cp %s %s && cp %s %s%n"
                        + "(or run this test with -Dvetted.asyncapi.write=true)",
                FRESH.toAbsolutePath(),
                FRESH.resolve("asyncapi.yaml").toAbsolutePath(),
                COMMITTED.toAbsolutePath(),
                FRESH.resolve("README.md").toAbsolutePath(),
                README.toAbsolutePath());
    }

    @Test
    void theCommittedDocumentIsValidAsyncApi3() throws IOException {
        JsonNode committed = YAML.readTree(COMMITTED.toFile());

        assertThat(committed.path("asyncapi").asText()).isEqualTo(AsyncApiDocument.ASYNCAPI);
        assertThat(messages(asyncApiSchema.validate(committed))).isEmpty();
    }

    @Test
    void theValidatorRefusesAnInvalidDocument() {
        ObjectNode broken = (ObjectNode) YAML.valueToTree(generated.tree());
        ObjectNode published =
                (ObjectNode) broken.at("/channels/" + Topics.PUBLISHED + "/bindings/kafka/topicConfiguration");
        published.put("cleanup.policy", "compact");
        ObjectNode firstOperation =
                (ObjectNode) broken.path("operations").elements().next();
        firstOperation.remove("action");

        List<String> errors = messages(asyncApiSchema.validate(broken));

        assertThat(errors).anyMatch(error -> error.contains("cleanup.policy"));
        assertThat(errors).anyMatch(error -> error.contains("action"));
    }

    @Test
    void everyTopicAndEveryDeadLetterTopicIsAChannel() throws IOException, IllegalAccessException {
        JsonNode channels = YAML.readTree(COMMITTED.toFile()).path("channels");
        List<String> addresses = new ArrayList<>();
        channels.forEach(channel -> addresses.add(channel.path("address").asText()));

        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class
                    && !field.getName().endsWith("_HEADER")) {
                assertThat(addresses).as("Topics.%s", field.getName()).contains((String) field.get(null));
            }
        }
        assertThat(addresses).containsAll(Topics.ALL);
        for (Channel channel : generated.channelList()) {
            for (AsyncApiDocument.Consumer consumer : channel.consumers()) {
                assertThat(addresses).contains(Topics.deadLetter(channel.topic().address(), consumer.group()));
            }
        }
    }

    @Test
    void eachTopicHasOneWriterThatSignsItsRecordsAndEveryEventIsOnOne() {
        List<Class<?>> carried = new ArrayList<>();
        for (Channel channel : generated.channelList()) {
            channel.topic().records().forEach(record -> {
                assertThat(ContractTopics.signer(record).service())
                        .as("signer of %s", record.getSimpleName())
                        .isEqualTo(channel.writer());
                carried.add(record);
            });
        }
        assertThat(carried).containsExactlyInAnyOrderElementsOf(EventCatalog.EVENTS);
    }

    @Test
    void whatTheDocumentSaysOfThePipeline() {
        Channel approved = channel(Topics.APPROVED);
        assertThat(approved.writer()).isEqualTo("review");
        assertThat(approved.consumers())
                .contains(new AsyncApiDocument.Consumer("rendering", "renderArticle-in-0", "rendering"));
        assertThat(approved.key()).isEqualTo(AsyncApiDocument.ARTICLE_ID);
        assertThat(approved.topicConfiguration())
                .containsEntry("retention.ms", -1L)
                .containsEntry("cleanup.policy", List.of("delete"));

        Channel library = channel(Topics.CLAIMS_LIBRARY);
        assertThat(library.compacted()).isTrue();
        assertThat(library.key()).startsWith("library key");

        JsonNode document = YAML.valueToTree(generated.tree());
        JsonNode published = document.at("/components/messages/ArticlePublished");
        assertThat(published.at("/headers/properties").has(Signatures.VALUE_SIGNATURE_HEADER))
                .isTrue();
        assertThat(published.at("/payload/schemaFormat").asText()).isEqualTo(AsyncApiDocument.AVRO);
        assertThat(published.at("/payload/schema/name").asText()).isEqualTo("ArticlePublished");
        assertThat(published.at("/x-signature/signedBy").asText()).isEqualTo("distribution");
        assertThat(document.at("/components/messages/ArticleRetracted/headers/properties/" + Topics.EVENT_TYPE_HEADER
                                + "/const")
                        .asText())
                .isEqualTo("ArticleRetracted");
        assertThat(document.at("/components/messages/DraftSubmitted/headers/properties")
                        .has(Signatures.VALUE_SIGNATURE_HEADER))
                .isFalse();
        assertThat(document.at("/components/messages/DeadLetter/headers/required/0")
                        .asText())
                .isEqualTo(Topics.DEAD_LETTER_REASON_HEADER);
        assertThat(document.at("/channels/" + Topics.deadLetter(Topics.APPROVED, "rendering")
                                + "/bindings/kafka/topicConfiguration/max.message.bytes")
                        .asLong())
                .as("rendering may write 4 MiB records, so its dead letters take as much")
                .isEqualTo(4194304L);
    }

    @Test
    void eachMessageCarriesTheWriterSchemaOfItsRecord() throws IOException {
        JsonNode messages = YAML.readTree(COMMITTED.toFile()).path("components").path("messages");
        for (Class<? extends SpecificRecordBase> event : EventCatalog.EVENTS) {
            JsonNode payload = messages.path(event.getSimpleName()).path("payload");
            assertThat(payload.path("schemaFormat").asText()).isEqualTo(AsyncApiDocument.AVRO);
            org.apache.avro.Schema inDocument = new org.apache.avro.Schema.Parser()
                    .parse(payload.path("schema").toString());
            assertThat(SchemaNormalization.parsingFingerprint64(inDocument))
                    .as("fingerprint of %s in asyncapi.yaml", event.getSimpleName())
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(
                            SpecificData.get().getSchema(event)));
        }
    }

    @Test
    void noDocumentFromAContractThatContradictsItself() {
        ServiceBindings.Binding rogueWriter =
                new ServiceBindings.Binding("forge-out-0", false, List.of(Topics.APPROVED), Optional.empty(), Map.of());
        assertThatThrownBy(() -> withService(new ServiceBindings("rendering", List.of(rogueWriter), Optional.empty())))
                .hasMessageContaining(Topics.APPROVED + " is written by")
                .hasMessageContaining("exactly one writing service");

        ServiceBindings.Binding unknownTopic = new ServiceBindings.Binding(
                "peek-in-0", true, List.of("article.secret"), Optional.of("peek"), Map.of());
        assertThatThrownBy(() -> withService(new ServiceBindings("rendering", List.of(unknownTopic), Optional.empty())))
                .hasMessageContaining("article.secret, which is not a topic of Topics");

        ServiceBindings.Binding noGroup =
                new ServiceBindings.Binding("peek-in-0", true, List.of(Topics.PUBLISHED), Optional.empty(), Map.of());
        assertThatThrownBy(() -> withService(new ServiceBindings("rendering", List.of(noGroup), Optional.empty())))
                .hasMessageContaining("has no group");

        List<ServiceBindings> libraryNotCompacted = generated.services().stream()
                .map(service -> new ServiceBindings(
                        service.service(),
                        service.bindings().stream()
                                .map(binding ->
                                        binding.destinations().contains(Topics.CLAIMS_LIBRARY) && !binding.input()
                                                ? new ServiceBindings.Binding(
                                                        binding.name(),
                                                        false,
                                                        binding.destinations(),
                                                        binding.group(),
                                                        Map.of("retention.ms", -1L))
                                                : binding)
                                .toList(),
                        service.maxRequestSize()))
                .toList();
        assertThatThrownBy(() -> new AsyncApiDocument(contract, libraryNotCompacted, "0", true, "localhost:9092"))
                .hasMessageContaining(Topics.CLAIMS_LIBRARY + " is not compacted");
    }

    private static AsyncApiDocument withService(ServiceBindings extra) {
        List<ServiceBindings> services = new ArrayList<>(generated.services());
        services.add(extra);
        return new AsyncApiDocument(contract, services, "0", true, "localhost:9092");
    }

    private static Channel channel(String address) {
        return generated.channelList().stream()
                .filter(channel -> channel.topic().address().equals(address))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList();
    }
}
