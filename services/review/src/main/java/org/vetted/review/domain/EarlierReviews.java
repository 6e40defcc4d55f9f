package org.vetted.review.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the revision under review takes from earlier ones: the approvals carried over to its claims, and the earlier
 * revisions its claims are compared with ({@link ClaimDrift}). A pure function of the earlier revisions the board
 * holds and of the decisions on them, not of the order they were read in: topics interleave on replay, so a decision
 * on revision 1 may be read after the draft of revision 2, and the answer must be the same either way.
 *
 * <p>A claim carries over when a claim with the same id (intake derives it from the normalised sentence, so the same
 * text) and the same section stands approved, with no rejection, in the <em>last approved</em> earlier revision, or
 * else in the <em>last reviewed</em> one (the latest earlier revision with any decision) when that is later. A
 * rejection never carries, and a rejection of the same text in a last reviewed revision later than the last approved
 * one stops the older approval from carrying too: the latest look at that sentence rejected it. What stands in an
 * earlier revision includes what was carried into it, so approvals carry through revisions that did not touch them,
 * each with the revision it was made on. Only approvals by credentialed reviewers who are not credited on the revision
 * under review carry.
 */
public record EarlierReviews(Map<String, CarriedOver> carried, List<Baseline> baselines) {
    public static final EarlierReviews NONE = new EarlierReviews(Map.of(), List.of());

    /** An earlier revision the claims are compared with, by its claims. */
    public record Baseline(int revision, List<Claim> claims) {
        public Baseline {
            claims = List.copyOf(claims);
        }
    }

    public EarlierReviews {
        carried = Map.copyOf(carried);
        baselines = List.copyOf(baselines);
    }

    public static EarlierReviews of(Draft current, Collection<EarlierRevision> earlier) {
        List<EarlierRevision> ordered = earlier.stream().filter(kept -> kept.revision() < current.revision())
                .sorted(Comparator.comparingInt(EarlierRevision::revision)).toList();
        if (ordered.isEmpty()) {
            return NONE;
        }
        Map<Integer, Map<String, Claim>> claimsOf = new HashMap<>();
        Map<Integer, Map<String, List<ClaimDecision>>> standing = new HashMap<>();
        for (EarlierRevision revision : ordered) {
            Map<String, Claim> byId = new HashMap<>();
            revision.claims().forEach(claim -> byId.putIfAbsent(claim.id(), claim));
            claimsOf.put(revision.revision(), byId);
            Map<String, List<ClaimDecision>> carriedIn = carriedInto(revision.revision(), revision.claims(), ordered,
                    claimsOf, standing);
            Map<String, List<ClaimDecision>> here = byClaim(revision.decisions());
            Map<String, List<ClaimDecision>> stands = new HashMap<>();
            for (String claimId : byId.keySet()) {
                List<ClaimDecision> own = here.getOrDefault(claimId, List.of());
                List<ClaimDecision> counted = new ArrayList<>(carriedIn.getOrDefault(claimId, List.of()).stream()
                        .filter(approval -> own.stream().noneMatch(d -> d.reviewer().isSamePersonAs(approval.reviewer())))
                        .toList());
                counted.addAll(own);
                if (!counted.isEmpty()) {
                    stands.put(claimId, counted);
                }
            }
            standing.put(revision.revision(), stands);
        }
        Map<String, CarriedOver> carried = new LinkedHashMap<>();
        carriedInto(current.revision(), current.claims(), ordered, claimsOf, standing).forEach((claimId, approvals) -> {
            List<ClaimDecision> eligible = approvals.stream()
                    .filter(approval -> approval.reviewer().hasCredential() && current.creditedAs(
                            approval.reviewer().username(), approval.reviewer().displayName()).isEmpty())
                    .sorted(ClaimState.madeOrder())
                    .toList();
            if (!eligible.isEmpty()) {
                carried.put(claimId, new CarriedOver(eligible));
            }
        });
        return new EarlierReviews(carried, baselines(current.revision(), ordered));
    }

