package org.vetted.intake.domain.drafts;

import org.vetted.intake.domain.accounts.Account;

/** A draft as a writer sent it: the text, how it is written, who sent it, and the article it revises (or null). */
public record Submission(DraftFormat format, String text, Account submitter, String articleId) {}
