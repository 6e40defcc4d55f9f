package org.vetted.distribution.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.contract.EventCatalog;

/**
 * Loads the event catalog at startup. Besides the serde, this trusts the {@code org.vetted.events} package for
 * Avro 1.12, whose builders otherwise refuse to instantiate nested record defaults (STACK-NOTES trap 1), whether
 * or not a record has been decoded yet.
 */
@Configuration(proxyBeanMethods = false)
class EventContractConfiguration {

    @Bean
    EventCatalog eventCatalog() {
        return EventCatalog.standard();
    }
}
