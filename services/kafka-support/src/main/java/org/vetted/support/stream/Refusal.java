package org.vetted.support.stream;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.vetted.contract.PoisonEventException;

/**
 * How a service turns a record away: one WARN naming it ({@code "<refusing> <names>: <reason>"}, in the logger of
 * the function or consumer that refuses) and, where the record must not be retried, the
 * {@link PoisonEventException} that dead-letters it at once with {@code "<notDone>: <reason>"} as its cause.
 *
 * @param <E> the record refused
 */
public final class Refusal<E> {
    private final Logger log;
    private final String refusing;
    private final String notDone;
    private final Function<? super E, String> names;
    /** Keys of the records already warned about, or null when every refusal is warned about. */
    private final Function<? super E, String> once;

    private final Set<String> warned;

    /**
     * @param refusing what the WARN starts with, e.g. {@code "Refusing to render"}
     * @param notDone  what the dead letter's cause starts with, e.g. {@code "not rendered"}; null where records are
     *                 only ever skipped
     * @param names    the record as the WARN names it, e.g. {@code "article a1 (event e1)"}
     */
    public Refusal(Logger log, String refusing, String notDone, Function<? super E, String> names) {
        this.log = log;
        this.refusing = refusing;
        this.notDone = notDone;
        this.names = names;
        this.once = null;
        this.warned = null;
    }

    private Refusal(Refusal<E> refusal, Function<? super E, String> once, int remembered) {
        this.log = refusal.log;
        this.refusing = refusal.refusing;
        this.notDone = refusal.notDone;
        this.names = refusal.names;
        this.once = once;
        this.warned = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remembered;
            }
        }));
    }

    /**
     * This refusal warning once per {@code key} (an event id), remembering the latest {@code remembered} keys: a
     * projection meets a skipped record again on each redelivery and rebuild, and one WARN names it well enough.
     */
    public Refusal<E> oncePer(Function<? super E, String> key, int remembered) {
        return new Refusal<>(this, key, remembered);
    }

    /** Logs the refusal and returns what to throw: {@code throw refusal.poison(event, reason)}. */
    public PoisonEventException poison(E event, String reason) {
        if (notDone == null) {
            throw new IllegalStateException("this refusal only skips records");
        }
        skip(event, reason);
        return new PoisonEventException(notDone + ": " + reason);
    }

    /**
     * Logs the refusal only. For a projection, which reads its topic again whenever it is rebuilt and would otherwise
     * dead-letter the same record each time.
     */
    public void skip(E event, String reason) {
        if (once != null && !warned.add(String.valueOf(once.apply(event)))) {
            return;
        }
        log.warn("{} {}: {}", refusing, names.apply(event), reason);
    }
}
