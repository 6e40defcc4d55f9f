package org.vetted.support.batch;

import java.util.function.Supplier;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.kafka.transaction.KafkaTransactionManager;
import org.springframework.messaging.MessageChannel;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Kafka transaction over the binder's transactional producer factory, the one every output binding sends with
 * (with the binder's transaction-id-prefix set, no binding has its own): StreamBridge sends made inside it join it,
 * so several records commit together or not at all. Looked up at first use, when the binder exists; null on a binder
 * without one (the test binder).
 */
public final class BinderTransactions implements Supplier<TransactionTemplate> {
    private final BinderFactory binders;
    private volatile TransactionTemplate template;
    private volatile boolean looked;

    public BinderTransactions(BinderFactory binders) {
        this.binders = binders;
    }

    @Override
    public TransactionTemplate get() {
        if (!looked) {
            Binder<MessageChannel, ?, ?> binder = binders.getBinder(null, MessageChannel.class);
            if (binder instanceof KafkaMessageChannelBinder kafka && kafka.getTransactionalProducerFactory() != null) {
                template =
                        new TransactionTemplate(new KafkaTransactionManager<>(kafka.getTransactionalProducerFactory()));
            }
            looked = true;
        }
        return template;
    }
}
