package org.vetted.support.signing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.vetted.contract.EventCatalog;

/**
 * The event catalog as a bean in every service, created at startup. Loading it trusts the {@code org.vetted.events}
 * package for Avro 1.12, whose generated classes refuse to instantiate nested record defaults (builders, deep
 * copies) until trusted, whether or not a record has been decoded yet.
 */
@AutoConfiguration
public class EventContractAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCatalog eventCatalog() {
        return EventCatalog.standard();
    }
}
