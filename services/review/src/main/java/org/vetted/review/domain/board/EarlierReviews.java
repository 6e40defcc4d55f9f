package org.vetted.review.domain.board;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vetted.review.domain.draft.Claim;
import org.vetted.review.domain.draft.Draft;

/**
 * What the revision under review takes from earlier ones: the approvals carried over to its claims, and the earlier
 * revisions its claims are compared with ({@code ClaimDrift}). A pure function of the earlier revisions the board
 * holds and of the decisions on them, not of the order they were read in: topics interleave on replay, so a decision
 * on revision 1 may be read after the draft of revision 2, and the answer must be the same either way.
 *
 * <p>Decisions follow the text, never a short id: a claim is matched to earlier ones by its {@link ClaimKey}, the
 * whole canonical sentence and the whole canonical section path. Claim ids (48 bits, for display and URLs) only say
 * which claim of one hash-bound revision a decision is about. A claim's standing is the <em>latest look</em> at its
 * text: the latest earlier revision in which a reviewer decided on that same text in that same section. If any
 * decision there is a rejection, nothing carries (a rejection stands until a reviewer approves again); otherwise the
 * approvals made there carry, together with those that had been carried into that revision, each with the revision it
 * was made on. Revisions that did not decide on the claim are passed over, so approvals carry through revisions that
 * did not touch them, and a claim dropped and brought back finds the latest look, rejection included. Looks at or
 * before {@code floor} count for nothing (the board let go of a revision that may have held a later look). Only
 * approvals by credentialed reviewers who are not credited on the revision under review carry.
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
        return of(current, earlier, 0);
    }

    /** @param floor looks at this revision or before it do not count (0: all count) */
    public static EarlierReviews of(Draft current, Collection<EarlierRevision> earlier, int floor) {
        List<EarlierRevision> ordered = earlier.stream()
                .filter(kept -> kept.revision() < current.revision())
                .sorted(Comparator.comparingInt(EarlierRevision::revision))
                .toList();
        if (ordered.isEmpty()) {
            return NONE;
        }
        // Per revision, oldest first: each claim's own decisions there, and what stands on it there (carried in + own).
        TreeMap<Integer, Map<ClaimKey, Look>> looks = new TreeMap<>();
        for (EarlierRevision revision : ordered) {
            Map<String, List<ClaimDecision>> here = byClaim(revision.decisions());
            Map<ClaimKey, Look> ofRevision = new HashMap<>();
            for (Claim claim : revision.claims()) {
                List<ClaimDecision> own = here.getOrDefault(claim.id(), List.of());
                if (own.isEmpty()) {
                    continue;
                }
                ClaimKey key = ClaimKey.of(claim);
                List<ClaimDecision> carriedIn = carriedFrom(key, revision.revision(), looks, floor);
                List<ClaimDecision> counted = new ArrayList<>(carriedIn.stream()
                        .filter(approval ->
                                own.stream().noneMatch(d -> d.reviewer().isSamePersonAs(approval.reviewer())))
                        .toList());
                counted.addAll(own);
                // The same text twice in one section of one revision: any rejection of either stands.
                ofRevision.merge(key, new Look(counted), Look::with);
            }
            looks.put(revision.revision(), ofRevision);
        }
        Map<String, CarriedOver> carried = new LinkedHashMap<>();
        for (Claim claim : current.claims()) {
            List<ClaimDecision> eligible = carriedFrom(ClaimKey.of(claim), current.revision(), looks, floor).stream()
                    .filter(approval -> approval.reviewer().hasCredential()
                            && current.creditedAs(
                                            approval.reviewer().username(),
                                            approval.reviewer().displayName())
                                    .isEmpty())
                    .sorted(ClaimState.madeOrder())
                    .toList();
            if (!eligible.isEmpty()) {
                carried.put(claim.id(), new CarriedOver(eligible));
            }
        }
        return new EarlierReviews(carried, baselines(current.revision(), ordered));
    }

    /** What stands on one claim text in one revision that decided on it: carried-in approvals and its own decisions. */
    private record Look(List<ClaimDecision> decisions) {
        Look with(Look other) {
            List<ClaimDecision> both = new ArrayList<>(decisions);
            both.addAll(other.decisions);
            return new Look(both);
        }

        boolean allApproved() {
            return !decisions.isEmpty() && decisions.stream().allMatch(ClaimDecision::isApproved);
        }
    }

    /**
     * The approvals a claim with {@code key} carries into revision {@code revision}: those of the latest look at it
     * before that revision, or none when that look holds a rejection, lies at or before {@code floor}, or does not exist.
     */
    private static List<ClaimDecision> carriedFrom(
            ClaimKey key, int revision, TreeMap<Integer, Map<ClaimKey, Look>> looks, int floor) {
        for (Map.Entry<Integer, Map<ClaimKey, Look>> earlier :
                looks.headMap(revision, false).descendingMap().entrySet()) {
            Look look = earlier.getValue().get(key);
            if (look != null) {
                return earlier.getKey() > floor && look.allApproved() ? look.decisions() : List.of();
            }
        }
        return List.of();
    }

    /** The latest revision before {@code revision} that was approved, or (approved false) that has any decision. */
    private static EarlierRevision lastBefore(int revision, List<EarlierRevision> ordered, boolean approved) {
        EarlierRevision last = null;
        for (EarlierRevision earlier : ordered) {
            if (earlier.revision() < revision
                    && (approved ? earlier.approved() : !earlier.decisions().isEmpty())) {
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
        decisions.forEach(decision -> byClaim.computeIfAbsent(decision.claimId(), id -> new ArrayList<>())
                .add(decision));
        return byClaim;
    }
}
