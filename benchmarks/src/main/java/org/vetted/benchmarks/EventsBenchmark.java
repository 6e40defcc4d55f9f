package org.vetted.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecordBase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.vetted.contract.ContentHash;
import org.vetted.contract.EventCatalog;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.contract.signing.Signatures;
import org.vetted.events.Approval;
import org.vetted.events.ArticleApproved;
import org.vetted.events.Author;
import org.vetted.events.Reviewer;

/**
 * Serde plus signatures on an approval as review writes it and rendering reads it: the content hash, signing the
 * approval and the event (Ed25519), Avro encoding with the catalog's header, and the reverse: decoding and verifying.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EventsBenchmark {
    private static final Reviewer REVIEWER = new Reviewer("rita", "Rita Reyes", "MD");

    @Param({"short", "long"})
    String article;

    private final EventCatalog catalog = EventCatalog.standard();
    private final Signatures review = DemoKeys.signaturesOf(Issuer.REVIEW);
    private final Signatures rendering = DemoKeys.signaturesOf(Issuer.RENDERING);
    private Articles text;
    private byte[] encoded;

    @Setup
    public void setUp() {
        text = Articles.of(article);
        encoded = signAndEncode();
        if (verifyDecoded().isPresent()) {
            throw new IllegalStateException("the signed approval does not verify: " + verifyDecoded());
        }
    }

    /** What review does for an approval: hash, sign the approval and the event, encode. */
    @Benchmark
    public byte[] signAndEncode() {
        String articleId = "bench-" + UUID.randomUUID();
        Approval approval = Approval.newBuilder()
                .setRevision(1)
                .setContentHash(ContentHash.of(new ContentHash.Reviewed(
                        articleId,
                        text.title(),
                        null,
                        text.body(),
                        List.of(),
                        List.of(new ContentHash.Credit("walter", "Walter Webb")))))
                .setSignedOffBy(REVIEWER)
                .setClaimReviewers(List.of(REVIEWER))
                .setApprovedAt(Instant.now())
                .setSeal(null)
                .build();
        review.signApproval(articleId, approval);
        ArticleApproved approved = ArticleApproved.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setArticleId(articleId)
                .setSlug(articleId)
                .setTitle(text.title())
                .setSummary(null)
                .setAuthors(List.of(new Author("walter", "Walter Webb")))
                .setTags(List.of())
                .setBodyMarkdown(text.body())
                .setClaims(List.of())
                .setExperts(List.of())
                .setApproval(approval)
                .setComment(null)
                .build();
        return catalog.encode(review.sign(approved));
    }

    /** What rendering does on reading it: decode, verify the event's signature and the approval's. */
    @Benchmark
    public Optional<String> verifyDecoded() {
        ArticleApproved approved = (ArticleApproved) catalog.decode(encoded);
        Optional<String> problem = rendering.problem(approved);
        return problem.isPresent()
                ? problem
                : rendering.approvalProblem(approved.getArticleId(), approved.getApproval());
    }

    /** Avro alone, for scale: decode without any check. */
    @Benchmark
    public SpecificRecordBase decodeOnly() {
        return catalog.decode(encoded);
    }
}
