package org.vetted.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetted.examples.site.Records.article;
import static org.vetted.examples.site.Records.value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetted.contract.EventCatalog;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;

class StaticSiteTest {
    @TempDir
    Path root;

    @Test
    void aPublicationWritesItsPageAndTheIndex() throws IOException {
        StaticSite site = StaticSite.open(root);

        assertThat(publish(site, article("a-1", 1, "walking", "Walking <and> \"Back\" Pain")))
                .isEqualTo(StaticSite.Outcome.WRITTEN);

        String page = Files.readString(root.resolve("articles/walking.html"));
        assertThat(page)
                .contains("<title>Walking &lt;and&gt; &quot;Back&quot; Pain</title>")
                .contains("<p>Walking may ease back pain.</p>")
                .contains("By Wanda Writer. Published <time datetime=\"2026-11-26T09:00:01Z\">November 26, 2026</time>")
                .contains("<link rel=\"canonical\" href=\"https://vetted.example/articles/walking\">")
                .contains("default-src 'none'")
                .doesNotContain("Retracted");
        assertThat(Files.readString(root.resolve("index.html")))
                .contains("<a href=\"articles/walking.html\">Walking &lt;and&gt; &quot;Back&quot; Pain</a>");
        try (Stream<Path> files = Files.list(root.resolve("articles"))) {
            assertThat(files).as("no temporary file left").containsExactly(root.resolve("articles/walking.html"));
        }
    }

    @Test
    void applyingTheSameRecordsAgainLeavesTheSameFilesWithTheSameBytes() throws IOException {
        ArticlePublished[] history = {
            article("a-1", 1, "walking", "Walking"),
            article("a-2", 1, "sleep", "Sleep"),
            article("a-1", 2, "walking", "Walking, revised"),
        };
        StaticSite site = StaticSite.open(root);
        for (ArticlePublished article : history) {
            publish(site, article);
        }
        Map<String, String> first = snapshot();

        // A replay from offset 0 by a new process, on the same folder: nothing to write.
        StaticSite replayed = StaticSite.open(root);
        for (ArticlePublished article : history) {
            assertThat(publish(replayed, article)).isNotEqualTo(StaticSite.Outcome.WRITTEN);
        }
        assertThat(snapshot()).isEqualTo(first);
        assertThat(first.get("articles/walking.html")).contains("Walking, revised");
        assertThat(first.get("index.html").indexOf("Walking, revised"))
                .as("newest first")
                .isLessThan(first.get("index.html").indexOf("Sleep"));

        // And into an empty folder: the same files, byte for byte.
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        StaticSite fresh = StaticSite.open(elsewhere);
        for (ArticlePublished article : history) {
            publish(fresh, article);
        }
        assertThat(snapshot(elsewhere)).isEqualTo(snapshot(root, "elsewhere"));
    }

    @Test
    void anOlderRevisionReadLaterChangesNothing() throws IOException {
        StaticSite site = StaticSite.open(root);
        publish(site, article("a-1", 2, "walking", "Revised"));

        assertThat(publish(site, article("a-1", 1, "walking", "First"))).isEqualTo(StaticSite.Outcome.OLDER_REVISION);
        assertThat(Files.readString(root.resolve("articles/walking.html"))).contains("Revised");
    }

    @Test
    void aSlugBelongsToTheFirstArticleThatTakesIt() throws IOException {
        StaticSite site = StaticSite.open(root);
        publish(site, article("a-1", 1, "walking", "Walking"));

        assertThat(publish(site, article("a-2", 1, "walking", "Impostor"))).isEqualTo(StaticSite.Outcome.SLUG_TAKEN);
        assertThat(Files.readString(root.resolve("articles/walking.html")))
                .contains("Walking")
                .doesNotContain("Impostor");
    }

    @Test
    void aNewSlugMovesThePage() throws IOException {
        StaticSite site = StaticSite.open(root);
        publish(site, article("a-1", 1, "walking", "Walking"));
        publish(site, article("a-1", 2, "walking-and-back-pain", "Walking"));

        assertThat(root.resolve("articles/walking.html")).doesNotExist();
        assertThat(root.resolve("articles/walking-and-back-pain.html")).exists();
    }

