#!/usr/bin/env bash
# One-shot setup of docker-compose.yml's cluster, as the admin: the services' SCRAM users, the event topics with
# their settings, and the ACLs. Idempotent: every run sets the same state (passwords from .env included).
#
# ACLs mirror the services' application.yml files, so that each topic has exactly one writer:
#   intake        writes article.draft-submitted
#   review        writes article.claim-reviewed, article.approved, article.review-returned, article.withdrawn,
#                 article.review-status, claims.library
#   rendering     writes article.rendered
#   distribution  writes article.published
# A consuming service reads with its own group(s), and creates and writes its dead letters, <topic>.<group>.dlt.
# Transactional ids are prefixed with the service's name (${spring.application.name}-${INSTANCE_ID}-).
# Set KAFKA_BIN to run it outside the image (the tools' scripts or wrappers named like them).
#
# Compose starts it once the three nodes answer, which is not yet a cluster: a node answers before it has joined,
# and topics with three replicas need three brokers. So it waits until the admin sees KAFKA_BROKERS brokers (3),
# and a failed attempt (a node restarting, a timeout) is tried again, KAFKA_INIT_ATTEMPTS times (5) in all.
set -euo pipefail
: "${KAFKA_ADMIN_PASSWORD:?not set: make .env first, see the README section on Docker}"

if [ -z "${KAFKA_INIT_ATTEMPT:-}" ]; then
  attempts=${KAFKA_INIT_ATTEMPTS:-5}
  for ((attempt = 1; ; attempt++)); do
    # A new shell per attempt: errexit holds inside it, as it would not inside a function tested by `if`.
    if KAFKA_INIT_ATTEMPT=$attempt bash "$0"; then
      exit 0
    fi
    if ((attempt >= attempts)); then
      echo "kafka-init: failed $attempts times, giving up" >&2
      exit 1
    fi
    echo "kafka-init: attempt $attempt failed; trying again in 10 s" >&2
    sleep 10
  done
fi
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

brokers() { # how many brokers the admin sees (one line per broker in the tool's answer)
  { "$bin/kafka-broker-api-versions.sh" "${as_admin[@]}" 2> /dev/null || true; } | grep -c '(id: ' || true
}
expected=${KAFKA_BROKERS:-3}
deadline=$((SECONDS + ${KAFKA_INIT_WAIT_SECONDS:-180}))
until [ "$(brokers)" -ge "$expected" ]; do
  if ((SECONDS >= deadline)); then
    echo "kafka-init: fewer than $expected brokers after ${KAFKA_INIT_WAIT_SECONDS:-180} s" >&2
    exit 1
  fi
  echo "kafka-init: waiting for $expected brokers"
  sleep 5
done

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

# The ACLs of one service: gathered by the lines after `service`, added by `grant` in five calls of kafka-acls (a JVM
# each, the bulk of this script's time) however many bindings the service has.
service() { # service <name>: the service whose ACLs the next lines gather
  name=$1 write=() read=() groups=() dead=()
}

writes() { # writes <topic>...: the one writer of these topics
  for t in "$@"; do write+=(--topic "$t"); done
}

reads() { # reads <group> <topic>...: a consumer binding, with its dead letters
  local group=$1; shift
  groups+=(--group "$group")
  for t in "$@"; do
    if [[ " ${read[*]} " != *" $t "* ]]; then read+=(--topic "$t"); fi
    dead+=(--topic "$t.$group.dlt")
  done
}

grant() { # grant: the gathered ACLs, and the service's transactional ids
  allow "$name" --operation Write --operation Create "${write[@]}"
  allow "$name" --operation Read --operation DescribeConfigs "${read[@]}"
  allow "$name" --operation Read "${groups[@]}"
  allow "$name" --operation Create --operation Write --operation DescribeConfigs "${dead[@]}"
  allow "$name" --operation Write --operation Describe --transactional-id "$name-" --resource-pattern-type prefixed
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
topic article.review-status --config cleanup.policy=delete
topic claims.library --config cleanup.policy=compact
# Rendered HTML: up to 4 MiB (rendering's and distribution's max.request.size).
topic article.rendered --config cleanup.policy=delete --config max.message.bytes=4194304
topic article.published --config cleanup.policy=delete --config max.message.bytes=4194304

service intake
writes article.draft-submitted
reads intake article.draft-submitted article.claim-reviewed article.approved article.review-returned \
  article.rendered article.published
grant

service review
writes article.claim-reviewed article.approved article.review-returned article.withdrawn \
  article.review-status claims.library
reads review article.draft-submitted article.claim-reviewed article.approved article.review-returned \
  article.withdrawn article.review-status claims.library
grant

service rendering
writes article.rendered
reads rendering article.approved
grant

service distribution
writes article.published
reads distribution article.rendered article.withdrawn article.review-status \
  claims.library
reads distribution-pages article.published
reads distribution-webhooks article.published
grant

"$bin/kafka-acls.sh" "${as_admin[@]}" --list
echo "kafka-init: users, topics and ACLs in place"
