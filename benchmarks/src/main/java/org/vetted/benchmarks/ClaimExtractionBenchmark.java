package org.vetted.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

/**
 * Intake's claim extraction ({@code ClaimExtractor.extract(title, markdown)}: sentences, parts of speech, the
 * lexicon's rules) on one article, as intake runs it for every draft. Intake's classes ship only inside its Spring
 * Boot jar, so they are on the forks' class path (target/classes) and reached by name here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ClaimExtractionBenchmark {
    private static final String CLAIMS = "org.vetted.intake.domain.claims.";

    @Param({"short", "long"})
    String article;

    private Articles text;
    private Object extractor;
    private MethodHandle extract;

    @Setup
    public void setUp() throws Throwable {
        text = Articles.of(article);
        Class<?> models = Class.forName(CLAIMS + "EnglishModels");
        Class<?> lexicon = Class.forName(CLAIMS + "ClaimLexicon");
        Class<?> extractorClass = Class.forName(CLAIMS + "ClaimExtractor");
        extractor = extractorClass
                .getConstructor(models, lexicon)
                .newInstance(
                        models.getMethod("fromClasspath").invoke(null),
                        lexicon.getMethod("standard").invoke(null));
        extract = MethodHandles.publicLookup()
                .findVirtual(extractorClass, "extract", MethodType.methodType(List.class, String.class, String.class));
        List<?> claims = extract();
        if (claims.isEmpty()) {
            throw new IllegalStateException("no claim found in the " + article + " article");
        }
    }

    @Benchmark
    public List<?> extract() throws Throwable {
        return (List<?>) extract.invoke(extractor, text.title(), text.body());
    }
}
