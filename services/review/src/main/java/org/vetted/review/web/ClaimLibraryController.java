package org.vetted.review.web;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.vetted.review.app.ReviewWorkflow;
import org.vetted.review.config.SignedInActors;
import org.vetted.review.domain.library.ClaimLibrary;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.web.DecisionBodies.RetireBody;
import org.vetted.review.web.ReviewViews.LibraryEntryView;

/** The claims library: search it, and retire an entry that no longer stands. */
@RestController
@RequestMapping("/api/claims")
public class ClaimLibraryController {
    private final ReviewWorkflow workflow;
    private final SignedInActors signedIn;

    public ClaimLibraryController(ReviewWorkflow workflow, SignedInActors signedIn) {
        this.workflow = workflow;
        this.signedIn = signedIn;
    }

    /** Entries containing every word of the query, newest first, at most 50, expired and retired ones flagged. */
    @GetMapping
    public List<LibraryEntryView> search(@RequestParam(required = false) String query) {
        String text = query == null ? "" : query.strip();
        if (text.length() < ClaimLibrary.MIN_QUERY || text.length() > ClaimLibrary.MAX_QUERY) {
            throw new InvalidFieldException(
                    "query", "required: " + ClaimLibrary.MIN_QUERY + " to " + ClaimLibrary.MAX_QUERY + " characters");
        }
        var now = workflow.now();
        return workflow.searchLibrary(text).stream()
                .map(entry -> LibraryEntryView.of(entry, now))
                .toList();
    }

    /** Only a credentialed medical reviewer withdraws what credentialed reviewers approved. */
    @PostMapping("/{key}/retire")
    public LibraryEntryView retire(
            @PathVariable String key, @Valid @RequestBody RetireBody body, Authentication authentication) {
        Actor actor = signedIn.of(authentication)
                .filter(Actor::isCredentialedMedicalReviewer)
                .orElseThrow(() -> new AccessDeniedException("only a credentialed medical reviewer retires entries"));
        return LibraryEntryView.of(workflow.retire(key, actor, body.reason().strip()), workflow.now());
    }
}
