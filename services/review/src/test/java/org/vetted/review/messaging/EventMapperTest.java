package org.vetted.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetted.contract.PoisonEventException;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.ArticleApproved;
import org.vetted.events.Author;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.review.app.Incoming;
import org.vetted.review.domain.board.Approval;
import org.vetted.review.domain.board.ClaimDecision;
import org.vetted.review.domain.board.ClaimProvenance;
import org.vetted.review.domain.board.ClaimVerdict;
import org.vetted.review.domain.board.ReviewEvent;
import org.vetted.review.domain.board.ReviewEvent.ClaimDecided;
import org.vetted.review.domain.board.ReviewEvent.DraftArrived;
import org.vetted.review.domain.board.ReviewEvent.RevisionApproved;
import org.vetted.review.domain.draft.ClaimKind;
import org.vetted.review.domain.draft.Draft;
import org.vetted.review.domain.staff.Reviewer;
import org.vetted.review.support.DraftEvents;

class EventMapperTest {
    private static final Reviewer PAUL = new Reviewer("paul", "Paul Park", "PharmD");
    private static final Reviewer RITA = new Reviewer("rita", "Rita Reyes", "MD");

    private final EventMapper mapper = new EventMapper(DemoKeys.signaturesOf(Issuer.REVIEW));

    @Test
    void aDraftKeepsItsTextExactly() {
        DraftSubmitted draft = DraftEvents.draft("art-1", 1, true);

        DraftArrived arrived = (DraftArrived) fact(draft);

        assertThat(arrived.draft().bodyMarkdown())
                .isEqualTo(draft.getBodyMarkdown())
                .contains("\u00a0", "“", "—");
        assertThat(arrived.draft().claims())
                .extracting(claim -> claim.kind())
                .containsExactly(ClaimKind.EFFECT, ClaimKind.DOSE);
        assertThat(arrived.draft().claims())
                .extracting(claim -> claim.absolute())
                .containsExactly(false, false);

        org.vetted.events.Claim cures = new org.vetted.events.Claim(
                "c-cure", "Turmeric cures arthritis.", org.vetted.events.ClaimKind.EFFECT, false, null, true);
        DraftArrived flagged = (DraftArrived)
                fact(DraftEvents.draft("art-2", 1, false, DraftEvents.body(1), java.util.List.of(cures)));
        assertThat(flagged.draft().claims())
                .singleElement()
                .satisfies(claim -> assertThat(claim.absolute()).isTrue());
        assertThat(arrived.draft().isAuthoredBy("dana")).isTrue();
    }

