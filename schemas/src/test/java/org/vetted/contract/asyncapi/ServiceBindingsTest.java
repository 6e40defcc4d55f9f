package org.vetted.contract.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceBindingsTest {
    private static final Map<String, Object> SHARED = Map.of("retention.ms", -1L);

    @Test
    void readsWhatAServiceReadsAndWritesAndTheTopicPropertiesItWritesWith(@TempDir Path dir) throws IOException {
        Path yml = write(dir, """
                spring:
                  application:
                    name: review
                  cloud:
                    stream:
                      bindings:
                        trackReview-in-0:
                          destination: article.approved, claims.library
                          group: review
                        claimsLibrary-out-0:
                          destination: claims.library
                      kafka:
                        binder:
                          transaction:
                            producer:
                              configuration:
                                max.request.size: 4194304
                        bindings:
                          claimsLibrary-out-0:
                            producer:
                              topic:
                                properties:
                                  cleanup.policy: compact
                                  min.insync.replicas: ${vetted.kafka.topics.min-insync-replicas}
                """);

        ServiceBindings service = ServiceBindings.read(yml, SHARED).orElseThrow();

        assertThat(service.service()).isEqualTo("review");
        assertThat(service.maxRequestSize()).contains(4194304L);
        assertThat(service.bindings())
                .containsExactly(
                        new ServiceBindings.Binding(
                                "trackReview-in-0",
                                true,
                                List.of("article.approved", "claims.library"),
                                Optional.of("review"),
                                Map.of()),
                        new ServiceBindings.Binding(
                                "claimsLibrary-out-0",
                                false,
                                List.of("claims.library"),
                                Optional.empty(),
                                Map.of("retention.ms", -1L, "cleanup.policy", "compact")));
    }

    @Test
    void aServiceWithoutBindingsIsNone(@TempDir Path dir) throws IOException {
        assertThat(ServiceBindings.read(write(dir, "spring:\n  application:\n    name: web\n"), SHARED))
                .isEmpty();
    }

    @Test
    void refusesABindingItCannotTellTheDirectionOf(@TempDir Path dir) throws IOException {
        Path yml = write(dir, """
                spring:
                  cloud:
                    stream:
                      bindings:
                        articles:
                          destination: article.approved
                """);

        assertThatThrownBy(() -> ServiceBindings.read(yml, SHARED)).hasMessageContaining("binding articles is neither");
    }

    private static Path write(Path dir, String yml) throws IOException {
        Path file = dir.resolve("services/x/src/main/resources/application.yml");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, yml);
    }
}
