package org.vetted.intake.domain.articles;

import org.vetted.intake.domain.accounts.Author;
import org.vetted.intake.domain.claims.Claim;

/**
 * An article event as a sentence a writer reads in the history ("Rita Reyes approved ‘Ginger may ease nausea.’",
 * "Wanda Writer submitted revision 2"): people by name, claims by their sentence, never event names or claim ids
 * (those stay in the API's {@code event} and {@code detail}).
 */
final class HistorySentences {

    /** @param draft the draft of the event's revision, to name its claims and authors; null while unknown */
    static String of(ArticleEvent event, ArticleEvent.DraftRecorded draft) {
        if (event instanceof ArticleEvent.DraftRecorded recorded) {
            return nameOf(recorded.actor(), recorded) + " submitted "
                    + (recorded.revision() == 1 ? "the first draft" : "revision " + recorded.revision());
        }
        if (event instanceof ArticleEvent.ClaimDecided decided) {
            return name(decided.reviewerName(), decided.actor()) + (decided.approved() ? " approved " : " rejected ")
                    + "‘" + claimText(decided.claimId(), draft) + "’" + comment(decided.comment());
        }
        if (event instanceof ArticleEvent.Returned returned) {
            String who = name(returned.reviewerName(), returned.actor());
            return (returned.rejected()
                            ? who + " rejected revision " + returned.revision()
                            : who + " asked for changes to revision " + returned.revision())
                    + comment(returned.comment());
        }
        return switch (event.status()) {
            case APPROVED -> event.actor() + " signed off revision " + event.revision() + " for publishing";
            case RENDERED -> "Revision " + event.revision() + " was prepared for the site";
            case PUBLISHED -> "Revision " + event.revision() + " was published on the site";
            case RETRACTED -> "The article was " + event.detail();
            case UNPUBLISHED -> "The article was " + event.detail();
            case REJECTED -> "Revision " + event.revision() + " was rejected";
            case CHANGES_REQUESTED -> "Changes were requested to revision " + event.revision();
            case IN_REVIEW -> "Revision " + event.revision() + " is in review";
            case SUBMITTED -> "Revision " + event.revision() + " was submitted";
        };
    }

    private static String claimText(String claimId, ArticleEvent.DraftRecorded draft) {
        if (draft != null) {
            for (Claim claim : draft.claims()) {
                if (claim.id().equals(claimId)) {
                    return claim.text();
                }
            }
        }
        return "a claim of this revision";
    }

    private static String nameOf(String username, ArticleEvent.DraftRecorded draft) {
        return draft.authors().stream()
                .filter(author -> author.username().equals(username))
                .map(Author::displayName)
                .findFirst()
                .orElse(username);
    }

    private static String name(String displayName, String username) {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }

    private static String comment(String comment) {
        return comment == null || comment.isBlank() ? "" : ": “" + comment.strip() + "”";
    }

    private HistorySentences() {}
}
