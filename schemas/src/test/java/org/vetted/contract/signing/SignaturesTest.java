package org.vetted.contract.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.EventsForTests;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Author;
import org.vetted.events.Claim;
import org.vetted.events.ClaimApproval;
import org.vetted.events.ClaimDecision;
import org.vetted.events.ClaimKind;
import org.vetted.events.ClaimProvenance;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.Reviewer;

class SignaturesTest {
    private static final Instant AT = Instant.parse("2026-11-25T15:30:00Z");
    private static final Signatures INTAKE = DemoKeys.signaturesOf(Issuer.INTAKE);
    private static final Signatures REVIEW = DemoKeys.signaturesOf(Issuer.REVIEW);
    private static final Signatures RENDERING = DemoKeys.signaturesOf(Issuer.RENDERING);
    private static final Signatures DISTRIBUTION = DemoKeys.signaturesOf(Issuer.DISTRIBUTION);

    @Test
    void aSignedDraftVerifiesEverywhereAndCarriesItsKeyId() {
        DraftSubmitted draft = INTAKE.sign(EventsForTests.draft("a-1", "Vitamin D"));

        assertThat(draft.getSignature()).contains("..").startsWith("ey");
        assertThat(REVIEW.problem(draft)).isEmpty();
        assertThat(RENDERING.isSigned(draft)).isTrue();
        assertThat(draft.getSignature().split("\\.")[0]).isNotEmpty();
        assertThat(new String(java.util.Base64.getUrlDecoder()
                        .decode(draft.getSignature().split("\\.")[0])))
                .contains("\"alg\":\"EdDSA\"", "\"kid\":\"intake-demo-1\"");
    }

