package org.vetted.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A scenario whose outcome cannot depend on how many brokers there are: it is decided by a service's own logic,
 * its clock (expiry, embargo), its HTTP edge or the pages in a browser, not by replicated transactions, leaders and
 * coordinators on different nodes, replay from the log, or records written straight to the topics. One broker
 * ({@link EmbeddedKafkaPipelineIT}, in the quick suite) proves it; {@link ThreeBrokerPipelineIT} skips it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Tag(TopologyIndependent.TAG)
@interface TopologyIndependent {
    String TAG = "topology-independent";
}
