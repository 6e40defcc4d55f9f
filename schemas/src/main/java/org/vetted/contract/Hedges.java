package org.vetted.contract;

import java.util.List;

/**
 * What softens a health claim, for every service that reads claims: intake marks a claim {@code hedged} when its
 * sentence has one of {@link #PHRASES} (or one of {@link #MODALS} used as a modal verb), and review says "hedge
 * removed" when a rewording drops one. One list, so the two never disagree on what a hedge is. Lower case, matched as
 * whole words of the canonical sentence; a trailing {@code *} matches any ending ("suggest*": suggests, suggested).
 */
public final class Hedges {
    public static final List<String> PHRASES = List.of(
            "is thought to",
            "are thought to",
            "was thought to",
            "were thought to",
            "thought to",
            "is believed to",
            "are believed to",
            "believed to",
            "potentially",
            "potential",
            "suggest*",
            "some evidence",
            "possibly",
            "possible",
            "perhaps",
            "probably",
            "likely",
            "unlikely",
            "appears to",
            "appear to",
            "seems to",
            "seem to",
            "preliminary",
            "may be",
            "might be",
            "could be");
    /** Hedges only as modal verbs: "May" the month and "a can" are not (each service tells them apart its way). */
    public static final List<String> MODALS = List.of("may", "might", "could", "can");

    private Hedges() {}
}
