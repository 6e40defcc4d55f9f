package org.vetted.support.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.vetted.support.projection.ProjectionReadiness;

/**
 * What every service offers an operator besides health: {@code /actuator/prometheus} behind {@link MetricsToken}, and
 * the gauge {@code vetted.projection.ready} (1 when the service's projection has caught up with its topics, 0 while
 * it replays) for a service that keeps one.
 */
@AutoConfiguration
public class ObservabilityAutoConfiguration {
    /** Before Spring Security's chain, so the token decides alone and the services' sign-in need not know it. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "jakarta.servlet.Filter")
    public FilterRegistrationBean<MetricsToken> metricsToken(Environment environment) {
        String token = environment.getProperty("vetted.metrics.token", "");
        if (!token.isBlank() && !MetricsToken.isUsable(token)) {
            throw new IllegalStateException("vetted.metrics.token (VETTED_METRICS_TOKEN) must have at least "
                    + MetricsToken.MIN_LENGTH + " characters, or be empty to turn /actuator/prometheus off");
        }
        FilterRegistrationBean<MetricsToken> registration = new FilterRegistrationBean<>(new MetricsToken(token));
        registration.setUrlPatterns(List.of("/actuator/prometheus", "/actuator/prometheus/*"));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setName("vettedMetricsToken");
        return registration;
    }

    @Bean
    public MeterBinder projectionReadyGauge(ObjectProvider<ProjectionReadiness> readiness) {
        return registry -> readiness.ifAvailable(projection -> Gauge.builder(
                        "vetted.projection.ready", projection, p -> p.isCaughtUp() ? 1 : 0)
                .description("1 when the service's projection has caught up with its topics, 0 while it replays")
                .register(registry));
    }
}
