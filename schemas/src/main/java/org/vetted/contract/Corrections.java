package org.vetted.contract;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;

/**
 * {@code ArticleCorrected} is {@code ArticlePublished} plus the note and its time: the one copier between them, by
 * field name, so a field added to both needs no code here. A field of one that the other lacks (or carries with
 * another schema) fails when this class loads, and in CorrectionsTest.
 */
public final class Corrections {
    /** The fields only a correction has; every other field of each record is the other's. */
    public static final Set<String> CORRECTION_ONLY = Set.of("correction", "correctedAt");

    private static final int[] PUBLISHED_FROM_CORRECTED = positions(ArticleCorrected.SCHEMA$, ArticlePublished.SCHEMA$);
    private static final int[] CORRECTED_FROM_PUBLISHED = positions(ArticlePublished.SCHEMA$, ArticleCorrected.SCHEMA$);

    /**
     * The publication a correction is (the page it makes): every field of {@code ArticlePublished}, taken from the
     * correction. Values are shared, not copied, and the seal is taken as is: it was made over the correction.
     */
    public static ArticlePublished asPublished(ArticleCorrected corrected) {
        return copy(corrected, new ArticlePublished(), PUBLISHED_FROM_CORRECTED);
    }

    /** The correction of a publication: its fields (values shared, its seal too), the note and when it was corrected. */
    public static ArticleCorrected asCorrected(ArticlePublished published, String correction, Instant correctedAt) {
        ArticleCorrected corrected = copy(published, new ArticleCorrected(), CORRECTED_FROM_PUBLISHED);
        corrected.setCorrection(Objects.requireNonNull(correction, "correction"));
        corrected.setCorrectedAt(Objects.requireNonNull(correctedAt, "correctedAt"));
        return corrected;
    }

    private static <T extends SpecificRecord> T copy(SpecificRecord from, T to, int[] sourceOf) {
        for (int target = 0; target < sourceOf.length; target++) {
            if (sourceOf[target] >= 0) {
                to.put(target, from.get(sourceOf[target]));
            }
        }
        return to;
    }

    /** For each field of {@code target}, the position of the same field in {@code source}, or -1 for a note field. */
    private static int[] positions(Schema source, Schema target) {
        List<Schema.Field> fields = target.getFields();
        int[] positions = new int[fields.size()];
        for (Schema.Field field : fields) {
            Schema.Field same = source.getField(field.name());
            if (same == null && CORRECTION_ONLY.contains(field.name())) {
                positions[field.pos()] = -1;
            } else if (same == null || !same.schema().equals(field.schema())) {
                throw new IllegalStateException(target.getName() + "." + field.name() + " is not in " + source.getName()
                        + " with the same schema");
            } else {
                positions[field.pos()] = same.pos();
            }
        }
        return positions;
    }

    private Corrections() {}
}
