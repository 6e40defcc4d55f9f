package org.vetted.intake.domain.drafts;

import java.util.ArrayList;
import java.util.List;

/** The limits a draft must keep, each as a named rule giving field errors. */
public final class DraftRules {
    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 100_000;
    public static final int TAGS_MAX = 20;
    public static final int TAG_MAX = 40;
    public static final int SUMMARY_MAX = 500;
    public static final int AUTHORS_MAX = 20;

    public List<FieldError> check(ParsedDraft draft) {
        List<FieldError> errors = new ArrayList<>(draft.errors());
        titleIsPresentAndShort(draft, errors);
        bodyIsPresentAndWithinLimit(draft, errors);
        tagsAreFewAndShort(draft, errors);
        summaryIsShort(draft, errors);
        authorsAreFew(draft, errors);
        return errors;
    }

    static void titleIsPresentAndShort(ParsedDraft draft, List<FieldError> errors) {
        if (draft.title() == null || draft.title().isBlank()) {
            errors.add(new FieldError("title", "must not be blank"));
        } else if (Text.length(draft.title()) > TITLE_MAX) {
            errors.add(new FieldError("title", "must be at most " + TITLE_MAX + " characters"));
        }
    }

    static void bodyIsPresentAndWithinLimit(ParsedDraft draft, List<FieldError> errors) {
        if (draft.bodyMarkdown() == null || draft.bodyMarkdown().isBlank()) {
            errors.add(new FieldError("body", "must not be blank"));
        } else if (Text.length(draft.bodyMarkdown()) > BODY_MAX) {
            errors.add(new FieldError("body", "must be at most " + BODY_MAX + " characters"));
        }
    }

    static void tagsAreFewAndShort(ParsedDraft draft, List<FieldError> errors) {
        if (draft.tags().size() > TAGS_MAX) {
            errors.add(new FieldError("tags", "must be at most " + TAGS_MAX + " tags"));
        }
        for (int i = 0; i < draft.tags().size(); i++) {
            if (Text.length(draft.tags().get(i)) > TAG_MAX) {
                errors.add(new FieldError("tags[" + i + "]", "must be at most " + TAG_MAX + " characters"));
            }
        }
    }

    static void summaryIsShort(ParsedDraft draft, List<FieldError> errors) {
        if (draft.summary() != null && Text.length(draft.summary()) > SUMMARY_MAX) {
            errors.add(new FieldError("summary", "must be at most " + SUMMARY_MAX + " characters"));
        }
    }

    static void authorsAreFew(ParsedDraft draft, List<FieldError> errors) {
        if (draft.authorNames().size() > AUTHORS_MAX) {
            errors.add(new FieldError("authors", "must be at most " + AUTHORS_MAX + " names"));
        }
    }
}
