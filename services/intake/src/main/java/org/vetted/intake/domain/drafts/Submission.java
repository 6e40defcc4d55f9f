package org.vetted.intake.domain.drafts;

import org.vetted.intake.domain.accounts.Account;

/**
 * A draft as a writer sent it: the text, how it is written, who sent it, and the article it revises (or null); and,
 * from the page form's fields (null when not given), a correction note and an embargo time, which front matter may
 * give instead.
 */
public record Submission(
        DraftFormat format, String text, Account submitter, String articleId, String correction, String publishAt) {

    public Submission(DraftFormat format, String text, Account submitter, String articleId) {
        this(format, text, submitter, articleId, null, null);
    }
}
