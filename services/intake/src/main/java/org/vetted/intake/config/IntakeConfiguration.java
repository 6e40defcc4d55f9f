package org.vetted.intake.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.contract.risk.FourEyesSetting;
import org.vetted.contract.signing.Signatures;
import org.vetted.intake.app.ArticleRecords;
import org.vetted.intake.app.ArticleRegistry;
import org.vetted.intake.app.DraftPublisher;
import org.vetted.intake.app.DraftSubmissions;
import org.vetted.intake.app.SubmissionLedger;
import org.vetted.intake.domain.accounts.Account;
import org.vetted.intake.domain.accounts.Accounts;
import org.vetted.intake.domain.accounts.Role;
import org.vetted.intake.domain.articles.RejectedArticles;
import org.vetted.intake.domain.claims.ClaimExtractor;
import org.vetted.intake.domain.claims.ClaimLexicon;
import org.vetted.intake.domain.claims.EnglishModels;
import org.vetted.intake.domain.claims.ExpertExtractor;
import org.vetted.intake.domain.drafts.DraftIntake;
import org.vetted.intake.domain.drafts.DraftRules;
import org.vetted.intake.domain.drafts.MarkdownDraftParser;
import org.vetted.intake.domain.drafts.PlainTextDraftParser;
import org.vetted.intake.messaging.SignedArticleRecords;
import org.vetted.intake.store.JdbcArticleRegistry;
import org.vetted.intake.store.JdbcSubmissionLedger;
import org.vetted.web.signin.SignedInUser;
import org.vetted.web.signin.UsersProperties;

/**
 * Builds the domain and the use cases with {@code new}: the models and lexicon once, the intake rules, the article
 * registry, the submission of drafts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UsersProperties.class)
public class IntakeConfiguration {

    /** Review's four-eyes rule, read from the same setting, for the writer's forecast; a bad setting stops the start. */
    @Bean
    FourEyesRule fourEyesRule(Environment environment) {
        return Binder.get(environment)
                .bind(FourEyesSetting.PREFIX, FourEyesSetting.class)
                .orElseGet(() -> new FourEyesSetting(null, null))
                .rule();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The configured users; none is fine only when bearer tokens are accepted (a JwtDecoder exists). */
    @Bean
    Accounts accounts(UsersProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
        return accounts(properties, jwtDecoder.getIfAvailable() != null);
    }

    Accounts accounts(UsersProperties properties, boolean acceptsBearerTokens) {
        List<UsersProperties.User> users = properties.users();
        if (users.isEmpty() && !acceptsBearerTokens) {
            throw new IllegalStateException("No users configured: set vetted.security.users (username, password, "
                    + "display-name, roles, credential), or spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "(or jwk-set-uri) to accept bearer tokens, or run with the 'local' profile for the demo "
                    + "accounts. Intake does not start without a way to sign in.");
        }
        return new Accounts(users.stream().map(IntakeConfiguration::account).toList());
    }

    static Account account(UsersProperties.User user) {
        if (user.username() == null
                || user.username().isBlank()
                || user.password() == null
                || user.password().isBlank()) {
            throw new IllegalStateException("vetted.security.users: every user needs a username and a password");
        }
        if (user.roles().isEmpty()) {
            throw new IllegalStateException("vetted.security.users: user '" + user.username() + "' has no roles");
        }
        Set<Role> roles;
        try {
            roles = user.roles(Role.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("vetted.security.users: " + e.getMessage());
        }
        if (roles.contains(Role.MEDICAL_REVIEWER)
                && (user.credential() == null || user.credential().isBlank())) {
            throw new IllegalStateException("vetted.security.users: MEDICAL_REVIEWER '" + user.username()
                    + "' has no credential (MD, DO, PharmD, RD, ...): a reviewer without one may not review");
        }
        String displayName =
                user.displayName() == null || user.displayName().isBlank() ? user.username() : user.displayName();
        // Usernames are matched without case (SignedInUser.canonical): the account is known by that form.
        return new Account(SignedInUser.canonical(user.username()), displayName, roles, user.credential());
    }

    @Bean
    EnglishModels englishModels() {
        return EnglishModels.fromClasspath();
    }

    @Bean
    ClaimExtractor claimExtractor(EnglishModels models) {
        return new ClaimExtractor(models, ClaimLexicon.standard());
    }

    /** Whether a rejection closes an article or leaves it open to a new revision (default). */
    @Bean
    RejectedArticles rejectedArticles(@Value("${vetted.intake.rejected-articles:revisable}") String setting) {
        return RejectedArticles.of(setting);
    }

    @Bean
    DraftIntake draftIntake(ClaimExtractor claims, Accounts accounts, RejectedArticles rejectedArticles, Clock clock) {
        return new DraftIntake(
                        new PlainTextDraftParser(),
                        new MarkdownDraftParser(),
                        new DraftRules(),
                        claims,
                        new ExpertExtractor(),
                        accounts,
                        DraftIntake.READING_BUDGET)
                .withRejectedArticles(rejectedArticles)
                .withClock(clock);
    }

    /**
     * The articles' view in PostgreSQL, shared by every instance. At most three submissions hold an article lock at
     * once: each uses two connections of the pool (ten), which must keep some for the consumer and for reads.
     */
    @Bean
    ArticleRegistry articleRegistry(
            DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transactions, ArticleRecords records) {
        return new JdbcArticleRegistry(dataSource, jdbc, transactions, records, 3);
    }

    /** How the registry reads its kept records back: checked with the keys {@code trackArticle} trusts. */
    @Bean
    ArticleRecords articleRecords(Signatures signatures) {
        return new SignedArticleRecords(signatures);
    }

    /** The write path of POST /api/drafts, publishing through the messaging adapter ({@code KafkaDraftPublisher}). */
    @Bean
    DraftSubmissions draftSubmissions(
            DraftIntake intake,
            ArticleRegistry registry,
            DraftPublisher publisher,
            Clock clock,
            SubmissionLedger ledger) {
        return new DraftSubmissions(intake, registry, publisher, clock, ledger, Duration.ofSeconds(10));
    }

    /** The writers' form tokens and the warnings of published revisions, in the same database. */
    @Bean
    SubmissionLedger submissionLedger(JdbcTemplate jdbc) {
        return new JdbcSubmissionLedger(jdbc);
    }
}
