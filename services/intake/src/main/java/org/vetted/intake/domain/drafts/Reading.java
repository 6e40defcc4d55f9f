package org.vetted.intake.domain.drafts;

/** What reading a draft gave: a {@link ReadDraft}, or the reasons it cannot be one. */
public sealed interface Reading permits ReadDraft, IntakeResult.Invalid {}