    /** The approvals each claim of revision {@code revision} carries from the revisions before it. */
    private static Map<String, List<ClaimDecision>> carriedInto(int revision, List<Claim> claims,
            List<EarlierRevision> ordered, Map<Integer, Map<String, Claim>> claimsOf,
            Map<Integer, Map<String, List<ClaimDecision>>> standing) {
        EarlierRevision approved = lastBefore(revision, ordered, true);
        EarlierRevision reviewed = lastBefore(revision, ordered, false);
        boolean reviewedLater = reviewed != null && (approved == null || reviewed.revision() > approved.revision());
        Map<String, List<ClaimDecision>> carried = new HashMap<>();
        for (Claim claim : claims) {
            List<ClaimDecision> fromReviewed = reviewedLater ? standingIn(reviewed, claim, claimsOf, standing) : null;
            if (fromReviewed != null && fromReviewed.stream().anyMatch(decision -> !decision.isApproved())) {
                continue;
            }
            List<ClaimDecision> fromApproved = approved == null ? null : standingIn(approved, claim, claimsOf, standing);
            if (allApproved(fromApproved)) {
                carried.put(claim.id(), fromApproved);
            } else if (allApproved(fromReviewed)) {
                carried.put(claim.id(), fromReviewed);
            }
        }
        return carried;
    }

    /** The decisions that stand on the same claim in the same section of {@code earlier}; null when it has none. */
    private static List<ClaimDecision> standingIn(EarlierRevision earlier, Claim claim,
            Map<Integer, Map<String, Claim>> claimsOf, Map<Integer, Map<String, List<ClaimDecision>>> standing) {
        Claim there = claimsOf.get(earlier.revision()).get(claim.id());
        if (there == null || !ClaimText.sameSection(there.section(), claim.section())) {
            return null;
        }
        return standing.get(earlier.revision()).get(claim.id());
    }

    private static boolean allApproved(List<ClaimDecision> decisions) {
        return decisions != null && !decisions.isEmpty() && decisions.stream().allMatch(ClaimDecision::isApproved);
    }

    /** The latest revision before {@code revision} that was approved, or (approved false) that has any decision. */
    private static EarlierRevision lastBefore(int revision, List<EarlierRevision> ordered, boolean approved) {
        EarlierRevision last = null;
        for (EarlierRevision earlier : ordered) {
            if (earlier.revision() < revision && (approved ? earlier.approved() : !earlier.decisions().isEmpty())) {
                last = earlier;
            }
        }
        return last;
    }

    /**
     * What the claims are compared with: the last reviewed revision when it is later than the last approved, then
     * the last approved; when neither exists, the latest earlier revision.
     */
    private static List<Baseline> baselines(int revision, List<EarlierRevision> ordered) {
        EarlierRevision approved = lastBefore(revision, ordered, true);
        EarlierRevision reviewed = lastBefore(revision, ordered, false);
        List<Baseline> baselines = new ArrayList<>();
        if (reviewed != null && (approved == null || reviewed.revision() > approved.revision())) {
            baselines.add(new Baseline(reviewed.revision(), reviewed.claims()));
        }
        if (approved != null) {
            baselines.add(new Baseline(approved.revision(), approved.claims()));
        }
        if (baselines.isEmpty()) {
            EarlierRevision latest = ordered.get(ordered.size() - 1);
            baselines.add(new Baseline(latest.revision(), latest.claims()));
        }
        return baselines;
    }

    private static Map<String, List<ClaimDecision>> byClaim(List<ClaimDecision> decisions) {
        Map<String, List<ClaimDecision>> byClaim = new HashMap<>();
        decisions.forEach(decision -> byClaim.computeIfAbsent(decision.claimId(), id -> new ArrayList<>()).add(decision));
        return byClaim;
    }
}
