package org.vetted.review.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.vetted.review.domain.staff.Staff;

class StaffConfigurationTest {
    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(StaffConfiguration.class);

    @Test
    void withoutUsersTheServiceRefusesToStart() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            FailureAnalysis analysis = new StaffMisconfiguredFailureAnalyzer().analyze(failure);
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).contains("no users are configured");
            assertThat(analysis.getAction()).contains("'local' profile");
        });
    }

    @Test
    void aMedicalReviewerWithoutACredentialIsAStartupError() {
        runner.withPropertyValues(
                        "vetted.security.users[0].username=rita",
                        "vetted.security.users[0].password={noop}x",
                        "vetted.security.users[0].display-name=Rita",
                        "vetted.security.users[0].roles=MEDICAL_REVIEWER")
                .run(context -> assertThat(new StaffMisconfiguredFailureAnalyzer()
                                .analyze(context.getStartupFailure())
                                .getDescription())
                        .contains("medical reviewer 'rita' has no credential"));
    }

    @Test
    void configuredUsersBecomeStaff() {
        runner.withPropertyValues(
                        "vetted.security.users[0].username=paul",
                        "vetted.security.users[0].password={noop}x",
                        "vetted.security.users[0].display-name=Paul Park",
                        "vetted.security.users[0].roles=MEDICAL_REVIEWER",
                        "vetted.security.users[0].credential=PharmD")
                .run(context -> assertThat(context.getBean(Staff.class).find("paul"))
                        .get()
                        .satisfies(paul ->
                                assertThat(paul.isCredentialedMedicalReviewer()).isTrue()));
    }
}