    @Test
    void anySlugStaysOneFileInsideTheArticlesFolder() throws IOException {
        StaticSite site = StaticSite.open(root);
        for (String slug : new String[] {"../../escape", "..", ".hidden", "a/b", "ünïcode slug"}) {
            assertThat(publish(site, article("id-" + slug, 1, slug, slug))).isEqualTo(StaticSite.Outcome.WRITTEN);
        }
        assertThat(publish(site, article("long", 1, "x".repeat(300), "Long")))
                .isEqualTo(StaticSite.Outcome.UNSAFE_NAME);

        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile)
                            .filter(file -> file.toString().endsWith(".html")))
                    .allSatisfy(file -> assertThat(file.getParent()).isIn(root, root.resolve("articles")))
                    .hasSize(6);
        }
        assertThat(Files.readString(root.resolve("index.html")))
                .contains("href=\"articles/%252E%252E%252F%252E%252E%252Fescape.html\"");
    }

    @Test
    void aRetractedArticleKeepsItsPageMarkedWithTheReasonAndSurvivesARestart() throws IOException {
        StaticSite site = StaticSite.open(root);
        publish(site, article("a-1", 1, "walking", "Walking"));

        assertThat(site.retract("a-1", "The <cited> trial was withdrawn.")).isEqualTo(StaticSite.Outcome.WRITTEN);
        String page = Files.readString(root.resolve("articles/walking.html"));
        assertThat(page).contains("<strong>Retracted:</strong> The &lt;cited&gt; trial was withdrawn.");
        assertThat(page).contains("<p>Walking may ease back pain.</p>");
        assertThat(Files.readString(root.resolve("index.html"))).contains("(retracted)");

        // Restarted and replayed: the same revision read again keeps the mark.
        StaticSite restarted = StaticSite.open(root);
        assertThat(publish(restarted, article("a-1", 1, "walking", "Walking"))).isEqualTo(StaticSite.Outcome.UNCHANGED);
        assertThat(site.retract("nobody", "x")).isEqualTo(StaticSite.Outcome.UNKNOWN_ARTICLE);
    }

    @Test
    void anUnpublishedArticleLosesItsPageAndItsIndexEntry() throws IOException {
        StaticSite site = StaticSite.open(root);
        publish(site, article("a-1", 1, "walking", "Walking"));
        publish(site, article("a-2", 1, "sleep", "Sleep"));

        assertThat(site.remove("a-1")).isEqualTo(StaticSite.Outcome.WRITTEN);

        assertThat(root.resolve("articles/walking.html")).doesNotExist();
        assertThat(Files.readString(root.resolve("index.html")))
                .doesNotContain("Walking")
                .contains("Sleep");
        assertThat(StaticSite.open(root).remove("a-1")).isEqualTo(StaticSite.Outcome.UNKNOWN_ARTICLE);
    }

    @Test
    void aTemporaryFileLeftByACrashIsRemovedAtStart() throws IOException {
        StaticSite.open(root);
        Path leftover = Files.writeString(root.resolve("articles/.tmp-123.part"), "<p>half a pa");

        StaticSite.open(root);

        assertThat(leftover).doesNotExist();
    }

    @Test
    void aCorrectionRewritesThePageListingItsNoteOnceEvenOnReplayAndAfterARestart() throws IOException {
        StaticSite site = StaticSite.open(root);
        publish(site, article("a-1", 1, "walking", "Walking"));
        ArticleCorrected fix = Records.corrected("a-1", 2, "walking", "Walking", "The dose is 200 mg <not 2000>.");
        ArticleCorrected more = Records.corrected("a-1", 3, "walking", "Walking", "Added a reference.");

        assertThat(site.correct(fix, EventCatalog.standard().encode(fix))).isEqualTo(StaticSite.Outcome.WRITTEN);
        site.correct(more, EventCatalog.standard().encode(more));

        String page = Files.readString(root.resolve("articles/walking.html"));
        assertThat(page)
                .contains("<h2>Corrections</h2>")
                .contains("November 26, 2026</time>: The dose is 200 mg &lt;not 2000&gt;.")
                .contains("Walking may ease back pain, revised.");
        assertThat(page.indexOf("Added a reference.")).isLessThan(page.indexOf("The dose is 200 mg"));
        Map<String, String> first = snapshot();

        StaticSite replayed = StaticSite.open(root);
        publish(replayed, article("a-1", 1, "walking", "Walking"));
        assertThat(replayed.correct(fix, EventCatalog.standard().encode(fix))).isNotEqualTo(StaticSite.Outcome.WRITTEN);
        assertThat(replayed.correct(more, EventCatalog.standard().encode(more)))
                .isNotEqualTo(StaticSite.Outcome.WRITTEN);
        assertThat(snapshot()).isEqualTo(first);
        assertThat(replayed.retract("a-1", "Wrong.")).isEqualTo(StaticSite.Outcome.WRITTEN);
        assertThat(Files.readString(root.resolve("articles/walking.html")))
                .contains("Retracted:")
                .contains("Added a reference.");
    }

    private static StaticSite.Outcome publish(StaticSite site, ArticlePublished article) {
        return site.publish(article, value(article));
    }

    private Map<String, String> snapshot() throws IOException {
        return snapshot(root, "elsewhere");
    }

    /** Every file under {@code folder} by relative path, with its content; {@code skip} left out. */
    private static Map<String, String> snapshot(Path folder, String... skip) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                String relative = folder.relativize(file).toString();
                if (Stream.of(skip).noneMatch(relative::startsWith)) {
                    files.put(
                            relative,
                            new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    private static Map<String, String> snapshot(Path folder) throws IOException {
        return snapshot(folder, new String[0]);
    }
}
