package org.vetted.intake;

import org.vetted.contract.Topics;
import org.vetted.support.projection.SharedProjection;
import org.vetted.support.projection.TestProjections;

/**
 * The test binder has no Kafka consumer, so nothing ever tells the article projection where the log ends. This
 * tells it what a new instance sees when the six article topics are empty: joined the group, nothing to catch up
 * with.
 */
public final class Replays {

    public static void markCaughtUp(SharedProjection projection) {
        TestProjections.markCaughtUp(projection, "trackArticle-in-0", Topics.ALL, 1);
    }

    private Replays() {}
}
