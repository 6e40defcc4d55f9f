package org.vetted.support.stream;

import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.springframework.messaging.Message;
import org.vetted.contract.PoisonEventException;
import org.vetted.support.signing.Seals;

/**
 * The inbound step of a stream function: the seal check, then the mapping to the domain. The function then holds
 * the domain call alone, and no domain type is made from a record whose seal does not hold.
 *
 * @param <E> the event consumed
 * @param <D> what the domain gets of it
 */
public final class Inbound<E extends SpecificRecordBase, D> {

    /** A record whose seals hold, with what the domain gets of it; the event stays for the outbound mapping. */
    public record Verified<E, D>(E event, D domain) {}

    private final Seals seals;
    private final Function<? super E, ? extends D> toDomain;
    private final Refusal<? super E> refusal;

    /**
     * @param toDomain may throw {@code PoisonEventException} for a sealed record the domain cannot take
     * @param refusal  how a record is turned away: by the seal check here, and by the domain through
     *                 {@link #refuse}
     */
    public Inbound(Seals seals, Function<? super E, ? extends D> toDomain, Refusal<? super E> refusal) {
        this.seals = seals;
        this.toDomain = toDomain;
        this.refusal = refusal;
    }

    /** The verified record; one whose seals do not hold is poison (logged, then dead-lettered by the thrown cause). */
    public Verified<E, D> verify(Message<E> message) {
        E event = message.getPayload();
        Optional<String> problem = seals.problem(event);
        if (problem.isPresent()) {
            throw refusal.poison(event, problem.get());
        }
        return new Verified<>(event, toDomain.apply(event));
    }

    /** The verified record, or empty (logged) when its seals do not hold: for projections, which skip it. */
    public Optional<Verified<E, D>> verifyOrSkip(Message<E> message) {
        E event = message.getPayload();
        Optional<String> problem = seals.problem(event);
        if (problem.isPresent()) {
            refusal.skip(event, problem.get());
            return Optional.empty();
        }
        return Optional.of(new Verified<>(event, toDomain.apply(event)));
    }

    /** The domain's refusal of a verified record, logged as the seal check's are: {@code throw inbound.refuse(...)}. */
    public PoisonEventException refuse(Verified<? extends E, ?> verified, String reason) {
        return refusal.poison(verified.event(), reason);
    }
}
