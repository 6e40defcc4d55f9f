package org.vetted.intake.messaging;

import java.util.Arrays;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.RecordGuard;
import org.vetted.contract.kafka.ReplayReadiness;
import org.vetted.intake.domain.ArticleRegistry;

/**
 * The status projection: every event of the six article topics, replayed from the start at boot. Until the replay
 * has reached the end of every assigned partition, {@link ReplayReadiness} is out of service and /api/** answers 503:
 * a half-replayed registry would hand out an existing revision number or slug.
 */
@Configuration(proxyBeanMethods = false)
public class ArticleTracking {
    private static final Logger log = LoggerFactory.getLogger(ArticleTracking.class);

    static final String BINDING = "trackArticle-in-0";

    /** Caught up once the trackArticle consumer reached the end of its partitions (needs idle-event-interval). */
    @Bean
    public ReplayReadiness replayReadiness(
            @Value("${spring.cloud.stream.bindings." + BINDING + ".destination}") String destinations) {
        return new ReplayReadiness(Arrays.stream(destinations.split(",")).map(String::strip)
                .filter(topic -> !topic.isEmpty()).toList());
    }

    @Bean
    public Consumer<SpecificRecordBase> trackArticle(ArticleRegistry registry) {
        return record -> RecordGuard.run(() -> {
            if (record == null) {
                throw new PoisonEventException("an article event without a value");
            }
            if (!registry.apply(EventMapper.toArticleEvent(record))) {
                log.debug("already applied: {} {}", record.getClass().getSimpleName(), record.get("eventId"));
            }
        });
    }
}
