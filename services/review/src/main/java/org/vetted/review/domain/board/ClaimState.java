package org.vetted.review.domain.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vetted.contract.risk.FourEyesRule;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.staff.Reviewer;

/**
 * Where one claim of the revision under review stands. {@code decisions} are the decisions that count, one per person:
 * those carried over from earlier revisions (approvals only) and, after them, those made on this revision, a person's
 * own decision here replacing what was carried for them. {@code carriedOver} holds the carried approvals that still
 * count, or is null (nothing carried, or the claim is rejected here). The claim is <em>open</em> while it is not
 * rejected and fewer distinct credentialed reviewers approved it than it needs: one, or two for a claim of a
 * {@link FourEyesRule} risk class.
 */
public record ClaimState(
        Claim claim,
        List<String> riskClasses,
        int approvalsNeeded,
        List<ClaimDecision> decisions,
        CarriedOver carriedOver) {

    public ClaimState {
        riskClasses = List.copyOf(riskClasses);
        decisions = List.copyOf(decisions);
    }

    /**
     * @param here    decisions made on this revision, one per person, latest last
     * @param carried approvals carried from earlier revisions, or null
     */
    static ClaimState of(Claim claim, List<ClaimDecision> here, CarriedOver carried, FourEyesRule fourEyes) {
        List<ClaimDecision> stillCarried = carried == null
                ? List.of()
                : carried.approvals().stream()
                        .filter(approval ->
                                here.stream().noneMatch(own -> own.reviewer().isSamePersonAs(approval.reviewer())))
                        .toList();
        List<ClaimDecision> counted = new ArrayList<>(stillCarried);
        counted.addAll(here);
        boolean rejected = here.stream().anyMatch(decision -> !decision.isApproved());
        return new ClaimState(
                claim,
                fourEyes.classesOf(claim.text(), claim.section()),
                fourEyes.approvalsNeeded(claim.text(), claim.section()),
                counted,
                stillCarried.isEmpty() || rejected ? null : new CarriedOver(stillCarried));
    }

    public boolean isRejected() {
        return decisions.stream().anyMatch(decision -> !decision.isApproved());
    }

    /** The distinct credentialed reviewers who approved it (one person's approvals count once), first first. */
    public List<Reviewer> credentialedApprovers() {
        List<Reviewer> approvers = new ArrayList<>();
        for (ClaimDecision decision : decisions) {
            Reviewer reviewer = decision.reviewer();
            if (decision.isApproved()
                    && reviewer.hasCredential()
                    && approvers.stream().noneMatch(known -> known.isSamePersonAs(reviewer))) {
                approvers.add(reviewer);
            }
        }
        return approvers;
    }

    public int approvals() {
        return credentialedApprovers().size();
    }

    /** Not rejected and approved by as many distinct credentialed reviewers as it needs. */
    public boolean isApproved() {
        return !isRejected() && approvals() >= approvalsNeeded;
    }

    /** Still needs a decision: not rejected, and not yet approved by as many reviewers as it needs. */
    public boolean isOpen() {
        return !isRejected() && approvals() < approvalsNeeded;
    }

    public boolean isHighRisk() {
        return approvalsNeeded > 1;
    }

    /** The latest decision that counts: made on this revision if any, else the latest carried over. */
    public Optional<ClaimDecision> latest() {
        return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.get(decisions.size() - 1));
    }

    /** The first rejection that counts, if any. */
    public Optional<ClaimDecision> firstRejection() {
        return decisions.stream().filter(decision -> !decision.isApproved()).findFirst();
    }

    /** Carried approvals in the order they were made. */
    static Comparator<ClaimDecision> madeOrder() {
        return Comparator.comparingInt(ClaimDecision::revision)
                .thenComparing(ClaimDecision::at, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
