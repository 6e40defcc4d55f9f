package org.vetted.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vetted.events.Approval;
import org.vetted.events.Reviewer;

/**
 * Who is credited with the medical review of a publication: everyone whose approval it rests on, the reviewer who
 * signed off first, then each reviewer who approved claims of the revision, in the approval's order, once per person.
 * One rule for the byline rendering writes, the {@code medicalReviewers} of {@code ArticlePublished} and the writer's
 * history, so the three never credit different people.
 * <p>
 * Two entries are one person when their usernames are equal (case aside) or {@link PersonNames#samePerson} holds
 * for their names, as review compares reviewers.
 */
public final class MedicalCredits {

    /**
     * @param signer         who signed the approval off
     * @param claimReviewers who approved claims, in the approval's order; the signer may be among them
     */
    public static <R> List<R> signerFirst(
            R signer, List<R> claimReviewers, Function<R, String> username, Function<R, String> displayName) {
        List<R> credited = new ArrayList<>();
        credited.add(signer);
        for (R reviewer : claimReviewers) {
            if (credited.stream().noneMatch(known -> samePerson(known, reviewer, username, displayName))) {
                credited.add(reviewer);
            }
        }
        return List.copyOf(credited);
    }

    /** The credits of an approval as the contract carries it. */
    public static List<Reviewer> of(Approval approval) {
        return signerFirst(
                approval.getSignedOffBy(),
                approval.getClaimReviewers(),
                Reviewer::getUsername,
                Reviewer::getDisplayName);
    }

    /** "Rita Reyes, MD", or the name alone when no credential is known. */
    public static String nameWithCredential(String displayName, String credential) {
        String name = displayName == null ? "" : displayName.strip();
        return credential == null || credential.isBlank() ? name : name + ", " + credential.strip();
    }

    /**
     * Names as a reader reads them: "A", "A and B", and from three on, since every name carries a comma before its
     * credential, "A; B; and C".
     */
    public static String list(List<String> names) {
        if (names.size() <= 2) {
            return String.join(" and ", names);
        }
        return String.join("; ", names.subList(0, names.size() - 1)) + "; and " + names.get(names.size() - 1);
    }

    private static <R> boolean samePerson(R a, R b, Function<R, String> username, Function<R, String> displayName) {
        String userA = username.apply(a);
        String userB = username.apply(b);
        return (userA != null && userA.equalsIgnoreCase(userB))
                || PersonNames.samePerson(displayName.apply(a), displayName.apply(b));
    }

    private MedicalCredits() {}
}