    static Stream<Arguments> changesToADraft() {
        return Stream.of(
                Arguments.of("authors", (Consumer<DraftSubmitted>) d -> d.setAuthors(List.of())),
                Arguments.of("a tag", (Consumer<DraftSubmitted>) d -> d.setTags(List.of("cures"))),
                Arguments.of("a claim", (Consumer<DraftSubmitted>) d -> d.setClaims(List.of(
                        new Claim("c-1", "Vitamin D cures everything.", ClaimKind.EFFECT, false, null, false)))),
                Arguments.of("the warnings", (Consumer<DraftSubmitted>) d -> d.setWarnings(List.of("x"))),
                Arguments.of("the revision", (Consumer<DraftSubmitted>) d -> d.setRevision(2)),
                Arguments.of(
                        "the submitter", (Consumer<DraftSubmitted>) d -> d.setSubmittedBy(new Author("dana", "D"))),
                Arguments.of("the event id", (Consumer<DraftSubmitted>) d -> d.setEventId("e-2")),
                Arguments.of("the time", (Consumer<DraftSubmitted>) d -> d.setSubmittedAt(AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesToADraft")
    void anyFieldChangedAfterSigningIsRefused(String field, Consumer<DraftSubmitted> change) {
        DraftSubmitted draft = INTAKE.sign(EventsForTests.draft("a-1", "Vitamin D"));
        change.accept(draft);

        assertThat(REVIEW.problem(draft)).get().asString().contains("not signed by the intake service");
    }

    @Test
    void anUnsignedOrMalformedSignatureIsRefused() {
        DraftSubmitted draft = EventsForTests.draft("a-1", "Vitamin D");
        assertThat(REVIEW.problem(draft)).get().asString().contains("carries no signature");

        draft.setSignature("eyJhbGciOiJub25lIn0..");
        assertThat(REVIEW.isSigned(draft)).as("alg none").isFalse();
        draft.setSignature("eyJhbGciOiJIUzI1NiIsImtpZCI6ImludGFrZS1kZW1vLTEifQ..c2ln");
        assertThat(REVIEW.problem(draft)).get().asString().contains("not EdDSA");

        draft.setSignature("not a jws");
        assertThat(REVIEW.isSigned(draft)).isFalse();
    }

    @Test
    void aServiceSignsOnlyWhatItsTopicOwns() {
        assertThatThrownBy(() -> RENDERING.signApproval("a-1", approval()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only the review service");
        assertThatThrownBy(() -> REVIEW.sign(EventsForTests.draft("a-1", "T")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only the intake service");
    }

    @Test
    void anotherServicesKeyCannotMintAnApproval() {
        // Rendering's private key, dressed up as review's: its kid is not one of review's keys.
        Signatures forger = new Signatures(
                SigningKey.parse(
                        Issuer.REVIEW, DemoKeys.signingKey(Issuer.RENDERING).privateJwk()),
                DemoKeys.trusted());
        Approval forged = forger.signApproval("a-1", approval());

        assertThat(RENDERING.approvalProblem("a-1", forged))
                .get()
                .asString()
                .contains("rendering-demo-1", "not a key of the review service");
        assertThat(RENDERING.approvalProblem("a-1", REVIEW.signApproval("a-1", approval())))
                .isEmpty();
    }

    @Test
    void anApprovalIsBoundToItsArticleAndEveryField() {
        Approval signed = REVIEW.signApproval("a-1", approval());

        assertThat(RENDERING.approvalProblem("a-2", signed)).isPresent();
        assertThat(RENDERING.approvalProblem(
                        "a-1",
                        Approval.newBuilder(signed).setContentHash("sha256v2:0").build()))
                .isPresent();
        assertThat(RENDERING.approvalProblem(
                        "a-1",
                        Approval.newBuilder(signed).setClaimReviewers(List.of()).build()))
                .isPresent();
        assertThat(RENDERING.approvalProblem(
                        "a-1",
                        Approval.newBuilder(signed)
                                .setSignedOffBy(new Reviewer("rita", "Rita Reyes", "PhD"))
                                .build()))
                .isPresent();
    }

    @Test
    void anApprovalEventNeedsBothTheEventsAndTheApprovalsSignature() {
        ArticleApproved approved = approved();
        REVIEW.signApproval("a-1", approved.getApproval());
        REVIEW.sign(approved);
        assertThat(RENDERING.problem(approved)).isEmpty();

        approved.setComment("changed on the way");
        assertThat(RENDERING.problem(approved)).isPresent();
    }

    @Test
    void aRenderingCoversTheApprovalItCarries() {
        ArticleApproved approved = approved();
        REVIEW.signApproval("a-1", approved.getApproval());
        ArticleRendered rendered = ArticleRendered.newBuilder()
                .setEventId("r-1")
                .setArticleId("a-1")
                .setRevision(1)
                .setSlug("s")
                .setTitle("T")
                .setBodyMarkdown("B")
                .setSourceHash("h")
                .setHtml("<p>B</p>")
                .setApproval(approved.getApproval())
                .setRenderedAt(AT)
                .build();
        RENDERING.sign(rendered);
        assertThat(REVIEW.problem(rendered)).isEmpty();

        rendered.setHtml("<p>C</p>");
        assertThat(REVIEW.problem(rendered)).get().asString().contains("not signed by the rendering service");
    }

    @Test
    void rotatedKeysVerifyDuringTheGracePeriodAndNotAfter() {
        SigningKey old = DemoKeys.signingKey(Issuer.REVIEW);
        SigningKey next = SigningKey.generate(Issuer.REVIEW, "review-2027-01");
        TrustedKeys both = TrustedKeys.builder()
                .trust(Issuer.REVIEW, old.publicJwk())
                .trust(Issuer.REVIEW, next.publicJwk())
                .build();
        TrustedKeys onlyNext =
                TrustedKeys.builder().trust(Issuer.REVIEW, next.publicJwk()).build();
        ClaimReviewed signedBefore = new Signatures(old, both).sign(decision());
        ClaimReviewed signedAfter = new Signatures(next, both).sign(decision());

        assertThat(new Signatures(null, both).problem(signedBefore)).isEmpty();
        assertThat(new Signatures(null, both).problem(signedAfter)).isEmpty();
        assertThat(new Signatures(null, onlyNext).problem(signedAfter)).isEmpty();
        assertThat(new Signatures(null, onlyNext).problem(signedBefore)).isPresent();
        assertThat(both.jwkSet(Issuer.REVIEW).getKeys())
                .allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
    }

    @Test
    void aSignatureSurvivesTheWire() {
        ClaimReviewed signed = REVIEW.sign(decision());
        ClaimReviewed decoded = (ClaimReviewed)
                EventCatalog.standard().decode(EventCatalog.standard().encode(signed));

        assertThat(INTAKE.problem(decoded)).isEmpty();
    }

    @Test
    void aPublicationsCreditsAreSignedAndOneWithoutThemReadsAsBefore() {
        Reviewer paul = new Reviewer("paul", "Paul Park", "PharmD");
        Reviewer rita = new Reviewer("rita", "Rita Reyes", "MD");
        ArticlePublished credited = DISTRIBUTION.sign(published(List.of(paul, rita)));
        assertThat(REVIEW.problem(credited)).isEmpty();

        ArticlePublished reordered = ArticlePublished.newBuilder(credited)
                .setMedicalReviewers(List.of(rita, paul))
                .build();
        ArticlePublished dropped = ArticlePublished.newBuilder(credited)
                .setMedicalReviewers(List.of(paul))
                .build();
        assertThat(REVIEW.problem(reordered)).isPresent();
        assertThat(REVIEW.problem(dropped)).isPresent();

        // Signed before the field existed: it decodes at its default, which the canonical form leaves out.
        ArticlePublished unsigned = published(List.of());
        byte[] signedAsV2 = CanonicalForm.of("org.vetted.events.ArticlePublished", unsigned, List.of("seal"));
        ArticlePublished older = DISTRIBUTION.sign(published(List.of()));
        assertThat(CanonicalForm.of("org.vetted.events.ArticlePublished", older, List.of("seal")))
                .isEqualTo(signedAsV2);
        assertThat(new String(signedAsV2, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("medicalReviewers");
        assertThat(REVIEW.problem((ArticlePublished)
                        EventCatalog.standard().decode(EventCatalog.standard().encode(older))))
                .isEmpty();
    }

    static Stream<Arguments> changesToAProvenanceEntry() {
        return Stream.of(
                Arguments.of("the sentence", (Consumer<ClaimProvenance>) p -> p.setSentence("Vitamin D cures colds.")),
                Arguments.of("the reviewer", (Consumer<ClaimProvenance>)
                        p -> p.getApprovals().get(0).setReviewer(new Reviewer("mo", "Mo Mallory", "MD"))),
                Arguments.of("the date", (Consumer<ClaimProvenance>)
                        p -> p.getApprovals().get(0).setDecidedAt(AT.plusSeconds(86_400))),
                Arguments.of("the revision it was made on", (Consumer<ClaimProvenance>)
                        p -> p.getApprovals().get(0).setRevision(2)),
                Arguments.of("the reference", (Consumer<ClaimProvenance>)
                        p -> p.getApprovals().get(0).setReference("https://evil.example/")),
                Arguments.of("the reference's link", (Consumer<ClaimProvenance>)
                        p -> p.getApprovals().get(0).setReferenceUrl("https://evil.example/")),
                Arguments.of("an approval removed", (Consumer<ClaimProvenance>) p -> p.setApprovals(List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesToAProvenanceEntry")
    void aProvenanceEntryChangedOnAnyHopBreaksThatHopsSignature(String field, Consumer<ClaimProvenance> change) {
        Approval approval = REVIEW.signApproval("a-1", withProvenance(approval()));
        ArticleApproved approved = REVIEW.sign(
                ArticleApproved.newBuilder(approved()).setApproval(approval).build());
        assertThat(RENDERING.problem(approved)).isEmpty();
        ArticlePublished published = DISTRIBUTION.sign(ArticlePublished.newBuilder(published(List.of()))
                .setClaimProvenance(
                        List.of(withProvenance(approval()).getClaimProvenance().get(0)))
                .build());
        assertThat(REVIEW.problem(published)).isEmpty();

        Approval altered = Approval.newBuilder(approval).build();
        change.accept(altered.getClaimProvenance().get(0));
        assertThat(RENDERING.approvalProblem("a-1", altered))
                .as("review's seal on the approval")
                .isPresent();
        ArticleApproved alteredEvent = ArticleApproved.newBuilder(approved).build();
        change.accept(alteredEvent.getApproval().getClaimProvenance().get(0));
        assertThat(RENDERING.problem(alteredEvent)).as("the approval event").isPresent();
        ArticlePublished alteredPublished =
                ArticlePublished.newBuilder(published).build();
        change.accept(alteredPublished.getClaimProvenance().get(0));
        assertThat(REVIEW.problem(alteredPublished))
                .as("distribution's seal")
                .get()
                .asString()
                .contains("not signed by the distribution service");
    }

    @Test
    void aProvenanceEntryChangedInARenderingBreaksTheRenderSeal() {
        Approval approval = REVIEW.signApproval("a-1", withProvenance(approval()));
        ArticleRendered rendered = RENDERING.sign(ArticleRendered.newBuilder()
                .setEventId("r-1")
                .setArticleId("a-1")
                .setRevision(1)
                .setSlug("s")
                .setTitle("T")
                .setBodyMarkdown("B")
                .setSourceHash("h")
                .setHtml("<p>B</p>")
                .setApproval(approval)
                .setRenderedAt(AT)
                .build());
        assertThat(REVIEW.problem(rendered)).isEmpty();

        rendered.getApproval().getClaimProvenance().get(0).getApprovals().get(0).setReference(null);
        assertThat(REVIEW.problem(rendered)).isPresent();
    }

    @Test
    void anApprovalWithoutProvenanceSignsAsBeforeTheFieldExisted() {
        Approval without = approval();
        assertThat(new String(
                        CanonicalForm.of("approval", without, List.of("seal")),
                        java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("claimProvenance");
        assertThat(new String(
                        CanonicalForm.of("approval", withProvenance(approval()), List.of("seal")),
                        java.nio.charset.StandardCharsets.UTF_8))
                .contains("claimProvenance", "Vitamin D supports bone health.", "https://doi.org/10.1000/xyz");
    }

    private static Approval withProvenance(Approval approval) {
        approval.setClaimProvenance(List.of(ClaimProvenance.newBuilder()
                .setClaimId("c-1")
                .setSentence("Vitamin D supports bone health.")
                .setApprovals(List.of(ClaimApproval.newBuilder()
                        .setReviewer(new Reviewer("rita", "Rita Reyes", "MD"))
                        .setDecidedAt(AT)
                        .setRevision(1)
                        .setReference("doi:10.1000/xyz")
                        .setReferenceUrl("https://doi.org/10.1000/xyz")
                        .build()))
                .build()));
        return approval;
    }

    private static ArticlePublished published(List<Reviewer> credits) {
        return ArticlePublished.newBuilder()
                .setEventId("p-1")
                .setArticleId("a-1")
                .setRevision(1)
                .setSlug("s")
                .setTitle("T")
                .setSummary("S")
                .setHtml("<p>B</p>")
                .setMedicallyReviewedBy(
                        credits.isEmpty() ? new Reviewer("paul", "Paul Park", "PharmD") : credits.get(0))
                .setMedicalReviewers(credits)
                .setMedicallyReviewedAt(AT)
                .setContentHash("sha256v2:abc")
                .setPublishedAt(AT)
                .build();
    }

    private static ClaimReviewed decision() {
        return ClaimReviewed.newBuilder()
                .setEventId("d-1")
                .setArticleId("a-1")
                .setRevision(1)
                .setContentHash("sha256v2:abc")
                .setClaimId("c-1")
                .setDecision(ClaimDecision.APPROVED)
                .setReviewer(new Reviewer("rita", "Rita Reyes", "MD"))
                .setReviewedAt(AT)
                .build();
    }

    private static Approval approval() {
        Reviewer rita = new Reviewer("rita", "Rita Reyes", "MD");
        return Approval.newBuilder()
                .setRevision(1)
                .setContentHash("sha256v2:abc")
                .setSignedOffBy(rita)
                .setClaimReviewers(List.of(rita))
                .setApprovedAt(AT)
                .build();
    }

    private static ArticleApproved approved() {
        return ArticleApproved.newBuilder()
                .setEventId("ap-1")
                .setArticleId("a-1")
                .setSlug("s")
                .setTitle("T")
                .setBodyMarkdown("B")
                .setApproval(approval())
                .build();
    }
}
