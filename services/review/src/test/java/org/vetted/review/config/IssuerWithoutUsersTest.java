package org.vetted.review.config;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.SigningKey;
import org.vetted.support.projection.TestDatabase;

/**
 * No users, an issuer: the service starts (the issuer is not contacted at start) and asks for a bearer token. No
 * profile either, as in a deployment: the test and local profiles bring users, so the keys are freshly generated ones
 * (the demo keys are refused without those profiles).
 */
@SpringBootTest(
        properties = {
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=https://issuer.invalid/vetted",
            "vetted.security.jwt.audience=vetted-review"
        })
@AutoConfigureMockMvc
@Import(TestChannelBinderConfiguration.class)
class IssuerWithoutUsersTest {
    @DynamicPropertySource
    static void ownKeys(DynamicPropertyRegistry registry) {
        for (Issuer issuer : Issuer.values()) {
            SigningKey key = SigningKey.generate(issuer, issuer.id() + "-test");
            if (issuer == Issuer.REVIEW) {
                registry.add("vetted.signing.key", key::privateJwk);
            }
            registry.add(
                    "vetted.signing.trusted." + issuer.id(),
                    () -> key.publicJwk().toJSONString());
        }
        TestDatabase.register(registry);
    }

    @Autowired
    MockMvc mvc;

    @Test
    void anIssuerAloneIsEnoughToStartAndOnlyBearerTokensAreOffered() throws Exception {
        mvc.perform(get("/api/reviews"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        mvc.perform(get("/api/reviews").with(httpBasic("rita", "rita-pass"))).andExpect(status().isUnauthorized());
    }

    @Test
    void theSignInPageSaysThereIsNoPasswordSignInInsteadOfOfferingAFormThatCannotWork() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"no-password-sign-in\"")))
                .andExpect(content().string(not(containsString("name=\"password\""))));
    }
}
