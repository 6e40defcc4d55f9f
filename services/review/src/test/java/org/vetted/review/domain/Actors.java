package org.vetted.review.domain;

import java.util.Set;
import org.vetted.review.domain.staff.Actor;
import org.vetted.review.domain.staff.Role;

/** Staff as the rules see them. */
public final class Actors {
    public static final Actor RITA = new Actor("rita", "Rita Reyes", Set.of(Role.MEDICAL_REVIEWER), "MD");
    public static final Actor PAUL = new Actor("paul", "Paul Park", Set.of(Role.MEDICAL_REVIEWER), "PharmD");
    public static final Actor DANA = new Actor("dana", "Dana Diaz", Set.of(Role.WRITER, Role.MEDICAL_REVIEWER), "RD");
    public static final Actor WANDA = new Actor("wanda", "Wanda Writer", Set.of(Role.WRITER), null);
    public static final Actor EDDIE = new Actor("eddie", "Eddie Editor", Set.of(Role.EDITOR), null);
    /** Not configurable (Staff refuses it), but the rules must hold even so. */
    public static final Actor UNCREDENTIALED = new Actor("uma", "Uma Unlisted", Set.of(Role.MEDICAL_REVIEWER), " ");

    private Actors() {}
}
