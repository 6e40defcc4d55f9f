package org.vetted.distribution.domain;

/** Whether the approval covers the rendered article. */
public sealed interface ApprovalVerdict permits ApprovalVerdict.Verified, ApprovalVerdict.Rejected {

    record Verified() implements ApprovalVerdict {}

    /** The article must not be published; the reason says which binding failed. */
    record Rejected(String reason) implements ApprovalVerdict {}
}
