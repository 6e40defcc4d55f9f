package org.vetted.web.signin;

import java.time.Duration;
import java.time.InstantSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What every service with sign-in needs alike: the users, token and throttle settings, the password encoder and the
 * throttle. A service's own beans of these types win.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableConfigurationProperties({
    UsersProperties.class,
    JwtClaimsProperties.class,
    BearerTokens.Properties.class,
    SignInThrottle.Properties.class
})
public class SignInAutoConfiguration {

    /**
     * Passwords in Spring's {@code {id}encoded} form; a password found right is remembered for five minutes (see
     * {@link RememberingPasswordEncoder}: HTTP Basic would otherwise pay a bcrypt check on every request).
     */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(
                PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                Duration.ofMinutes(5),
                10_000,
                InstantSource.system());
    }

    /** Failed password sign-ins, counted for the form and for Basic together (in memory, per instance). */
    @Bean
    @ConditionalOnMissingBean
    SignInThrottle signInThrottle(SignInThrottle.Properties properties) {
        return new SignInThrottle(properties, InstantSource.system());
    }
}
