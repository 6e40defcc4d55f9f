package org.vetted.intake.domain.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownDraftParserTest {
    private final MarkdownDraftParser parser = new MarkdownDraftParser();

    @Test
    void aTitleEndingInAnEllipsisDoesNotEndTheFrontMatter() {
        ParsedDraft draft = parser.parse("---\ntitle: Is it safe...\ntags: [sleep, magnesium]\nauthors: [Dana Diaz]\n"
                + "---\nMagnesium may help sleep.\n");

        assertThat(draft.errors()).isEmpty();
        assertThat(draft.title()).isEqualTo("Is it safe...");
        assertThat(draft.tags()).containsExactly("sleep", "magnesium");
        assertThat(draft.authorNames()).containsExactly("Dana Diaz");
        assertThat(draft.bodyMarkdown())
                .doesNotContain("tags")
                .doesNotContain("authors")
                .contains("Magnesium");
    }

    @Test
    void aLineOfThreeDotsStillClosesTheFrontMatterAndAnEmptyOneIsRead() {
        assertThat(parser.parse("---\ntitle: T\n...\nBody.\n").title()).isEqualTo("T");
        assertThat(parser.parse("---\n---\n# Heading\n\nBody.\n").errors()).isEmpty();
    }

    @Test
    void titleMayComeFromALeadingHeadingWhenFrontMatterHasNone() {
        ParsedDraft draft = parser.parse("# Iron and Fatigue\n\nLow iron can cause fatigue.\n");

        assertThat(draft.title()).isEqualTo("Iron and Fatigue");
        assertThat(draft.bodyMarkdown()).isEqualTo("Low iron can cause fatigue.\n");
    }

    @Test
    void frontMatterIsLoadedAsPlainDataNeverAsArbitraryTypes() {
        ParsedDraft draft = parser.parse("---\ntitle: !!javax.script.ScriptEngineManager [x]\n---\nBody.\n");

        assertThat(draft.errors()).containsExactly(new FieldError("frontMatter", "is not valid YAML"));
    }

    @Test
    void tagsMustBeAListOfText() {
        ParsedDraft draft = parser.parse("---\ntitle: T\ntags: {a: b}\n---\nBody.\n");

        assertThat(draft.errors()).containsExactly(new FieldError("tags", "must be a list of text values"));
    }

    @Test
    void aFenceThatNeverClosesIsWarnedAboutWithItsLine() {
        ParsedDraft draft = new MarkdownDraftParser().parse("---\ntitle: T\n---\nIntro.\n\n```\nZinc may help.\n");

        assertThat(draft.warnings())
                .containsExactly("the code fence at line 6 is never closed: everything after it "
                        + "would show as code; close it or remove it");
    }
}
