package org.vetted.intake.messaging;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.RecordGuard;
import org.vetted.support.kafka.ReplayReadiness;
import org.vetted.contract.signing.Signatures;
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
    /** How many skipped event ids are remembered so each is warned about once. */
    static final int MAX_REMEMBERED_SKIPS = 10_000;

    /** Caught up once the trackArticle consumer reached the end of its partitions (needs idle-event-interval). */
    @Bean
    public ReplayReadiness replayReadiness(
            @Value("${spring.cloud.stream.bindings." + BINDING + ".destination}") String destinations) {
        return new ReplayReadiness(Arrays.stream(destinations.split(",")).map(String::strip)
                .filter(topic -> !topic.isEmpty()).toList());
    }

    /**
     * Every record must carry the signature of the service owning its topic: the registry decides who may submit a
     * revision (its authors) and which slugs are taken, so a forged draft must not reach it. An unsigned record is
     * skipped with one WARN per event id (this consumer replays from the start at every boot, so dead-lettering
     * would repeat at each restart).
     */
    @Bean
    public Consumer<SpecificRecordBase> trackArticle(ArticleRegistry registry, Signatures signatures) {
        Set<String> warnedAbout = ConcurrentHashMap.newKeySet();
        return record -> RecordGuard.run(() -> {
            if (record == null) {
                throw new PoisonEventException("an article event without a value");
            }
            Optional<String> unsigned = signatures.problem(record);
            if (unsigned.isPresent()) {
                if (warnedAbout.size() < MAX_REMEMBERED_SKIPS && warnedAbout.add(String.valueOf(record.get("eventId")))) {
                    log.warn("skipped {} {} of article {}: {}", record.getSchema().getName(), record.get("eventId"),
                            record.get("articleId"), unsigned.get());
                }
                return;
            }
            if (!registry.apply(EventMapper.toArticleEvent(record))) {
                log.debug("already applied: {} {}", record.getClass().getSimpleName(), record.get("eventId"));
            }
        });
    }
}
