package org.vetted.support.signing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;

/**
 * The seal checks, written once for every service: a record counts only when it is complete and every signature on
 * it verifies with a trusted key of the service owning its topic ({@link Signatures#problem}: for an approval or a
 * rendering, review's seal on the approval too). Completeness comes first because a decoded record never lacks these
 * fields but a hand-built one might, and must be refused with a reason rather than crash the canonical form.
 * What is signed and how stays the contract's; this adds nothing to it.
 */
public final class Seals {
    private final Signatures signatures;

    public Seals(Signatures signatures) {
        this.signatures = signatures;
    }

    /** Why {@code event} may not be trusted, or empty when it is complete and sealed by its owner. */
    public Optional<String> problem(SpecificRecordBase event) {
        return incomplete(event).or(() -> signatures.problem(event));
    }

    /** Seals {@code event} in place with this service's key and returns it; built unsealed, sealed here. */
    public <T extends SpecificRecordBase> T seal(T event) {
        return signatures.sign(event);
    }

    /** This service's detached JWS over the exact bytes of a record it writes ({@link Signatures#signValue}). */
    public String signValue(byte[] value) {
        return signatures.signValue(value);
    }

    /**
     * Why {@code detachedJws} is not {@code writer}'s signature over exactly {@code value}, or empty when it is
     * ({@link Signatures#valueProblem}).
     */
    public Optional<String> valueProblem(Issuer writer, String detachedJws, byte[] value) {
        return signatures.valueProblem(writer, detachedJws, value);
    }

    private static Optional<String> incomplete(SpecificRecordBase event) {
        if (event instanceof ArticleApproved approved) {
            return approvalIncomplete(
                            approved.getArticleId(), approved.getApproval(), approved.getAuthors(), approved.getTags())
                    ? Optional.of("the approval is incomplete")
                    : Optional.empty();
        }
        if (event instanceof ArticleRendered rendered) {
            return approvalIncomplete(
                            rendered.getArticleId(), rendered.getApproval(), rendered.getAuthors(), rendered.getTags())
                    ? Optional.of("the rendering or its approval is incomplete")
                    : Optional.empty();
        }
        if (event instanceof ArticlePublished published) {
            return published.getMedicallyReviewedBy() == null
                            || !noneMissing(published.getAuthors())
                            || !noneMissing(published.getTags())
                            || !noneMissing(published.getMedicalReviewers())
                            || !noneMissing(published.getClaimProvenance())
                    ? Optional.of("the publication is incomplete")
                    : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean approvalIncomplete(String articleId, Approval approval, List<?> authors, List<?> tags) {
        return approval == null
                || articleId == null
                || approval.getSignedOffBy() == null
                || !noneMissing(authors)
                || !noneMissing(tags)
                || !noneMissing(approval.getClaimReviewers())
                || !noneMissing(approval.getClaimProvenance());
    }

    private static boolean noneMissing(List<?> values) {
        return values != null && values.stream().allMatch(Objects::nonNull);
    }
}
