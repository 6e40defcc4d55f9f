package org.vetted.review.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vetted.review.domain.draft.Author;
import org.vetted.review.domain.draft.Draft;

/**
 * What changed in everything the content hash covers since an earlier revision: the address, title, summary and
 * body word by word, the tags and credits as added and removed. Only what changed is listed. {@code id} names the
 * section on the page ({@code changes-previous}, {@code changes-approved}).
 */
record RevisionChanges(String id, String heading, int since, List<TextChange> texts, List<ListChange> lists) {

    /** A text field word by word; {@code preformatted}: line breaks matter (the Markdown body). */
    record TextChange(String name, WordDiff diff, boolean preformatted) {}

    /** {@code reordered}: the same items in another order (the order is part of what goes live). */
    record ListChange(String name, List<String> added, List<String> removed, boolean reordered) {}

    /** The same text under a new revision number: the page says so rather than show an empty section. */
    public boolean unchanged() {
        return texts.isEmpty() && lists.isEmpty();
    }

    static RevisionChanges between(String id, String heading, Draft earlier, Draft current) {
        List<TextChange> texts = new ArrayList<>();
        text(texts, "Address", "/articles/" + earlier.slug(), "/articles/" + current.slug(), false);
        text(texts, "Title", earlier.title(), current.title(), false);
        text(texts, "Summary", earlier.summary(), current.summary(), false);
        text(texts, "Body", earlier.bodyMarkdown(), current.bodyMarkdown(), true);
        List<ListChange> lists = new ArrayList<>();
        list(lists, "Tags", earlier.tags(), current.tags());
        list(
                lists,
                "Credited",
                earlier.authors().stream().map(Author::displayName).toList(),
                current.authors().stream().map(Author::displayName).toList());
        return new RevisionChanges(id, heading, earlier.revision(), texts, lists);
    }

    private static void text(List<TextChange> into, String name, String before, String after, boolean preformatted) {
        if (!Objects.equals(before == null ? "" : before, after == null ? "" : after)) {
            into.add(new TextChange(name, WordDiff.between(before, after), preformatted));
        }
    }

    private static void list(List<ListChange> into, String name, List<String> before, List<String> after) {
        List<String> added =
                after.stream().filter(item -> !before.contains(item)).toList();
        List<String> removed =
                before.stream().filter(item -> !after.contains(item)).toList();
        if (!before.equals(after)) {
            into.add(new ListChange(name, added, removed, added.isEmpty() && removed.isEmpty()));
        }
    }
}
