package org.vetted.distribution.config;

import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.Topics;
import org.vetted.contract.signing.Signatures;
import org.vetted.distribution.app.AnnounceReReview;
import org.vetted.distribution.app.Embargoes;
import org.vetted.distribution.app.PageStore;
import org.vetted.distribution.app.PublishRenderedArticle;
import org.vetted.distribution.app.RetiredClaims;
import org.vetted.distribution.app.WithdrawArticle;
import org.vetted.distribution.app.WithdrawalGate;
import org.vetted.distribution.domain.ApprovalCheck;
import org.vetted.distribution.domain.ArticlePublisher;
import org.vetted.distribution.domain.OverduePolicy;
import org.vetted.distribution.domain.PublicSite;
import org.vetted.distribution.messaging.ReleaseEmbargoes;
import org.vetted.distribution.messaging.SealedPageRecords;
import org.vetted.distribution.messaging.TrackLibrary;
import org.vetted.distribution.store.JdbcEmbargoes;
import org.vetted.distribution.store.JdbcPageStore;
import org.vetted.distribution.store.JdbcRetiredClaims;
import org.vetted.distribution.store.JdbcWithdrawalGate;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.schedule.PollingLoop;
import org.vetted.support.signing.Seals;

/**
 * Builds the domain, the use case and the adapters by hand; the one place that sees every layer. The signatures that
 * verify approvals and renderings come with the contract.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DistributionProperties.class, ArticlePageProperties.class})
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
    PublishRenderedArticle publishRenderedArticle(
            ApprovalCheck approvalCheck,
            ArticlePublisher publisher,
            Clock clock,
            WithdrawalGate withdrawals,
            RetiredClaims retiredClaims) {
        return new PublishRenderedArticle(approvalCheck, publisher, clock, withdrawals, retiredClaims);
    }

    /** The claims library's entries as review signed them, read back only while review's signature holds. */
    @Bean
    RetiredClaims retiredClaims(JdbcTemplate jdbc, Seals seals) {
        return new JdbcRetiredClaims(jdbc, (key, retired, entry) -> TrackLibrary.holds(seals, key, retired, entry));
    }

    /** Review's withdrawals, kept as review signed them: no rendering of a withdrawn article is published. */
    @Bean
    WithdrawalGate withdrawalGate(JdbcTemplate jdbc, Seals seals) {
        return new JdbcWithdrawalGate(jdbc, new SealedPageRecords(seals));
    }

    @Bean
    WithdrawArticle withdrawArticleUseCase(WithdrawalGate gate, PageStore pages, PublicSite site) {
        return new WithdrawArticle(gate, pages, site);
    }

    /**
     * Review's re-review notices made public; {@code vetted.distribution.overdue-policy} (keep, noindex, unpublish)
     * is what the site does with a page whose review expired.
     */
    @Bean
    AnnounceReReview announceReReview(
            WithdrawalGate gate,
            Embargoes embargoes,
            PageStore pages,
            PublicSite site,
            @Value("${vetted.distribution.overdue-policy:keep}") String policy) {
        return new AnnounceReReview(gate, embargoes, pages, site, OverduePolicy.of(policy));
    }

    @Bean
    Seals seals(Signatures signatures) {
        return new Seals(signatures);
    }

    /** Pages kept as the sealed records they came from, so the database is not trusted with what the site shows. */
    @Bean
    PageStore pageStore(JdbcTemplate jdbc, TransactionTemplate transactions, Seals seals) {
        return new JdbcPageStore(jdbc, transactions, new SealedPageRecords(seals));
    }

    /** Renderings held until their embargo, in PostgreSQL: they survive restarts and each is released once. */
    @Bean
    Embargoes embargoes(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcEmbargoes(jdbc, transactions);
    }

    @Bean
    ReleaseEmbargoes releaseEmbargoes(
            Embargoes embargoes,
            PublishRenderedArticle publishRendered,
            Seals seals,
            Clock clock,
            StreamBridge streamBridge) {
        return new ReleaseEmbargoes(
                embargoes, publishRendered, seals, clock, message -> streamBridge.send(RELEASE_BINDING, message));
    }

    /** The binding held publications go out on: article.published, like publishArticle's (application.yml). */
    static final String RELEASE_BINDING = "releaseEmbargo-out-0";

    /** Looks for due embargoes every poll interval while the application runs. */
    @Bean
    SmartLifecycle embargoLoop(
            ReleaseEmbargoes release,
            @Value("${vetted.distribution.embargo-poll-interval:PT1S}") java.time.Duration interval) {
        return new PollingLoop("embargo-release", interval, release::releaseDue);
    }

    /**
     * The pages' position in article.published, kept with them. Out of service until the pages have caught up with
     * the topic as it stood at start; until then the site answers 503 instead of 404s and a partial feed.
     */
    @Bean
    SharedProjection pagesProjection(
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ObservationRegistry observations,
            @Value("${spring.cloud.stream.bindings.servePublished-in-0.destination:" + Topics.PUBLISHED + "}")
                    String destination) {
        // Fed by servePublished only: the webhooks' binding reads the same topic in a group of its own.
        return new SharedProjection(
                "pages", "servePublished-in-0", List.of(destination), jdbc, transactions, observations);
    }
}
