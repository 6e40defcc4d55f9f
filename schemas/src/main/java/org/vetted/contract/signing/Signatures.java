package org.vetted.contract.signing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;
import org.vetted.contract.EventCatalog;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleReviewDue;
import org.vetted.events.ArticleReviewExpired;
import org.vetted.events.ArticleReviewStatus;
import org.vetted.events.ArticleUnpublished;
import org.vetted.events.ArticleWithdrawn;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.ReviewReturned;

/**
 * Ed25519 signatures on every event of the contract, so that a record counts only when the service owning its topic
 * wrote it. Whoever can merely write to a topic (or holds another service's key) can forge nothing: not a draft, a
 * claim decision, an approval, a rendering nor a publication.
 * <ul>
 * <li>Each event carries one signature of its topic's owner over every field but the signature itself
 * ({@link CanonicalForm}): {@code DraftSubmitted.signature} (intake), {@code ClaimReviewed.signature},
 * {@code ReviewReturned.signature}, {@code ArticleApproved.signature}, {@code ClaimLibraryEntry.signature} (review), {@code ArticleRendered.renderSeal}
 * (rendering), {@code ArticlePublished.seal}, {@code ArticleRetracted.seal}, {@code ArticleUnpublished.seal},
 * {@code ArticleCorrected.seal} (distribution);
 * {@code ArticleWithdrawn.signature} (review).</li>
 * <li>An approval travels on: {@code Approval.seal} is review's signature over the article id and the approval
 * (revision, content hash, signer, claim reviewers, time), which rendering and distribution check wherever the
 * approval goes. The content hash binds everything that goes live, so the approval needs nothing more.</li>
 * </ul>
 * Signatures are detached compact JWS ({@code header..signature}, alg EdDSA, {@code kid} in the header). A service
 * signs with its own private key only ({@link SigningKey}) and verifies with the other services' public keys
 * ({@link TrustedKeys}).
 */
public final class Signatures {
    private static final String APPROVAL = "vetted approval v1";

    static {
        EventCatalog.trustEventClasses();
    }

    /** Which service signs each event, and in which field. */
    private record Owner(Issuer issuer, String field) {}

    private static final Map<Class<?>, Owner> OWNERS = Map.ofEntries(
            Map.entry(DraftSubmitted.class, new Owner(Issuer.INTAKE, "signature")),
            Map.entry(ClaimReviewed.class, new Owner(Issuer.REVIEW, "signature")),
            Map.entry(ReviewReturned.class, new Owner(Issuer.REVIEW, "signature")),
            Map.entry(ArticleApproved.class, new Owner(Issuer.REVIEW, "signature")),
            Map.entry(ArticleRendered.class, new Owner(Issuer.RENDERING, "renderSeal")),
            Map.entry(ArticlePublished.class, new Owner(Issuer.DISTRIBUTION, "seal")),
            Map.entry(ClaimLibraryEntry.class, new Owner(Issuer.REVIEW, "signature")),
            Map.entry(ArticleWithdrawn.class, new Owner(Issuer.REVIEW, "signature")),
            Map.entry(ArticleRetracted.class, new Owner(Issuer.DISTRIBUTION, "seal")),
            Map.entry(ArticleUnpublished.class, new Owner(Issuer.DISTRIBUTION, "seal")),
            Map.entry(ArticleReviewStatus.class, new Owner(Issuer.REVIEW, "signature")),
            Map.entry(ArticleReviewDue.class, new Owner(Issuer.DISTRIBUTION, "seal")),
            Map.entry(ArticleReviewExpired.class, new Owner(Issuer.DISTRIBUTION, "seal")),
            Map.entry(ArticleCorrected.class, new Owner(Issuer.DISTRIBUTION, "seal")));

    private final SigningKey own;
    private final TrustedKeys trusted;

    /** @param own this service's key, or null for a service that only verifies */
    public Signatures(SigningKey own, TrustedKeys trusted) {
        this.own = own;
        this.trusted = trusted;
    }

    public TrustedKeys trusted() {
        return trusted;
    }

    public Optional<SigningKey> ownKey() {
        return Optional.ofNullable(own);
    }

