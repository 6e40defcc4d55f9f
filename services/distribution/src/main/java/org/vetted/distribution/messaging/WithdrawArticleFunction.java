package org.vetted.distribution.messaging;

import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import org.vetted.contract.RecordGuard;
import org.vetted.distribution.app.WithdrawArticle;
import org.vetted.distribution.domain.Withdrawal;
import org.vetted.distribution.domain.WithdrawnArticle;
import org.vetted.events.ArticleWithdrawn;
import org.vetted.support.signing.Seals;
import org.vetted.support.stream.Inbound;
import org.vetted.support.stream.Outbound;
import org.vetted.support.stream.Refusal;

/**
 * The {@code withdrawArticle} function: article.withdrawn in, article.published out ({@code ArticleRetracted} or
 * {@code ArticleUnpublished}, sealed by distribution, keyed by article id, so it follows the article's publications
 * on their partition). A decision without review's valid signature is poison: dead-lettered, nothing withdrawn or
 * published. The decision is recorded in the publication gate before the public event is returned, so
 * {@code publishArticle} publishes no rendering of the article read after it. A decision going no further than the
 * recorded one returns nothing.
 */
@Component("withdrawArticle")
public class WithdrawArticleFunction implements Function<Message<ArticleWithdrawn>, Message<byte[]>> {
    private static final Logger log = LoggerFactory.getLogger(WithdrawArticleFunction.class);

    private final WithdrawArticle withdraw;
    private final Inbound<ArticleWithdrawn, Withdrawal> inbound;
    private final Outbound<Object, WithdrawnArticle, SpecificRecordBase> outbound;

    public WithdrawArticleFunction(WithdrawArticle withdraw, Seals seals) {
        this.withdraw = withdraw;
        this.inbound = new Inbound<>(
                seals,
                EventMapper::toDomain,
                new Refusal<ArticleWithdrawn>(
                        log,
                        "Refusing to withdraw",
                        "not withdrawn",
                        withdrawn ->
                                "article " + withdrawn.getArticleId() + " (event " + withdrawn.getEventId() + ")"));
        this.outbound = Outbound.of(seals, EventMapper::toEvent, event -> (String) event.get("articleId"));
    }

    @Override
    public Message<byte[]> apply(Message<ArticleWithdrawn> message) {
        return RecordGuard.process(() -> {
            Inbound.Verified<ArticleWithdrawn, Withdrawal> decision = inbound.verify(message);
            WithdrawArticle.Outcome outcome = withdraw.withdraw(decision.domain());
            if (outcome instanceof WithdrawArticle.Ignored ignored) {
                log.info(
                        "Not withdrawing article again (event {}): {}",
                        decision.domain().eventId(),
                        ignored.reason());
                return null;
            }
            WithdrawnArticle withdrawn = ((WithdrawArticle.Publish) outcome).withdrawal();
            log.info(
                    "Article {} {} by {}: {}",
                    withdrawn.articleId(),
                    withdrawn.kind(),
                    withdrawn.decidedBy().username(),
                    withdrawn.url());
            return PublicRecords.typed(outbound.signedBytes(decision.event(), withdrawn));
        });
    }
}
