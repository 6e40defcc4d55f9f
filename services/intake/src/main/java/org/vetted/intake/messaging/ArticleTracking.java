package org.vetted.intake.messaging;

import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.contract.PoisonEventException;
import org.vetted.intake.domain.ArticleRegistry;

/** The status projection: every event of the six article topics, replayed from the start at boot. */
@Configuration(proxyBeanMethods = false)
public class ArticleTracking {
    private static final Logger log = LoggerFactory.getLogger(ArticleTracking.class);

    @Bean
    public Consumer<SpecificRecordBase> trackArticle(ArticleRegistry registry) {
        return record -> {
            if (record == null) {
                throw new PoisonEventException("an article event without a value");
            }
            if (!registry.apply(EventMapper.toArticleEvent(record))) {
                log.debug("already applied: {} {}", record.getClass().getSimpleName(), record.get("eventId"));
            }
        };
    }
}