    /**
     * Signs {@code event} in place (its signature field) and returns it. For an approval event, sign its
     * {@link #signApproval approval} first: the event's signature covers the approval's.
     *
     * @throws IllegalStateException when this service does not own the event's topic
     */
    public <T extends SpecificRecordBase> T sign(T event) {
        Owner owner = owner(event);
        int field = event.getSchema().getField(owner.field()).pos();
        event.put(field, null);
        event.put(
                field,
                key(owner.issuer())
                        .signDetached(
                                CanonicalForm.of(event.getSchema().getFullName(), event, List.of(owner.field()))));
        return event;
    }

    /** Review's signature on an approval of {@code articleId}, set in place in {@code approval.seal}. */
    public Approval signApproval(String articleId, Approval approval) {
        approval.setSeal(null);
        approval.setSeal(key(Issuer.REVIEW).signDetached(approvalContent(articleId, approval)));
        return approval;
    }

    /**
     * Empty when every signature on {@code event} verifies with a trusted key of the service owning it (for an
     * approval or a rendering, review's signature on the approval too); otherwise the reason it does not.
     */
    public Optional<String> problem(SpecificRecordBase event) {
        Owner owner = owner(event);
        Object signature = event.get(owner.field());
        Optional<String> problem = trusted.verifyDetached(
                owner.issuer(),
                signature == null ? null : signature.toString(),
                CanonicalForm.of(event.getSchema().getFullName(), event, List.of(owner.field())));
        if (problem.isPresent()) {
            return Optional.of(event.getSchema().getName() + " is not signed by the "
                    + owner.issuer().id() + " service: " + problem.get());
        }
        if (event instanceof ArticleApproved approved) {
            return approvalProblem(approved.getArticleId(), approved.getApproval());
        }
        if (event instanceof ArticleRendered rendered) {
            return approvalProblem(rendered.getArticleId(), rendered.getApproval());
        }
        return Optional.empty();
    }

    /**
     * The Kafka header carrying {@link #signValue} of a record's value: a detached compact JWS (alg EdDSA, {@code kid}
     * of the writer's key) whose payload is the value's bytes exactly as written (Avro single-object encoding). A
     * site verifies it with any JOSE library and the writer's JWK set, without the canonical form.
     */
    public static final String VALUE_SIGNATURE_HEADER = "vetted-signature";

    /** This service's detached JWS over {@code value}, the exact bytes of a record it writes to its own topic. */
    public String signValue(byte[] value) {
        if (own == null) {
            throw new IllegalStateException("this service holds no signing key");
        }
        return own.signDetached(value);
    }

    /**
     * Empty when {@code detachedJws} is a signature by a trusted key of {@code writer} over exactly {@code value};
     * otherwise why not ("it carries no signature" when there is none).
     */
    public Optional<String> valueProblem(Issuer writer, String detachedJws, byte[] value) {
        if (detachedJws != null && !detachedJws.contains("..")) {
            // Only the detached form: an attached payload would be a second, unchecked copy of the value.
            return Optional.of("its signature is not a detached JWS");
        }
        return trusted.verifyDetached(writer, detachedJws, value);
    }

    public boolean isSigned(SpecificRecordBase event) {
        return problem(event).isEmpty();
    }

    /** Empty when {@code approval.seal} is review's signature over this approval of {@code articleId}. */
    public Optional<String> approvalProblem(String articleId, Approval approval) {
        if (approval == null) {
            return Optional.of("it carries no approval");
        }
        return trusted.verifyDetached(Issuer.REVIEW, approval.getSeal(), approvalContent(articleId, approval))
                .map(reason -> "approval is not signed by the review service: " + reason);
    }

    private static byte[] approvalContent(String articleId, Approval approval) {
        Approval unsigned = Approval.newBuilder(approval).setSeal(null).build();
        return CanonicalForm.of(APPROVAL + "\n" + articleId, unsigned, List.of("seal"));
    }

    private SigningKey key(Issuer issuer) {
        if (own == null || own.issuer() != issuer) {
            throw new IllegalStateException("only the " + issuer.id() + " service signs this; this service holds "
                    + (own == null
                            ? "no signing key"
                            : "the key of " + own.issuer().id()));
        }
        return own;
    }

    private static Owner owner(SpecificRecordBase event) {
        Owner owner = OWNERS.get(event.getClass());
        if (owner == null) {
            throw new IllegalArgumentException(
                    "not a signed event of the contract: " + event.getClass().getName());
        }
        return owner;
    }
}
