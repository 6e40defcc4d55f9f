package org.vetted.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.avro.util.ClassSecurityValidator;
import org.vetted.events.ArticleApproved;
import org.vetted.events.ArticleCorrected;
import org.vetted.events.ArticlePublished;
import org.vetted.events.ArticleRendered;
import org.vetted.events.ArticleRetracted;
import org.vetted.events.ArticleReviewDue;
import org.vetted.events.ArticleReviewExpired;
import org.vetted.events.ArticleReviewStatus;
import org.vetted.events.ArticleUnpublished;
import org.vetted.events.ArticleWithdrawn;
import org.vetted.events.ClaimLibraryEntry;
import org.vetted.events.ClaimReviewed;
import org.vetted.events.DraftSubmitted;
import org.vetted.events.ReviewReturned;

/**
 * Every event record and every schema it was ever released with. Encodes with Avro single-object encoding
 * (C3 01, the writer schema's CRC-64-AVRO fingerprint, the body) and decodes any record whose writer schema
 * is the current one or a released one, so records written before a schema change stay readable.
 * No registry server is needed: the fingerprint in the header picks the writer schema.
 */
public final class EventCatalog {
    public static final List<Class<? extends SpecificRecordBase>> EVENTS = List.of(
            DraftSubmitted.class,
            ClaimReviewed.class,
            ArticleApproved.class,
            ReviewReturned.class,
            ArticleRendered.class,
            ArticlePublished.class,
            ClaimLibraryEntry.class,
            ArticleWithdrawn.class,
            ArticleRetracted.class,
            ArticleUnpublished.class,
            ArticleReviewStatus.class,
            ArticleReviewDue.class,
            ArticleReviewExpired.class,
            ArticleCorrected.class);

    static final String RELEASED_INDEX = "org/vetted/events/released/index.txt";
    private static final byte[] MAGIC = {(byte) 0xC3, (byte) 0x01};
    private static final int HEADER_LENGTH = 10;

    private static volatile boolean trusted;

    static {
        trustEventClasses();
    }

    /**
     * Avro 1.12 refuses to instantiate classes outside trusted packages (building a record with nested defaults
     * included); the events package is ours. Idempotent; runs whenever this class or {@link org.vetted.contract.signing.Signatures} is loaded.
     */
    public static synchronized void trustEventClasses() {
        if (!trusted) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                    ClassSecurityValidator.getGlobal(), type -> type.getName().startsWith("org.vetted.events.")));
            trusted = true;
        }
    }

    private static final EventCatalog STANDARD = new EventCatalog(loadReleased());

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecordBase>> encoders = new HashMap<>();
    private final Map<Long, BinaryMessageDecoder<SpecificRecordBase>> decodersByFingerprint = new HashMap<>();
    private final Map<String, List<Schema>> released;

    EventCatalog(Map<String, List<Schema>> released) {
        this.released = released;
        for (Class<? extends SpecificRecordBase> type : EVENTS) {
            Schema current = SpecificData.get().getSchema(type);
            SpecificData model = SpecificData.getForClass(type);
            encoders.put(type, new BinaryMessageEncoder<>(model, current));
            BinaryMessageDecoder<SpecificRecordBase> decoder = new BinaryMessageDecoder<>(model, current);
            decodersByFingerprint.put(SchemaNormalization.parsingFingerprint64(current), decoder);
            for (Schema old : released.getOrDefault(current.getFullName(), List.of())) {
                decoder.addSchema(old);
                decodersByFingerprint.put(SchemaNormalization.parsingFingerprint64(old), decoder);
            }
        }
    }

    public static EventCatalog standard() {
        return STANDARD;
    }

    /** Released writer schemas of one record, oldest first. */
    public List<Schema> releasedSchemas(String fullName) {
        return released.getOrDefault(fullName, List.of());
    }

    public byte[] encode(SpecificRecordBase event) {
        BinaryMessageEncoder<SpecificRecordBase> encoder = encoders.get(event.getClass());
        if (encoder == null) {
            throw new IllegalArgumentException(
                    "not an event of the contract: " + event.getClass().getName());
        }
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws IllegalArgumentException naming what is wrong: no single-object header, or a writer schema
     *                                  that is neither current nor released
     */
    public SpecificRecordBase decode(byte[] bytes) {
        if (bytes.length < HEADER_LENGTH || bytes[0] != MAGIC[0] || bytes[1] != MAGIC[1]) {
            throw new IllegalArgumentException("not Avro single-object encoding: missing the C3 01 header");
        }
        long fingerprint =
                ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        BinaryMessageDecoder<SpecificRecordBase> decoder = decodersByFingerprint.get(fingerprint);
        if (decoder == null) {
            throw new IllegalArgumentException("unknown writer schema fingerprint " + Long.toHexString(fingerprint)
                    + ": not a released event schema");
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("corrupt event body: " + e.getMessage(), e);
        }
    }

    static Map<String, List<Schema>> loadReleased() {
        Map<String, List<Schema>> byName = new LinkedHashMap<>();
        ClassLoader loader = EventCatalog.class.getClassLoader();
        for (String file : readLines(loader, RELEASED_INDEX)) {
            String path = "org/vetted/events/released/" + file;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("released schema listed but missing: " + path);
                }
                Schema schema = new Schema.Parser().parse(in);
                byName.computeIfAbsent(schema.getFullName(), name -> new ArrayList<>())
                        .add(schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return byName;
    }

    private static List<String> readLines(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