    static Stream<Arguments> changesOutsideTheText() {
        return Stream.of(
                Arguments.of(
                        "body", (UnaryOperator<DraftSubmitted.Builder>) d -> d.setBodyMarkdown("Turmeric cures.\n")),
                Arguments.of("tags", (UnaryOperator<DraftSubmitted.Builder>) d -> d.setTags(List.of("cures"))),
                Arguments.of("slug", (UnaryOperator<DraftSubmitted.Builder>) d -> d.setSlug("turmeric-cures")),
                Arguments.of("summary", (UnaryOperator<DraftSubmitted.Builder>) d -> d.setSummary("It cures.")),
                Arguments.of("author name", (UnaryOperator<DraftSubmitted.Builder>)
                        d -> d.setAuthors(List.of(new org.vetted.events.Author("wanda", "Dr. Wanda Writer, MD")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesOutsideTheText")
    void aDraftChangedAfterIntakeSignedItIsSkippedAndOneSignedButNotMatchingItsHashIsPoison(
            String field, UnaryOperator<DraftSubmitted.Builder> change) {
        DraftSubmitted tampered = change.apply(DraftSubmitted.newBuilder(DraftEvents.draft("art-1", 1, false)))
                .build();

        assertThat(mapper.toDomain(tampered))
                .isInstanceOfSatisfying(
                        Incoming.Unsigned.class,
                        unsigned -> assertThat(unsigned.reason()).contains("not signed by the intake service"));
        DemoKeys.signaturesOf(Issuer.INTAKE).sign(tampered);
        assertThatThrownBy(() -> mapper.toDomain(tampered))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("do not hash");
    }

    @Test
    void aDraftSignedByAnyoneButIntakeIsSkipped() {
        DraftSubmitted draft = DraftEvents.draft("art-1", 1, false);
        Signatures forger = new Signatures(
                org.vetted.contract.signing.SigningKey.parse(
                        Issuer.INTAKE, DemoKeys.signingKey(Issuer.REVIEW).privateJwk()),
                DemoKeys.trusted());
        forger.sign(draft);

        assertThat(mapper.toDomain(draft)).isInstanceOf(Incoming.Unsigned.class);
    }

    @Test
    void aClaimDecisionNotSignedByReviewIsSkipped() {
        ClaimReviewed forged = mapper.toEvent(new ClaimDecided(
                "d1",
                "art-1",
                1,
                "sha256v2:x",
                new org.vetted.review.domain.board.ClaimDecision(
                        "c-pain",
                        1,
                        org.vetted.review.domain.board.ClaimVerdict.APPROVED,
                        null,
                        null,
                        RITA,
                        Instant.parse("2026-03-02T09:00:00Z"))));
        assertThat(mapper.toDomain(forged)).isInstanceOf(Incoming.Fact.class);

        forged.setReviewer(new org.vetted.events.Reviewer("rita", "Rita Reyes", "MD"));
        forged.setSignature(null);
        assertThat(mapper.toDomain(forged))
                .isInstanceOfSatisfying(
                        Incoming.Unsigned.class,
                        unsigned -> assertThat(unsigned.reason()).contains("carries no signature"));
    }

    @Test
    void anEventReviewDoesNotConsumeIsPoison() {
        assertThatThrownBy(() -> mapper.toDomain("hello")).isInstanceOf(PoisonEventException.class);
    }

    @Test
    void anApprovalReadBackWithItsSealIsAFact() {
        ArticleApproved sealed = sealedApproval();

        assertThat(sealed.getApproval().getSeal()).startsWith("ey").contains("..");
        assertThat(sealed.getSignature()).startsWith("ey").contains("..");
        assertThat(fact(sealed)).isInstanceOfSatisfying(RevisionApproved.class, approved -> {
            assertThat(approved.approval().signedOffBy()).isEqualTo(PAUL);
            assertThat(approved.approval().contentHash())
                    .isEqualTo(sealed.getApproval().getContentHash());
        });
    }

    /** Every field the seal covers, changed after sealing: the approval is skipped, not thrown as poison. */
    static Stream<Arguments> alterations() {
        return Stream.of(
                Arguments.of("no seal", approval(a -> a.setSeal(null))),
                Arguments.of("other article", event(e -> e.setArticleId("art-2"))),
                Arguments.of("other slug", event(e -> e.setSlug("turmeric-cures-everything"))),
                Arguments.of("other authors", event(e -> e.setAuthors(List.of(new Author("mallory", "Mallory"))))),
                Arguments.of("other tags", event(e -> e.setTags(List.of("miracle-cures")))),
                Arguments.of("other revision", approval(a -> a.setRevision(2))),
                Arguments.of("other content hash", approval(a -> a.setContentHash("sha256v2:other"))),
                Arguments.of("other comment", event(e -> e.setComment("approved by nobody"))),
                Arguments.of("other body", event(e -> e.setBodyMarkdown("Turmeric cures arthritis.\n"))),
                Arguments.of(
                        "other signer",
                        approval(a -> a.setSignedOffBy(new org.vetted.events.Reviewer("mallory", "Mallory", "MD")))),
                Arguments.of(
                        "other signer credential",
                        approval(a -> a.setSignedOffBy(new org.vetted.events.Reviewer("paul", "Paul Park", "MD")))),
                Arguments.of("other claim reviewers", approval(a -> a.setClaimReviewers(List.of()))),
                Arguments.of(
                        "other approval time", approval(a -> a.setApprovedAt(Instant.parse("2026-03-03T09:00:00Z")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alterations")
    void anApprovalWhoseSealDoesNotVerifyIsSkipped(String alteration, UnaryOperator<ArticleApproved> alter) {
        ArticleApproved altered = alter.apply(sealedApproval());

        assertThat(mapper.toDomain(altered)).isInstanceOfSatisfying(Incoming.Unsigned.class, unsigned -> {
            assertThat(unsigned.type()).isEqualTo("ArticleApproved");
            assertThat(unsigned.eventId()).isEqualTo("a1");
        });
    }

    @Test
    void anApprovalCarriesEachClaimsProvenanceWithTheReferencesLinkUnderReviewsSeal() {
        Draft draft = draft();
        Instant earlier = Instant.parse("2026-03-01T08:00:00Z");
        ClaimDecision carried = new ClaimDecision(
                "c-1", 1, ClaimVerdict.APPROVED, "ok", "doi:10.1000/a<b", RITA, earlier, "lib-0123456789abcdef");
        ClaimDecision javascript = new ClaimDecision(
                "c-2", 1, ClaimVerdict.APPROVED, "ok", "javascript:alert(1)", PAUL, earlier.plusSeconds(60));
        RevisionApproved approved = new RevisionApproved(
                "a1",
                "art-1",
                approvalOf(draft),
                "fine",
                List.of(
                        new ClaimProvenance("c-1", "Magnesium may help.", "How it works", List.of(carried)),
                        new ClaimProvenance("c-2", "Trials used 200 mg.", null, List.of(javascript))));

        ArticleApproved sealed = mapper.toEvent(approved, draft);

        List<org.vetted.events.ClaimProvenance> provenance =
                sealed.getApproval().getClaimProvenance();
        assertThat(provenance)
                .extracting(p -> p.getSentence())
                .containsExactly("Magnesium may help.", "Trials used 200 mg.");
        org.vetted.events.ClaimApproval first = provenance.get(0).getApprovals().get(0);
        assertThat(first.getReviewer().getCredential()).isEqualTo("MD");
        assertThat(first.getDecidedAt()).isEqualTo(earlier);
        assertThat(first.getRevision()).isEqualTo(1);
        assertThat(first.getReference()).isEqualTo("doi:10.1000/a<b");
        assertThat(first.getReferenceUrl()).isEqualTo("https://doi.org/10.1000/a%3Cb");
        assertThat(first.getLibraryKey()).isEqualTo("lib-0123456789abcdef");
        assertThat(provenance.get(1).getApprovals().get(0).getReferenceUrl())
                .as("no link for what is no reference")
                .isNull();
        assertThat(mapper.toDomain(sealed)).isInstanceOf(Incoming.Fact.class);

        ArticleApproved altered = approval(
                        a -> a.getClaimProvenance().get(0).getApprovals().get(0).setRevision(2))
                .apply(sealed);
        assertThat(mapper.toDomain(altered)).isInstanceOf(Incoming.Unsigned.class);
    }

    @Test
    void anApprovalSignedWithAnotherKeyIsSkipped() {
        Signatures otherKey = new Signatures(
                org.vetted.contract.signing.SigningKey.generate(Issuer.REVIEW, "review-x"), DemoKeys.trusted());
        ArticleApproved forged = new EventMapper(otherKey)
                .toEvent(new RevisionApproved("a1", "art-1", approvalOf(draft()), null), draft());

        assertThat(mapper.toDomain(forged)).isInstanceOf(Incoming.Unsigned.class);
    }

    private ReviewEvent fact(Object payload) {
        return ((Incoming.Fact) mapper.toDomain(payload)).event();
    }

    private Draft draft() {
        return ((DraftArrived) fact(DraftEvents.draft("art-1", 1, true))).draft();
    }

    private static Approval approvalOf(Draft draft) {
        return new Approval(
                1, draft.contentHash(), PAUL, List.of(RITA, PAUL), Instant.parse("2026-03-02T09:00:00.123456Z"));
    }

    private ArticleApproved sealedApproval() {
        Draft draft = draft();
        return mapper.toEvent(new RevisionApproved("a1", "art-1", approvalOf(draft), "fine"), draft);
    }

    private static UnaryOperator<ArticleApproved> event(Consumer<ArticleApproved.Builder> change) {
        return approved -> {
            ArticleApproved.Builder builder = ArticleApproved.newBuilder(approved);
            change.accept(builder);
            return builder.build();
        };
    }

    private static UnaryOperator<ArticleApproved> approval(Consumer<org.vetted.events.Approval.Builder> change) {
        return event(builder -> {
            org.vetted.events.Approval.Builder approval = org.vetted.events.Approval.newBuilder(builder.getApproval());
            change.accept(approval);
            builder.setApproval(approval.build());
        });
    }
}
