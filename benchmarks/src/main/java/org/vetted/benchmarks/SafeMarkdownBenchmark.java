package org.vetted.benchmarks;

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
import org.vetted.markdown.SafeMarkdown;

/** Render plus sanitize: an approved article's Markdown to the HTML a reader is shown, as rendering does it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class SafeMarkdownBenchmark {
    @Param({"short", "long"})
    String article;

    private final SafeMarkdown markdown = new SafeMarkdown();
    private String body;

    @Setup
    public void setUp() {
        body = Articles.of(article).body();
        if (!(markdown.render(body) instanceof SafeMarkdown.Html)) {
            throw new IllegalStateException("the " + article + " article was refused");
        }
    }

    @Benchmark
    public SafeMarkdown.Result renderAndSanitize() {
        return markdown.render(body);
    }
}
