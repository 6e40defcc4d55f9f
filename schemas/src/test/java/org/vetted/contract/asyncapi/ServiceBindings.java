package org.vetted.contract.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What each service reads and writes, as its {@code application.yml} binds it: {@code spring.cloud.stream.bindings.*}
 * (destination, group) and the topic properties of its output bindings over the shared defaults (kafka-support's
 * {@code shared-kafka-settings.yml}). Read from the source tree, so a binding added to a service shows up in the
 * AsyncAPI document when it is generated again.
 */
record ServiceBindings(String service, List<Binding> bindings, Optional<Long> maxRequestSize) {

    static final String SHARED_SETTINGS =
            "services/kafka-support/src/main/resources/org/vetted/support/kafka/shared-kafka-settings.yml";

    private static final Pattern INPUT = Pattern.compile(".+-in-\\d+");
    private static final Pattern OUTPUT = Pattern.compile(".+-out-\\d+");
    private static final YAMLMapper YAML = new YAMLMapper();

    /**
     * @param topicProperties for an output binding: the literal topic properties it creates its topic with (the
     *                        shared defaults, then its own); placeholders such as {@code ${...}} left out
     */
    record Binding(
            String name,
            boolean input,
            List<String> destinations,
            Optional<String> group,
            Map<String, Object> topicProperties) {}

    /** Every service under {@code services/} whose application.yml binds a Kafka topic, by name. */
    static List<ServiceBindings> readAll(Path repository) {
        Map<String, Object> shared = literal(tree(repository.resolve(SHARED_SETTINGS))
                .at("/spring/cloud/stream/kafka/default/producer/topic/properties"));
        List<ServiceBindings> services = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(repository.resolve("services"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path yml = dir.resolve("src/main/resources/application.yml");
                if (Files.isRegularFile(yml)) {
                    read(yml, shared).ifPresent(services::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (services.isEmpty()) {
            throw new IllegalStateException("no service binds a topic under " + repository.resolve("services"));
        }
        return services;
    }

    /** A setting of kafka-support's {@code shared-kafka-settings.yml}, every service's defaults. */
    static JsonNode sharedSetting(Path repository, String pointer) {
        return tree(repository.resolve(SHARED_SETTINGS)).at(pointer);
    }

    static Optional<ServiceBindings> read(Path yml, Map<String, Object> sharedTopicProperties) {
        JsonNode root = tree(yml);
        JsonNode bindings = root.at("/spring/cloud/stream/bindings");
        if (!bindings.isObject()) {
            return Optional.empty();
        }
        String service = root.at("/spring/application/name")
                .asText(yml.getParent()
                        .getParent()
                        .getParent()
                        .getParent()
                        .getFileName()
                        .toString());
        JsonNode kafkaBindings = root.at("/spring/cloud/stream/kafka/bindings");
        List<Binding> read = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : bindings.properties()) {
            String name = entry.getKey();
            JsonNode binding = entry.getValue();
            Optional<String> group = Optional.ofNullable(binding.get("group")).map(JsonNode::asText);
            boolean input;
            if (INPUT.matcher(name).matches()) {
                input = true;
            } else if (OUTPUT.matcher(name).matches()) {
                input = false;
            } else {
                throw new IllegalStateException(yml + ": binding " + name + " is neither <function>-in-<n> nor "
                        + "<name>-out-<n>; cannot tell whether " + service + " reads or writes it");
            }
            JsonNode destination = binding.get("destination");
            if (destination == null || destination.asText().isBlank()) {
                throw new IllegalStateException(yml + ": binding " + name + " has no destination");
            }
            List<String> destinations = Arrays.stream(destination.asText().split(","))
                    .map(String::strip)
                    .filter(topic -> !topic.isEmpty())
                    .toList();
            Map<String, Object> topicProperties = new LinkedHashMap<>();
            if (!input) {
                topicProperties.putAll(sharedTopicProperties);
                topicProperties.putAll(literal(kafkaBindings.at("/" + name + "/producer/topic/properties")));
            }
            read.add(new Binding(name, input, destinations, group, topicProperties));
        }
        JsonNode maxRequest =
                root.at("/spring/cloud/stream/kafka/binder/transaction/producer/configuration/max.request.size");
        return Optional.of(new ServiceBindings(
                service,
                List.copyOf(read),
                maxRequest.canConvertToLong() ? Optional.of(maxRequest.asLong()) : Optional.empty()));
    }

    /** Numbers and plain strings only: a {@code ${...}} placeholder is the deployment's, not the contract's. */
    private static Map<String, Object> literal(JsonNode properties) {
        Map<String, Object> literal = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode value = property.getValue();
            if (value.isIntegralNumber()) {
                literal.put(property.getKey(), value.asLong());
            } else if (value.isTextual() && !value.asText().contains("${")) {
                literal.put(property.getKey(), value.asText());
            }
        }
        return literal;
    }

    private static JsonNode tree(Path yml) {
        try {
            return YAML.readTree(yml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yml, e);
        }
    }
}
