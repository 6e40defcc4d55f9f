#!/usr/bin/env bash
# One node of docker-compose.yml's Kafka cluster: broker and controller in one process, on Apache's image.
# Configured here rather than through the image's KAFKA_* variables: the per-listener SASL settings and the SCRAM
# bootstrap at format time do not map onto those. The properties are written on every start and kept out of the data
# volume, since they hold the admin password.
#
# Listeners, all SASL (no unauthenticated way in):
#   INTERNAL   :19092  SCRAM-SHA-512  brokers among themselves and the services on the compose network
#   EXTERNAL   :$EXTERNAL_PORT  SCRAM-SHA-512  the same, from the host (localhost:9092, 9192, 9292)
#   CONTROLLER :9093   PLAIN          KRaft: a controller cannot use SCRAM, whose credentials live in the metadata
#                                     it serves; PLAIN with the admin alone, inside the compose network
# The variables after the first two lines only move it outside the image (the e2e test runs three on one host).
set -euo pipefail
: "${NODE_ID:?}" "${EXTERNAL_PORT:?}" "${CLUSTER_ID:?}"
: "${KAFKA_ADMIN_PASSWORD:?not set: make .env first, see the README section on Docker}"

bin=${KAFKA_BIN:-/opt/kafka/bin}
data=${KAFKA_DATA:-/var/lib/kafka/data}
config_dir=${KAFKA_CONFIG_DIR:-/tmp}
host=${KAFKA_HOST:-kafka-${NODE_ID}}
external_host=${KAFKA_EXTERNAL_HOST:-localhost}
internal_port=${KAFKA_INTERNAL_PORT:-19092}
controller_port=${KAFKA_CONTROLLER_PORT:-9093}
voters=${KAFKA_VOTERS:-1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093}
config=$config_dir/server.properties

cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=${NODE_ID}
controller.quorum.voters=${voters}
listeners=INTERNAL://:${internal_port},EXTERNAL://:${EXTERNAL_PORT},CONTROLLER://:${controller_port}
advertised.listeners=INTERNAL://${host}:${internal_port},EXTERNAL://${external_host}:${EXTERNAL_PORT}
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
listener.name.external.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}" user_admin="${KAFKA_ADMIN_PASSWORD}";
# Nothing is allowed that an ACL does not allow; the admin (brokers, controllers, the init) is the only super user.
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:admin
log.dirs=${data}
num.partitions=3
# Three replicas of everything, the transaction log included; two must have a write, so one node can be down.
default.replication.factor=3
min.insync.replicas=2
offsets.topic.replication.factor=3
transaction.state.log.replication.factor=3
transaction.state.log.min.isr=2
share.coordinator.state.topic.replication.factor=3
share.coordinator.state.topic.min.isr=2
unclean.leader.election.enable=false
# Topics are created with their settings (kafka-init, the services), never by a client's metadata request.
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
PROPERTIES

# The healthcheck's and the operator's admin client settings.
cat > "$config_dir/admin.properties" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES

if [ ! -f "$data/meta.properties" ]; then
  # The admin's SCRAM credential goes in at format time: the brokers need it to talk to each other before any
  # client could create it.
  "$bin/kafka-storage.sh" format -t "$CLUSTER_ID" -c "$config" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]"
fi
exec "$bin/kafka-server-start.sh" "$config"
