package org.vetted.distribution.config;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vetted.distribution.domain.ApprovalCheck;
import org.vetted.distribution.domain.ArticlePublisher;
import org.vetted.distribution.domain.PageStore;
import org.vetted.distribution.domain.SummaryWriter;

/** Builds the domain by hand. */
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
        return new ArticlePublisher(new SummaryWriter(), site.baseUrl());
    }

    @Bean
    PageStore pageStore() {
        return new PageStore();
    }
}
