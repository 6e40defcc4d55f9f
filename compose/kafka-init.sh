#!/usr/bin/env bash
# One-shot setup of docker-compose.yml's cluster, as the admin: the services' SCRAM users, the event topics with
# their settings, and the ACLs. Idempotent: every run sets the same state (passwords from .env included).
#
# ACLs mirror the services' application.yml files, so that each topic has exactly one writer:
#   intake        writes article.draft-submitted
#   review        writes article.claim-reviewed, article.approved, article.review-returned, article.withdrawn,
#                 claims.library
#   rendering     writes article.rendered
#   distribution  writes article.published
# A consuming service reads with its own group(s), and creates and writes its dead letters, <topic>.<group>.dlt.
# Transactional ids are prefixed with the service's name (${spring.application.name}-${INSTANCE_ID}-).
# Set KAFKA_BIN to run it outside the image (the tools' scripts or wrappers named like them).
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?not set: make .env first, see the README section on Docker}"
bin=${KAFKA_BIN:-/opt/kafka/bin}
bootstrap=${KAFKA_BOOTSTRAP:-kafka-1:19092,kafka-2:19092,kafka-3:19092}
replicas=${KAFKA_REPLICATION_FACTOR:-3}
min_insync=${KAFKA_MIN_INSYNC_REPLICAS:-2}
admin=$(mktemp)
trap 'rm -f "$admin"' EXIT
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES
as_admin=(--bootstrap-server "$bootstrap" --command-config "$admin")

user() { # user <name> <password>
  "$bin/kafka-configs.sh" "${as_admin[@]}" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
}

topic() { # topic <name> [--config k=v ...]: an event log, kept forever (TopicSettings in kafka-support)
  local name=$1; shift
  "$bin/kafka-topics.sh" "${as_admin[@]}" --create --if-not-exists --topic "$name" --partitions 3 \
    --replication-factor "$replicas" --config min.insync.replicas="$min_insync" \
    --config retention.ms=-1 --config retention.bytes=-1 "$@"
}

allow() { # allow <service> <kafka-acls.sh resource and operation options...>
  local service=$1; shift
  "$bin/kafka-acls.sh" "${as_admin[@]}" --add --allow-principal "User:$service" "$@"
}

writes() { # writes <service> <topic>...: the one writer of these topics
  local service=$1; shift
  local topics=()
  for t in "$@"; do topics+=(--topic "$t"); done
  allow "$service" --operation Write --operation Create "${topics[@]}"
}

reads() { # reads <service> <group> <topic>...: a consumer binding, with its dead letters
  local service=$1 group=$2; shift 2
  local topics=() dead=()
  for t in "$@"; do topics+=(--topic "$t"); dead+=(--topic "$t.$group.dlt"); done
  allow "$service" --operation Read --operation DescribeConfigs "${topics[@]}"
  allow "$service" --operation Read --group "$group"
  allow "$service" --operation Create --operation Write --operation DescribeConfigs "${dead[@]}"
}

transactions() { # transactions <service>: its producers' transactional ids
  allow "$1" --operation Write --operation Describe --transactional-id "$1-" --resource-pattern-type prefixed
}

user intake "${KAFKA_INTAKE_PASSWORD:?}"
user review "${KAFKA_REVIEW_PASSWORD:?}"
user rendering "${KAFKA_RENDERING_PASSWORD:?}"
user distribution "${KAFKA_DISTRIBUTION_PASSWORD:?}"

# Created here so that every topic exists, with its settings, before any service starts: intake reads topics of
# all the others and review reads intake's, so no start order would let each reader find its topics made by their
# writer. The writers may still create their own (Create above), which a new topic needs until it is listed here.
topic article.draft-submitted --config cleanup.policy=delete
topic article.claim-reviewed --config cleanup.policy=delete
topic article.approved --config cleanup.policy=delete
topic article.review-returned --config cleanup.policy=delete
topic article.withdrawn --config cleanup.policy=delete
topic claims.library --config cleanup.policy=compact
# Rendered HTML: up to 4 MiB (rendering's and distribution's max.request.size).
topic article.rendered --config cleanup.policy=delete --config max.message.bytes=4194304
topic article.published --config cleanup.policy=delete --config max.message.bytes=4194304

writes intake article.draft-submitted
reads intake intake article.draft-submitted article.claim-reviewed article.approved article.review-returned \
  article.rendered article.published
transactions intake

writes review article.claim-reviewed article.approved article.review-returned article.withdrawn claims.library
reads review review article.draft-submitted article.claim-reviewed article.approved article.review-returned \
  article.withdrawn claims.library
transactions review

writes rendering article.rendered
reads rendering rendering article.approved
transactions rendering

writes distribution article.published
reads distribution distribution article.rendered article.withdrawn claims.library
reads distribution distribution-pages article.published
transactions distribution

"$bin/kafka-acls.sh" "${as_admin[@]}" --list
echo "kafka-init: users, topics and ACLs in place"
