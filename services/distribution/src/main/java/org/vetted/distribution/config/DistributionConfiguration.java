package org.vetted.distribution.config;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.contract.Topics;
import org.vetted.support.kafka.ReplayReadiness;
import org.vetted.distribution.domain.ApprovalCheck;
import org.vetted.distribution.domain.ArticlePublisher;
import org.vetted.distribution.domain.PageStore;
import org.vetted.distribution.domain.PublicSite;

/** Builds the domain by hand. The signatures that verify approvals and renderings come with the contract. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DistributionProperties.class)
public class DistributionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PublicSite publicSite(@Value("${vetted.public-base-url:http://localhost:8084}") String baseUrl) {
        return new PublicSite(baseUrl);
    }

    @Bean
    ApprovalCheck approvalCheck() {
        return ApprovalCheck.defaults();
    }

    @Bean
    ArticlePublisher articlePublisher(PublicSite site) {
        return new ArticlePublisher(site);
    }

    @Bean
    PageStore pageStore() {
        return new PageStore();
    }

    /**
     * Out of service until {@code servePublished} has replayed article.published to its end; until then the site
     * answers 503 instead of 404s and a partial feed.
     */
    @Bean
    ReplayReadiness replayReadiness(
            @Value("${spring.cloud.stream.bindings.servePublished-in-0.destination:" + Topics.PUBLISHED + "}")
            String destination) {
        return new ReplayReadiness(List.of(destination));
    }
}
