package org.vetted.intake.store;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.vetted.contract.signing.DemoKeys;
import org.vetted.contract.signing.Issuer;
import org.vetted.intake.app.ArticleRecords;
import org.vetted.intake.domain.articles.ArticleEvent;
import org.vetted.intake.messaging.SignedArticleRecords;

/**
 * The registry's reader in tests: signed records are read as the service reads them; the rules' tests, which have
 * domain events only, get a stand-in record per event ({@link #of}) that reads back as that event.
 */
public final class TestRecords implements ArticleRecords {
    private static final String STAND_IN = "stand-in:";
    private static final Map<String, ArticleEvent> STOOD_IN = new ConcurrentHashMap<>();

    private final ArticleRecords signed = new SignedArticleRecords(DemoKeys.signaturesOf(Issuer.INTAKE));

    /** A stand-in record for {@code event}. */
    public static byte[] of(ArticleEvent event) {
        String key = UUID.randomUUID().toString();
        STOOD_IN.put(key, event);
        return (STAND_IN + key).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ArticleEvent read(byte[] record) {
        String text = new String(record, StandardCharsets.UTF_8);
        if (text.startsWith(STAND_IN) && STOOD_IN.containsKey(text.substring(STAND_IN.length()))) {
            return STOOD_IN.get(text.substring(STAND_IN.length()));
        }
        return signed.read(record);
    }
}
