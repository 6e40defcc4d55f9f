package org.vetted.intake.domain.claims;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vetted.intake.domain.drafts.Intakes;

class ExpertExtractorTest {
    private final ExpertExtractor extractor = Intakes.EXPERTS;

    @Test
    void credentialedExpertsAreFoundInEveryAttributionShape() {
        ExpertsFound found = extractor.extract("""
                “Stress shows up in the body,” says Alex Moreau, MD, a board-certified psychiatrist in Boston, Massachusetts.
                “Rest helps,” explains Noor Haddad, LCSW. Kim Lee, RD, MPH, a dietitian, agrees.
                “Sleep comes first,” Dr. Moreau says.
                """);

        assertThat(found.experts())
                .containsExactly(
                        new Expert("Alex Moreau", "MD"),
                        new Expert("Noor Haddad", "LCSW"),
                        new Expert("Kim Lee", "RD, MPH"));
        assertThat(found.warnings()).isEmpty();
    }

    @Test
    void anExpertQuotedWithoutACredentialIsReportedOnceWithAWarning() {
        ExpertsFound found = extractor.extract("“Breathe slowly,” says Hypolite. “It calms you,” says Hypolite.\n");

        assertThat(found.experts()).containsExactly(new Expert("Hypolite", null));
        assertThat(found.warnings()).containsExactly("quoted expert \"Hypolite\" has no stated credential");
    }

    @Test
    void aPlaceWithAStateAbbreviationIsNoExpert() {
        assertThat(extractor
                        .extract("She trained in Baltimore, MD, and in Jackson, MS.\n")
                        .experts())
                .isEmpty();
    }

    @Test
    void doctorWithoutAnyOtherCredentialKeepsTheTitleAsCredential() {
        assertThat(extractor.extract("“Walk daily,” Dr. Okafor says.\n").experts())
                .containsExactly(new Expert("Okafor", "Dr."));
    }

    @Test
    void atMostAHundredPeopleAreListedAndTheRestIsSaid() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            text.append("\"It helps,\" says Quinn Person")
                    .append((char) ('a' + i / 26))
                    .append((char) ('a' + i % 26))
                    .append(", MD, a doctor.\n\n");
        }

        ExpertsFound found = new ExpertExtractor().extract(text.toString());

        assertThat(found.experts()).hasSize(ExpertExtractor.MAX_EXPERTS);
        assertThat(found.warnings()).containsExactly("more than 100 quoted people: only the first 100 are listed");
    }
}
