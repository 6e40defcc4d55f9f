package org.vetted.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.vetted.events.Approval;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;

/**
 * Keyed seals that make approvals, rendered HTML and publications unforgeable by anyone who can merely write to a
 * topic. The content hash binds an approval to its text; a seal binds everything that goes live to the service that
 * issued it, field by field: review seals each approval (with the byline and who is credited), rendering seals the
 * exact HTML it produced from a sealed approval, distribution seals what it publishes; each next hop verifies.
 * <p>
 * HMAC-SHA256 over an explicit, length-prefixed list of fields (not over the Avro bytes, so a reader on another
 * schema version computes the same seal), written {@code hmac-sha256:<hex>}. One key is shared by review, rendering
 * and distribution. Changing the key invalidates every earlier seal: approvals sealed with the old key must be
 * re-approved (key ids with a grace period for the old key are a follow-up).
 */
public final class Seals {
    public static final String PREFIX = "hmac-sha256:";
    static final int MIN_KEY_BYTES = 32;

    static {
        EventCatalog.trustEventClasses();
    }

    private final SecretKeySpec key;

    private Seals(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** @throws IllegalArgumentException when the secret is missing or shorter than 32 bytes */
    public static Seals withSecret(String secret) {
        byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the seal key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        return new Seals(bytes);
    }

    /**
     * The seal review puts on an approval: the article, where it will live (slug), who is credited (authors, tags),
     * the approved text (content hash), and the byline (signer and claim reviewers with names and credentials).
     * {@code approval.seal} itself is not part of it.
     */
    public String approval(String articleId, String slug, List<Author> authors, List<String> tags, Approval approval) {
        Fields fields = new Fields("approval").add(articleId).add(slug).authors(authors).add(tags)
                .add(approval.getRevision()).add(approval.getContentHash()).reviewer(approval.getSignedOffBy());
        fields.add(approval.getClaimReviewers().size());
        approval.getClaimReviewers().forEach(fields::reviewer);
        return mac(fields.add(approval.getApprovedAt()));
    }

    public boolean approvalIsSealed(String articleId, String slug, List<Author> authors, List<String> tags,
            Approval approval) {
        return same(approval.getSeal(), approval(articleId, slug, authors, tags, approval));
    }

    /** The seal rendering puts on what it rendered: everything distribution publishes from it, and the approval's seal. */
    public String rendering(ArticleRendered rendered) {
        return mac(new Fields("rendering").add(rendered.getArticleId()).add(rendered.getRevision())
                .add(rendered.getSlug()).add(rendered.getTitle()).add(rendered.getSummary())
                .authors(rendered.getAuthors()).add(rendered.getTags()).add(rendered.getBodyMarkdown())
                .add(rendered.getSourceHash()).add(rendered.getHtml()).add(rendered.getApproval().getSeal()));
    }

    public boolean renderingIsSealed(ArticleRendered rendered) {
        return same(rendered.getRenderSeal(), rendering(rendered));
    }

    /** The seal distribution puts on a publication: every field a reader or a page sees. */
    public String publication(ArticlePublished published) {
        return mac(new Fields("publication").add(published.getArticleId()).add(published.getRevision())
                .add(published.getSlug()).add(published.getTitle()).add(published.getSummary())
                .add(published.getHtml()).add(published.getUrl()).authors(published.getAuthors())
                .add(published.getTags()).reviewer(published.getMedicallyReviewedBy())
                .add(published.getMedicallyReviewedAt()).add(published.getContentHash())
                .add(published.getPublishedAt()));
    }

    public boolean publicationIsSealed(ArticlePublished published) {
        return same(published.getSeal(), publication(published));
    }

    private String mac(Fields fields) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(fields.bytes()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JRE ships HmacSHA256", e);
        }
    }

    private static boolean same(String given, String expected) {
        return given != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** Length-prefixed fields, so that no text can move from one field to the next without changing the seal. */
    private static final class Fields {
        private final StringBuilder text = new StringBuilder();

        Fields(String purpose) {
            add(purpose);
        }

        Fields add(String value) {
            if (value == null) {
                text.append("-\n");
            } else {
                text.append(value.length()).append(':').append(value).append('\n');
            }
            return this;
        }

        Fields add(int value) {
            return add(Integer.toString(value));
        }

        Fields add(Instant value) {
            return add(value == null ? null : Long.toString(value.toEpochMilli()));
        }

        Fields add(List<String> values) {
            add(values.size());
            values.forEach(this::add);
            return this;
        }

        Fields authors(List<Author> authors) {
            add(authors.size());
            authors.forEach(author -> add(author.getUsername()).add(author.getDisplayName()));
            return this;
        }

        Fields reviewer(Reviewer reviewer) {
            return add(reviewer.getUsername()).add(reviewer.getDisplayName()).add(reviewer.getCredential());
        }

        byte[] bytes() {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
