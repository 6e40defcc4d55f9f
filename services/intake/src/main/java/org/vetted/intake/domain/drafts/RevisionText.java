package org.vetted.intake.domain.drafts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vetted.intake.domain.claims.SummaryWriter;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A revision written back as the Markdown draft that would submit it again unchanged: front matter with the title,
 * the tags and (only when the writer gave one) the summary, then the body as intake read it. The writer's revision
 * form starts from this, so an edit changes only what the writer edits. Authors are left out: earlier authors stay
 * credited on every revision anyway.
 */
public final class RevisionText {
    private final SummaryWriter summaries;
    private final Yaml yaml;

    public RevisionText(SummaryWriter summaries) {
        this.summaries = summaries;
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        // No line folding: a long summary stays one line, as the writer wrote it.
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        this.yaml = new Yaml(options);
    }

    public String of(String title, String summary, List<String> tags, String bodyMarkdown) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", title);
        if (summary != null && !summary.equals(summaries.summaryOf(null, bodyMarkdown, title))) {
            front.put("summary", summary);
        }
        if (!tags.isEmpty()) {
            front.put("tags", List.copyOf(tags));
        }
        return "---\n" + yaml.dump(front) + "---\n\n" + bodyMarkdown;
    }
}
