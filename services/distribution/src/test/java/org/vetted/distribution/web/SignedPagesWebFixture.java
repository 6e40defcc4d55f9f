package org.vetted.distribution.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import java.text.ParseException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.distribution.Replay;
import org.vetted.distribution.config.ArticlePageProperties;
import org.vetted.distribution.config.DistributionProperties;
import org.vetted.distribution.domain.PublicSite;
import org.vetted.support.projection.SharedProjection;

/**
 * The set-up the page web tests share: a site at {@code http://localhost:8084} (or {@code vetted.test.site-url}) that signs what it serves with
 * distribution's demo key, on a page projection of its own, caught up before each test. A test extends this class,
 * imports {@link SigningSite} and a configuration of its own with the {@code PageStore} it serves.
 */
abstract class SignedPagesWebFixture {

    @TestConfiguration
    @EnableConfigurationProperties({DistributionProperties.class, ArticlePageProperties.class})
    static class SigningSite {
        @Bean
        PublicSite publicSite(@Value("${vetted.test.site-url:http://localhost:8084}") String siteUrl) {
            return new PublicSite(siteUrl);
        }

        @Bean
        SharedProjection pagesProjection() {
            return Replay.projectionOnItsOwnDatabase();
        }

        @Bean
        Signatures signatures() {
            return DemoKeys.signaturesOf(Issuer.DISTRIBUTION);
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    SharedProjection projection;

    @BeforeEach
    void caughtUp() {
        Replay.markCaughtUp(projection);
    }

    /** What the {@code signature} of a signed JSON body signs, once it verifies with distribution's trusted key. */
    static Payload verifiedPayload(String body) throws ParseException {
        String signature = JsonPath.read(body, "$.signature");
        assertThat(DemoKeys.trusted().verifyCompact(Issuer.DISTRIBUTION, signature))
                .isEmpty();
        return JWSObject.parse(signature).getPayload();
    }
}
