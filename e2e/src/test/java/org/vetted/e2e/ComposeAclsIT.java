package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.vetted.contract.Topics;

/**
 * docker-compose.yml's cluster without Docker ({@link ComposeCluster}: compose/kafka-node.sh and
 * compose/kafka-init.sh themselves). Each topic has exactly its one writer, and another service's principal is
 * refused. {@link SecuredClusterIT} runs the four services on the same cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("slow")
class ComposeAclsIT {
    /** Who writes what, from the services' application.yml files. */
    private static final Map<String, String> WRITER = Map.of(
            Topics.DRAFT_SUBMITTED,
            "intake",
            Topics.CLAIM_REVIEWED,
            "review",
            Topics.APPROVED,
            "review",
            Topics.REVIEW_RETURNED,
            "review",
            Topics.WITHDRAWN,
            "review",
            Topics.REVIEW_STATUS,
            "review",
            Topics.CLAIMS_LIBRARY,
            "review",
            Topics.RENDERED,
            "rendering",
            Topics.PUBLISHED,
            "distribution");

    private ComposeCluster cluster;

    @BeforeAll
    void startTheClusterAndRunTheInit() throws Exception {
        cluster = ComposeCluster.withRandomPasswords();
        cluster.start();
    }

    @AfterAll
    void stopTheCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void everyTopicWithAWriteAclHasExactlyOneWriterAndTheEventTopicsTheirOwn() throws Exception {
        Map<String, Set<String>> writers = new TreeMap<>();
        try (Admin admin = Admin.create(cluster.clientConfig("admin"))) {
            for (AclBinding acl :
                    admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS)) {
                AclOperation operation = acl.entry().operation();
                if (acl.pattern().resourceType() == ResourceType.TOPIC
                        && (operation == AclOperation.WRITE || operation == AclOperation.ALL)) {
                    assertThat(acl.pattern().patternType())
                            .as("write ACLs name topics exactly: %s", acl)
                            .isEqualTo(PatternType.LITERAL);
                    writers.computeIfAbsent(acl.pattern().name(), topic -> new TreeSet<>())
                            .add(acl.entry().principal());
                }
            }
        }
        assertThat(writers)
                .allSatisfy(
                        (topic, principals) -> assertThat(principals).as(topic).hasSize(1));
        WRITER.forEach(
                (topic, service) -> assertThat(writers.get(topic)).as(topic).containsExactly("User:" + service));
        // Dead letters: written by the consuming service, under its group's name.
        assertThat(writers.get(Topics.deadLetter(Topics.APPROVED, "rendering"))).containsExactly("User:rendering");
        assertThat(writers.get(Topics.deadLetter(Topics.PUBLISHED, "distribution-pages")))
                .containsExactly("User:distribution");
        assertThat(writers.get(Topics.deadLetter(Topics.PUBLISHED, "distribution-webhooks")))
                .containsExactly("User:distribution");
    }

    @Test
    void eachServiceWritesItsOwnTopicsAndIsRefusedAnothersTopic() {
        assertThat(cluster.write("intake", "intake-acl-test-", Topics.DRAFT_SUBMITTED))
                .isNull();
        assertThat(cluster.write("review", "review-acl-test-", Topics.APPROVED)).isNull();
        assertThat(cluster.write("distribution", "distribution-acl-test-", Topics.PUBLISHED))
                .isNull();

        assertThat(cluster.write("review", "review-acl-test-", Topics.DRAFT_SUBMITTED))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(cluster.write("intake", "intake-acl-test-", Topics.APPROVED))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(cluster.write("rendering", "rendering-acl-test-", Topics.PUBLISHED))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aServiceCannotUseAnothersTransactionalIdsOrConsumerGroup() {
        assertThat(cluster.write("rendering", "intake-acl-test-", Topics.RENDERED))
                .isInstanceOf(TransactionalIdAuthorizationException.class);

        assertThat(cluster.join("rendering", "intake", Topics.APPROVED))
                .isInstanceOf(GroupAuthorizationException.class);
    }
}
