package org.vetted.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The benchmarks' articles: {@code short} (about 200 words, a few hedged claims) and {@code long} (3,000 words). */
record Articles(String title, String body) {
    static Articles of(String name) {
        String text = read("/bench/" + name + "-article.md");
        int end = text.indexOf("\n---\n", 4);
        String frontMatter = text.substring(0, end);
        int title = frontMatter.indexOf("title: ") + "title: ".length();
        return new Articles(frontMatter.substring(title, frontMatter.indexOf('\n', title)), text.substring(end + 5));
    }

    private static String read(String resource) {
        try (InputStream in = Articles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
