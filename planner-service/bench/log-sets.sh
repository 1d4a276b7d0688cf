#!/usr/bin/env bash
# Set-logging benchmark of planner-service (the speed target):
#
#   "Logging a set, durably, at >= 50 % of pgbench's single-row INSERT rate at the same concurrency
#    in the same run, on the same PostgreSQL, with p99 under 50 ms (load from a second process on
#    loopback)."
#
#   planner-service/bench/log-sets.sh
#
# Builds what it needs from a fresh clone first (./mvnw package -pl planner-service,deploy/kafka-broker
# -am: the reactor's own modules, nothing installed into ~/.m2; BENCH_SKIP_BUILD=1 uses target/ as it
# is, e.g. for an A/B run with APP_DIR; Maven options such as -o go in MAVEN_ARGS).
# Starts, on free 127.0.0.1 ports in a throwaway directory: PostgreSQL (default durability:
# fsync=on, synchronous_commit=on, full_page_writes=on), a one-node Kafka (KRaft), and the packaged
# planner-service (target/quarkus-app, copied first) with its outbox relay, verifying RS256 tokens
# against a key pair made for this run, connected as the owner of its database (no superuser).
# Seeds PATIENTS patients with an active plan of the built-in
# template, then drives POST /me/sets with wrk (a second process) at CONNECTIONS
# connections: a warm-up, then the measured phase. Then pgbench at the same concurrency against
# the same PostgreSQL, then checks that every 201 is a row and that the outbox drained to Kafka.
# Everything it started is stopped on exit (the directory is removed unless KEEP_WORKDIR=1).
#
# Settings (environment): CONNECTIONS (32), WRK_THREADS (2), WARMUP_SECONDS (60),
# MEASURE_SECONDS (25), PGBENCH_SECONDS (15), PATIENTS (16000), WARMUP_PATIENTS (6000),
# SVC_JAVA_OPTS ("-Xms512m -Xmx512m"), SVC_EXTRA_OPTS (more -D options for the service),
# KEEP_WORKDIR (0), PAUSE_AFTER_SEED (0: 1 leaves it all running after seeding, for a look),
# JFR_SECONDS (0: N records a JFR profile of the service for N s of the measured phase, into
# JFR_FILE, default planner-service/target/log-sets.jfr; summarise it with bench/jfr-split.py),
# EXPERIMENT_NO_NOTIFY (0: 1 drops outbox_event's NOTIFY trigger in the throwaway database and
# lets the relay poll every 50 ms instead: NOT the shipped configuration, a what-if; no verdict).
# Exit status: 0 all targets met and all checks passed, 1 a target missed,
# 2 a correctness check failed (non-201 answers, lost rows, outbox not drained), 3 set-up failed.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MODULE=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$MODULE/.." && pwd)

CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
MEASURE_SECONDS=${MEASURE_SECONDS:-25}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-15}
PATIENTS=${PATIENTS:-16000}
WARMUP_PATIENTS=${WARMUP_PATIENTS:-6000}
SVC_JAVA_OPTS=${SVC_JAVA_OPTS:--Xms512m -Xmx512m}
SVC_EXTRA_OPTS=${SVC_EXTRA_OPTS:-}
KEEP_WORKDIR=${KEEP_WORKDIR:-0}
EXPERIMENT_NO_NOTIFY=${EXPERIMENT_NO_NOTIFY:-0}
if [ "$EXPERIMENT_NO_NOTIFY" = 1 ]; then
  SVC_EXTRA_OPTS="$SVC_EXTRA_OPTS -Dbackstrong.outbox.poll-interval=50ms"
fi

TARGET_SHARE_OF_PGBENCH=50   # per cent of pgbench's single-row INSERT rate, same run
TARGET_P99_MS=50
JFR_SECONDS=${JFR_SECONDS:-0}
JFR_FILE=${JFR_FILE:-$MODULE/target/log-sets.jfr}

ISSUER=https://bench.backstrong.invalid/realms/backstrong
CLINIC=bench-clinic
APP_DIR=${APP_DIR:-$MODULE/target/quarkus-app}   # APP_DIR: another packaged build, for A/B runs
KAFKA_CLASSPATH_FILE=$ROOT/deploy/kafka-broker/target/classes/org/backstrong/kafka/broker-classpath.txt
TOPICS=(plan-events set-events progress-events plan-events.dlq set-events.dlq progress-events.dlq)

say()  { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die()  { printf 'log-sets: %s\n' "$*" >&2; exit 3; }
now()  { date +%s; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# ------------------------------------------------------------------------- build

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  say "building planner-service and deploy/kafka-broker (./mvnw -B -q package -DskipTests -am)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl planner-service,deploy/kafka-broker -am) >/dev/null \
    || { echo "log-sets: the build failed" >&2; exit 3; }
fi

# ------------------------------------------------------------------------- prerequisites

missing=()
command -v java >/dev/null 2>&1 || missing+=("java (a JDK 17+: apt-get install openjdk-17-jdk-headless)")
command -v wrk >/dev/null 2>&1 || missing+=("wrk (apt-get install wrk)")
command -v curl >/dev/null 2>&1 || missing+=("curl (apt-get install curl)")
command -v ss >/dev/null 2>&1 || missing+=("ss (apt-get install iproute2)")
PG_BIN=""
for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  if [ -x "$d/initdb" ] && [ -x "$d/postgres" ] && [ -x "$d/pgbench" ] && [ -x "$d/psql" ]; then PG_BIN=$d; break; fi
done
[ -n "$PG_BIN" ] || missing+=("PostgreSQL server binaries with pgbench (apt-get install postgresql postgresql-contrib)")
if is_root; then
  id postgres >/dev/null 2>&1 || missing+=("a 'postgres' system user to run PostgreSQL as (comes with Debian's postgresql package)")
  command -v runuser >/dev/null 2>&1 || missing+=("runuser (apt-get install util-linux)")
fi
[ -f "$APP_DIR/quarkus-run.jar" ] || missing+=("$APP_DIR/quarkus-run.jar (build it: ./mvnw -B -q package -DskipTests -pl planner-service -am)")
if [ ! -s "$KAFKA_CLASSPATH_FILE" ]; then
  missing+=("$KAFKA_CLASSPATH_FILE (build it: ./mvnw -B -q package -DskipTests -pl deploy/kafka-broker -am)")
else
  for jar in $(tr ':' ' ' <"$KAFKA_CLASSPATH_FILE"); do
    [ -f "$jar" ] || { missing+=("$jar, on the Kafka broker classpath (rebuild deploy/kafka-broker)"); break; }
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf 'log-sets: missing prerequisites:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 3
fi
JAVA=$(command -v java)
java_major=$("$JAVA" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}' | cut -d. -f1)
[ "${java_major:-0}" -ge 17 ] || die "java on PATH is version $java_major; a JDK 17+ is needed"
slots_per_patient=33 # checked against the template after seeding
[ $(( (PATIENTS - WARMUP_PATIENTS) > 0 )) -eq 1 ] || die "PATIENTS must exceed WARMUP_PATIENTS"

# ------------------------------------------------------------------------- processes and cleanup

WORK=$(mktemp -d /tmp/backstrong-bench.XXXXXX)
chmod 755 "$WORK"
PG_DATA=$WORK/pgdata
SVC_PID=""
KAFKA_PID=""
PG_STARTED=""
WRK_PID=""

as_pg() { if is_root; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null || true
  if [ -n "$SVC_PID" ] && kill -0 "$SVC_PID" 2>/dev/null; then
    kill -TERM "$SVC_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$SVC_PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$SVC_PID" 2>/dev/null || true
  fi
  if [ -n "$KAFKA_PID" ] && kill -0 "$KAFKA_PID" 2>/dev/null; then
    kill -TERM "$KAFKA_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$KAFKA_PID" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$KAFKA_PID" 2>/dev/null || true
  fi
  if [ -n "$PG_STARTED" ]; then
    as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 60 >/dev/null 2>&1 || true
  fi
  if [ "$KEEP_WORKDIR" = 1 ] || [ $rc -eq 3 ]; then
    echo "(logs and data kept in $WORK)" >&2
  else
    rm -rf "$WORK"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A TCP port on 127.0.0.1 that nothing listens on (and that this run has not taken yet).
TAKEN=" "
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    [[ "$TAKEN" == *" $p "* ]] && continue
    if [ -z "$(ss -ltnH "( sport = :$p )" 2>/dev/null)" ]; then TAKEN="$TAKEN$p "; echo "$p"; return 0; fi
  done
  die "no free port found"
}

wait_until() { # seconds, description, command...
  local limit=$1 what=$2; shift 2
  local t0; t0=$(now)
  until "$@" >/dev/null 2>&1; do
    [ $(( $(now) - t0 )) -lt "$limit" ] || return 1
    sleep 0.5
  done
}

# CPU ticks (user+system) of processes, and of the whole machine (busy, all CPUs).
proc_ticks() {
  local total=0 pid f
  for pid in "$@"; do
    f=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    set -- $f
    total=$(( total + ${12} + ${13} ))
  done
  echo "$total"
}
machine_busy_ticks() { awk '/^cpu / {print $2+$3+$4+$7+$8+$9}' /proc/stat; }
pg_pids() { local pm; pm=$(head -n1 "$PG_DATA/postmaster.pid"); echo "$pm $(pgrep -P "$pm" | tr '\n' ' ')"; }
# CPU seconds of this shell's finished children (wrk, once waited for); `times` must not run in a subshell.
children_cpu_seconds() { times >"$WORK/times"; sed -n 2p "$WORK/times" | awk '{ split($1,a,/[ms]/); split($2,b,/[ms]/); printf "%.2f", a[1]*60+a[2]+b[1]*60+b[2] }'; }

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
say "machine: $(nproc) CPUs, $(free -g | awk '/^Mem:/ {print $2}') GiB, load average $LOAD_BEFORE"
top -bn1 | sed -n '8,12p' | sed 's/^/    /'

# ------------------------------------------------------------------------- PostgreSQL

PG_PORT=$(free_port)
PG_PASSWORD=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
export PGPASSWORD=$PG_PASSWORD PGHOST=127.0.0.1 PGPORT=$PG_PORT PGUSER=backstrong
mkdir -p "$PG_DATA" "$WORK/pgrun"
(umask 077; printf '%s\n' "$PG_PASSWORD" >"$WORK/pwfile")
touch "$WORK/postgres.log"
is_root && chown postgres: "$PG_DATA" "$WORK/pgrun" "$WORK/pwfile" "$WORK/postgres.log"
say "PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')): 127.0.0.1:$PG_PORT, data in $PG_DATA"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U backstrong --pwfile="$WORK/pwfile" --auth=scram-sha-256 -E UTF8 \
  --no-locale >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
rm -f "$WORK/pwfile"
# Only connection settings: durability stays at PostgreSQL's defaults.
as_pg "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$WORK/postgres.log" -w -t 60 \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK/pgrun -c max_connections=200" \
  >/dev/null || { tail -n 20 "$WORK/postgres.log" >&2; die "PostgreSQL did not start"; }
PG_STARTED=1
# As deploy/local does: the service's own login role owns its database and is no superuser. The
# service, the seed, the checks and pgbench all connect as it; only this set-up uses the superuser.
PLANNER_PASSWORD=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres -v pw="$PLANNER_PASSWORD" <<'SQL'
CREATE ROLE planner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'pw';
CREATE DATABASE planner OWNER planner;
REVOKE ALL ON DATABASE planner FROM PUBLIC;
SQL
export PGUSER=planner PGPASSWORD=$PLANNER_PASSWORD
psql_q() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d planner "$@"; }
[ "$(psql_q -tAc "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")" = f ] || die "planner's role is a superuser"
DURABILITY=$(psql_q -tAc "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'commit_delay')")
note "$DURABILITY"
case "$DURABILITY" in
  *fsync=on*full_page_writes=on*synchronous_commit=on*) ;;
  *) die "PostgreSQL is not at default durability: $DURABILITY" ;;
esac

# ------------------------------------------------------------------------- tokens (in the background)

say "signing $PATIENTS RS256 patient tokens"
"$JAVA" "$HERE/TokenSigner.java" "$WORK" "$PATIENTS" "$ISSUER" "$CLINIC" 4 >"$WORK/tokens.log" 2>&1 &
SIGNER_PID=$!

# ------------------------------------------------------------------------- Kafka

KAFKA_PORT=$(free_port)
KAFKA_CONTROLLER_PORT=$(free_port)
KAFKA_DIR=$WORK/kafka
mkdir -p "$KAFKA_DIR/data"
cat >"$KAFKA_DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=6
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
EOF
cat >"$KAFKA_DIR/log4j2.properties" <<'EOF'
status = warn
appender.console.type = Console
appender.console.name = STDOUT
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.console.ref = STDOUT
logger.kafka.name = kafka
logger.kafka.level = warn
logger.apache.name = org.apache.kafka
logger.apache.level = warn
logger.raftserver.name = kafka.server.KafkaRaftServer
logger.raftserver.level = info
EOF
cat >"$KAFKA_DIR/log4j2-tools.properties" <<'EOF'
status = error
appender.console.type = Console
appender.console.name = STDERR
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %p %m (%c)%n
rootLogger.level = error
rootLogger.appenderRef.console.ref = STDERR
EOF
KAFKA_CP=$(cat "$KAFKA_CLASSPATH_FILE")
kafka_tool() {
  CLASSPATH=$KAFKA_CP "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="file:$KAFKA_DIR/log4j2-tools.properties" "$@"
}
say "Kafka: 127.0.0.1:$KAFKA_PORT (controller $KAFKA_CONTROLLER_PORT)"
kafka_tool kafka.tools.StorageTool format --standalone --cluster-id="$(kafka_tool kafka.tools.StorageTool random-uuid)" \
  -c "$KAFKA_DIR/server.properties" >"$KAFKA_DIR/format.log" 2>&1 || { cat "$KAFKA_DIR/format.log" >&2; die "formatting Kafka failed"; }
CLASSPATH=$KAFKA_CP "$JAVA" -Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
  -Djava.net.preferIPv4Stack=true -Dlog4j2.configurationFile="file:$KAFKA_DIR/log4j2.properties" \
  kafka.Kafka "$KAFKA_DIR/server.properties" >"$KAFKA_DIR/kafka.log" 2>&1 </dev/null &
KAFKA_PID=$!
kafka_ready() { kill -0 "$KAFKA_PID" && grep -q 'Kafka Server started' "$KAFKA_DIR/kafka.log"; }
wait_until 120 Kafka kafka_ready || { tail -n 30 "$KAFKA_DIR/kafka.log" >&2; die "Kafka not ready"; }
for topic in "${TOPICS[@]}"; do
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --create \
    --if-not-exists --topic "$topic" --partitions 6 --replication-factor 1 >>"$KAFKA_DIR/topics.log" 2>&1 \
    || { cat "$KAFKA_DIR/topics.log" >&2; die "creating topic $topic failed"; }
done
note "topics: ${TOPICS[*]} (6 partitions)"

wait "$SIGNER_PID" || { cat "$WORK/tokens.log" >&2; die "signing tokens failed"; }
note "$(cat "$WORK/tokens.log")"

# ------------------------------------------------------------------------- planner-service

SVC_PORT=$(free_port)
SVC_MANAGEMENT_PORT=$(free_port)
cp -a "$APP_DIR" "$WORK/app"   # a rebuild of target/ during the run cannot touch what runs
say "planner-service: 127.0.0.1:$SVC_PORT ($SVC_JAVA_OPTS), jar built $(date -r "$APP_DIR/quarkus-run.jar" '+%F %T')"
# shellcheck disable=SC2086
(
  cd "$WORK"
  export QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/planner"
  export QUARKUS_DATASOURCE_USERNAME=planner QUARKUS_DATASOURCE_PASSWORD=$PLANNER_PASSWORD
  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
  # Required outside dev and test; the bench calls no page, any key does.
  export BACKSTRONG_WEB_CSRF_KEY=$(od -An -tx1 -N24 /dev/urandom | tr -d ' \n')
  # Required at start; the bench enrols no patient through Keycloak's admin API.
  export BACKSTRONG_INVITATIONS_CLIENT_SECRET=unused-by-the-bench
  exec "$JAVA" $SVC_JAVA_OPTS -Djava.net.preferIPv4Stack=true \
    -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$SVC_PORT" -Dquarkus.management.port="$SVC_MANAGEMENT_PORT" \
    -Dquarkus.oidc.public-key="$(tr -d '\n' <"$WORK/public-key.b64")" \
    -Dquarkus.oidc.token.issuer="$ISSUER" \
    -Dquarkus.oidc.web.tenant-enabled=false \
    $SVC_EXTRA_OPTS -jar "$WORK/app/quarkus-run.jar"
) >"$WORK/planner-service.log" 2>&1 </dev/null &
SVC_PID=$!
svc_ready() { kill -0 "$SVC_PID" && curl -fsS -m 5 "http://127.0.0.1:$SVC_MANAGEMENT_PORT/q/health/ready"; }
wait_until 180 planner-service svc_ready || { tail -n 40 "$WORK/planner-service.log" >&2; die "planner-service not ready"; }
note "ready: $(grep -o 'started in [0-9.]*s' "$WORK/planner-service.log" | head -n1)"

# ------------------------------------------------------------------------- seed

TODAY=$(date +%F)   # the service's clock is the system default zone; so is date(1)
DOW=$(date +%u)
WEEKDAYS=$(printf '%s\n' "$DOW" $(( (DOW + 1) % 7 + 1 )) $(( (DOW + 3) % 7 + 1 )) | sort -n | paste -sd, -)
say "seeding $PATIENTS patients with an active 'Back strength — 4 weeks' plan (weekdays {$WEEKDAYS}, session $TODAY)"
t0=$(now)
psql_q -v patients="$PATIENTS" -v today="$TODAY" -v weekdays="{$WEEKDAYS}" -f "$HERE/seed.sql" >"$WORK/seed.log"
psql_q -tA -c "COPY (SELECT p.id || ' ' || string_agg(i.id::text, ' ' ORDER BY i.position) FROM plan p
    JOIN plan_item i ON i.plan_id = p.id WHERE p.patient_id LIKE 'bench-p-%' GROUP BY p.id, p.patient_id
    ORDER BY p.patient_id) TO STDOUT" >"$WORK/plans.txt"
psql_q -tA -c "COPY (SELECT concat_ws('|', position, dose_kind, sets_max, CASE WHEN per_side THEN 't' ELSE 'f' END,
    load_kind, coalesce(load_kg::text, ''), coalesce(band, '')) FROM template_item
    WHERE template_id = '00000000-0000-4000-8000-000000000b04' ORDER BY position) TO STDOUT" >"$WORK/slots.txt"
slots_per_patient=$(psql_q -tAc "SELECT sum(sets_max * CASE WHEN per_side THEN 2 ELSE 1 END) FROM template_item
    WHERE template_id = '00000000-0000-4000-8000-000000000b04'")
if [ "$EXPERIMENT_NO_NOTIFY" = 1 ]; then
  psql_q -c 'DROP TRIGGER IF EXISTS outbox_event_inserted ON outbox_event'
  note "EXPERIMENT: outbox_event's NOTIFY trigger dropped, relay polling every 50 ms (not the shipped configuration)"
fi
note "$(wc -l <"$WORK/plans.txt") plans, $(psql_q -tAc "SELECT count(*) FROM plan_item") plan items, $slots_per_patient set slots per patient, $(( $(now) - t0 ))s"

# PAUSE_AFTER_SEED=1: leave everything running for a look (profiling, curl) until $WORK/continue exists.
if [ "${PAUSE_AFTER_SEED:-0}" = 1 ]; then
  say "paused (at most 30 min): service http://127.0.0.1:$SVC_PORT, PGPORT=$PG_PORT, tokens $WORK/tokens.txt,"
  note "plans $WORK/plans.txt, service pid $SVC_PID; touch $WORK/continue to go on"
  for _ in $(seq 1 1800); do [ -e "$WORK/continue" ] && break; sleep 1; done
fi

# ------------------------------------------------------------------------- load

URL=http://127.0.0.1:$SVC_PORT
run_wrk() { # phase first last seconds result
  local phase=$1 first=$2 last=$3 seconds=$4 result=$5
  wrk -t "$WRK_THREADS" -c "$CONNECTIONS" -d "${seconds}s" --timeout 10s -s "$HERE/log-sets.lua" "$URL" \
    -- "$WORK" "$first" "$last" "$phase" "$TODAY" "$result" "$WRK_THREADS" >"$result.out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || { cat "$result.out" >&2; die "wrk failed"; }
  WRK_PID=""
  [ -s "$result" ] || { cat "$result.out" >&2; die "wrk wrote no result"; }
}
get() { sed -n "s/^$1=//p" "$2"; }

say "warm-up: ${WARMUP_SECONDS}s, $CONNECTIONS connections, patients 1..$WARMUP_PATIENTS"
run_wrk 1 1 "$WARMUP_PATIENTS" "$WARMUP_SECONDS" "$WORK/warmup.result"
note "$(get created "$WORK/warmup.result") sets logged, $(get rate "$WORK/warmup.result")/s, p99 $(get p99_ms "$WORK/warmup.result") ms, non-201 $(get non_201 "$WORK/warmup.result")"
# A cold JVM on a busy machine may time out its very first requests: tolerated in the warm-up (they
# count as unanswered in the row check), but any answer other than 201 stops the run.
if [ "$(get socket_errors "$WORK/warmup.result")" != 0 ]; then
  note "warm-up socket errors (timeouts of a cold JVM): $(get socket_errors "$WORK/warmup.result")"
fi
if [ "$(get non_201 "$WORK/warmup.result")" != 0 ]; then
  cat "$WORK/warmup.result.out" >&2
  echo "log-sets: FAIL: non-201 answers during the warm-up" >&2
  exit 2
fi

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
say "measured: ${MEASURE_SECONDS}s, $CONNECTIONS connections, patients $((WARMUP_PATIENTS + 1))..$PATIENTS (load average $LOAD_START)"
if [ "$JFR_SECONDS" -gt 0 ]; then
  # Started before the CPU counters are read, so jcmd's own JVM is not counted; it records the
  # first JFR_SECONDS of the measured phase.
  mkdir -p "$(dirname "$JFR_FILE")"
  jcmd "$SVC_PID" JFR.start name=bench settings=profile duration="${JFR_SECONDS}s" filename="$JFR_FILE" >/dev/null \
    || die "jcmd JFR.start failed"
  note "JFR: ${JFR_SECONDS}s of the measured phase into $JFR_FILE"
fi
# The cache of verified bearer tokens, from /q/metrics: requests answered from it, tokens verified and kept.
token_cache() {
  curl -fsS -m 5 "http://127.0.0.1:$SVC_MANAGEMENT_PORT/q/metrics" \
    | awk '/^backstrong_bearer_token_cache_hits_total/ {h=$2} /^backstrong_bearer_token_cache_kept_total/ {k=$2}
           END {printf "%d %d\n", h, k}'
}
read -r HITS0 KEPT0 < <(token_cache || echo "0 0")
busy0=$(machine_busy_ticks); svc0=$(proc_ticks "$SVC_PID"); pg0=$(proc_ticks $(pg_pids)); kafka0=$(proc_ticks "$KAFKA_PID")
children_cpu_seconds >"$WORK/child0"
run_wrk 2 $((WARMUP_PATIENTS + 1)) "$PATIENTS" "$MEASURE_SECONDS" "$WORK/measured.result"
busy1=$(machine_busy_ticks); svc1=$(proc_ticks "$SVC_PID"); pg1=$(proc_ticks $(pg_pids)); kafka1=$(proc_ticks "$KAFKA_PID")
children_cpu_seconds >"$WORK/child1"; child0=$(cat "$WORK/child0"); child1=$(cat "$WORK/child1")
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
read -r HITS1 KEPT1 < <(token_cache || echo "0 0")
M=$WORK/measured.result
RATE=$(get rate "$M"); P50=$(get p50_ms "$M"); P90=$(get p90_ms "$M"); P99=$(get p99_ms "$M"); P999=$(get p999_ms "$M")
MAXMS=$(get max_ms "$M"); CREATED=$(get created "$M"); NON201=$(get non_201 "$M"); SOCKERR=$(get socket_errors "$M")
EXHAUSTED=$(get exhausted "$M"); SECS=$(get seconds "$M")
TCK=$(getconf CLK_TCK)
cpu() { awk -v t="$1" -v s="$SECS" -v k="$TCK" 'BEGIN { printf "%.2f", t / k / s }'; }
CPU_SVC=$(cpu $((svc1 - svc0))); CPU_PG=$(cpu $((pg1 - pg0))); CPU_KAFKA=$(cpu $((kafka1 - kafka0)))
CPU_ALL=$(cpu $((busy1 - busy0)))
CPU_WRK=$(awk -v a="$child0" -v b="$child1" -v s="$SECS" 'BEGIN { printf "%.2f", (b - a) / s }')
CPU_OTHER=$(awk -v all="$CPU_ALL" -v a="$CPU_SVC" -v b="$CPU_PG" -v c="$CPU_KAFKA" -v d="$CPU_WRK" \
  'BEGIN { x = all - a - b - c - d; if (x < 0) x = 0; printf "%.2f", x }')

# ------------------------------------------------------------------------- pgbench baseline

pgbench_tps() { # script -> tps
  "$PG_BIN/pgbench" -n -M prepared -c "$CONNECTIONS" -j 2 -T "$PGBENCH_SECONDS" -f "$1" planner >"$2" 2>&1 \
    || { cat "$2" >&2; die "pgbench failed"; }
  sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$2" | head -n1
}
pg_latency() { sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$1"; }
say "pgbench: single-row INSERT, $CONNECTIONS clients, ${PGBENCH_SECONDS}s"
PGB_INSERT=$(pgbench_tps "$HERE/pgbench-insert.sql" "$WORK/pgbench-insert.out")
note "$PGB_INSERT tps (latency average $(pg_latency "$WORK/pgbench-insert.out") ms)"
say "pgbench: set row + outbox row in one transaction, $CONNECTIONS clients, ${PGBENCH_SECONDS}s"
PGB_TXN=$(pgbench_tps "$HERE/pgbench-set-and-outbox.sql" "$WORK/pgbench-txn.out")
note "$PGB_TXN tps (latency average $(pg_latency "$WORK/pgbench-txn.out") ms)"
say "pgbench: the same plus the trigger's pg_notify, $CONNECTIONS clients, ${PGBENCH_SECONDS}s"
PGB_NOTIFY=$(pgbench_tps "$HERE/pgbench-set-outbox-notify.sql" "$WORK/pgbench-notify.out")
note "$PGB_NOTIFY tps (latency average $(pg_latency "$WORK/pgbench-notify.out") ms)"

# ------------------------------------------------------------------------- checks

say "checking: rows, outbox, Kafka"
TOTAL_201=$(( $(get created "$WORK/warmup.result") + CREATED ))
# wrk stops on the clock with a request in flight on (nearly) every connection: those were sent but never
# answered, and the service may have stored them. So rows = 201s + k, 0 <= k <= unanswered.
UNANSWERED=$(( $(get unanswered "$WORK/warmup.result") + $(get unanswered "$M") ))
drained() { [ "$(psql_q -tAc 'SELECT count(*) FROM outbox_event WHERE published_at IS NULL')" = 0 ]; }
wait_until 120 outbox drained || true
ROWS=$(psql_q -tAc "SELECT count(*) FROM logged_set")
OUTBOX=$(psql_q -tAc "SELECT count(*) FROM outbox_event WHERE type = 'backstrong.set.completed.v1'")
UNPUBLISHED=$(psql_q -tAc "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
RELAY_LAG=$(psql_q -tAc "SELECT coalesce(round(percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM published_at - occurred_at)) * 1000), -1) FROM outbox_event WHERE published_at IS NOT NULL")
KAFKA_RECORDS=$(kafka_tool org.apache.kafka.tools.GetOffsetShell --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
  --topic set-events 2>>"$KAFKA_DIR/topics.log" | awk -F: '{ s += $3 } END { print s + 0 }')

CHECKS_OK=1
check() { # ok? label
  if [ "$1" = 1 ]; then printf '    ok    %s\n' "$2"; else printf '    FAIL  %s\n' "$2"; CHECKS_OK=0; fi
}

# ------------------------------------------------------------------------- summary

pass() { if [ "$1" = 1 ]; then echo PASS; else echo FAIL; fi; }
RATE_OK=$(awk -v r="$RATE" -v b="$PGB_INSERT" -v t="$TARGET_SHARE_OF_PGBENCH" 'BEGIN { print (r >= b * t / 100) ? 1 : 0 }')
TARGET_RATE=$(awk -v b="$PGB_INSERT" -v t="$TARGET_SHARE_OF_PGBENCH" 'BEGIN { printf "%.1f", b * t / 100 }')
P99_OK=$(awk -v p="$P99" -v t="$TARGET_P99_MS" 'BEGIN { print (p < t) ? 1 : 0 }')
RATIO=$(awk -v r="$RATE" -v b="$PGB_INSERT" 'BEGIN { printf "%.0f%%", 100 * r / b }')

echo
echo "================ planner-service set logging: POST /me/sets ($(date '+%F %T %Z'))"
printf '  machine             %s CPUs, %s GiB; load average %s before, %s at start of measurement, %s after\n' \
  "$(nproc)" "$(free -g | awk '/^Mem:/ {print $2}')" "$LOAD_BEFORE" "$LOAD_START" "$LOAD_END"
printf '  PostgreSQL          %s\n' "$DURABILITY"
printf '  load                wrk, %s connections, %s threads, %ss measured after %ss warm-up; %s patients\n' \
  "$CONNECTIONS" "$WRK_THREADS" "$MEASURE_SECONDS" "$WARMUP_SECONDS" "$((PATIENTS - WARMUP_PATIENTS))"
printf '  ours                %8.1f sets/s   (%s 201s in %ss)\n' "$RATE" "$CREATED" "$SECS"
printf '  latency             p50 %s ms, p90 %s ms, p99 %s ms, p99.9 %s ms, max %s ms\n' "$P50" "$P90" "$P99" "$P999" "$MAXMS"
printf '  non-201 answers     %s (socket errors %s)\n' "$NON201" "$SOCKERR"
printf '  bearer tokens       %s requests answered from the cache of verified tokens, %s tokens verified (measured phase)\n' \
  "$((HITS1 - HITS0))" "$((KEPT1 - KEPT0))"
printf '  pgbench INSERT      %8.1f tps      single-row INSERT, %s clients, same PostgreSQL  -> ours = %s of it\n' \
  "$PGB_INSERT" "$CONNECTIONS" "$RATIO"
printf '  pgbench set+outbox  %8.1f tps      (set row + outbox row per transaction, for context)\n' "$PGB_TXN"
printf '  ... + pg_notify     %8.1f tps      (the same with the NOTIFY that outbox_event'"'"'s trigger sends)\n' "$PGB_NOTIFY"
printf '  CPU (cores busy)    service %s, PostgreSQL %s, Kafka %s, wrk %s, everything else %s; machine %s of %s\n' \
  "$CPU_SVC" "$CPU_PG" "$CPU_KAFKA" "$CPU_WRK" "$CPU_OTHER" "$CPU_ALL" "$(nproc)"
echo "  checks"
check "$([ "$NON201" = 0 ] && [ "$SOCKERR" = 0 ] && echo 1 || echo 0)" "no non-201 answers, no socket errors (measured: $NON201, $SOCKERR)"
check "$([ "$EXHAUSTED" = 0 ] && echo 1 || echo 0)" "enough seeded slots (threads out of slots: $EXHAUSTED)"
check "$([ "$ROWS" -ge "$TOTAL_201" ] && [ "$ROWS" -le $((TOTAL_201 + UNANSWERED)) ] && echo 1 || echo 0)" \
  "logged_set rows = 201 answers (+ requests cut off in flight when wrk stopped): $ROWS = $TOTAL_201 + $((ROWS - TOTAL_201)) (at most $UNANSWERED in flight)"
check "$([ "$OUTBOX" = "$ROWS" ] && echo 1 || echo 0)" "one SetCompleted outbox row per logged set ($OUTBOX = $ROWS)"
check "$([ "$UNPUBLISHED" = 0 ] && echo 1 || echo 0)" "outbox drained: published_at set on every row (unpublished: $UNPUBLISHED; p99 event-to-published ${RELAY_LAG} ms)"
check "$([ "$KAFKA_RECORDS" -ge "$OUTBOX" ] && echo 1 || echo 0)" "set-events holds every event ($KAFKA_RECORDS records for $OUTBOX events)"
echo "  targets"
if [ "$EXPERIMENT_NO_NOTIFY" = 1 ]; then
  echo "    n/a   EXPERIMENT_NO_NOTIFY=1: the NOTIFY trigger was dropped; not the shipped configuration, no verdict"
  printf '          (throughput %s sets/s, p99 %s ms)\n' "$RATE" "$P99"
  echo "================"
  [ "$CHECKS_OK" = 1 ] || exit 2
  exit 0
fi
printf '    %s  throughput >= %s %% of pgbench INSERT = %s sets/s   (%s sets/s, %s)\n' "$(pass "$RATE_OK")" \
  "$TARGET_SHARE_OF_PGBENCH" "$TARGET_RATE" "$RATE" "$RATIO"
printf '    %s  p99 < %s ms              (%s ms)\n' "$(pass "$P99_OK")" "$TARGET_P99_MS" "$P99"
if [ "$CHECKS_OK" = 1 ] && [ "$RATE_OK" = 1 ] && [ "$P99_OK" = 1 ]; then echo "  PASS"; else echo "  FAIL"; fi
echo "================"

[ "$CHECKS_OK" = 1 ] || exit 2
[ "$RATE_OK" = 1 ] && [ "$P99_OK" = 1 ] || exit 1
exit 0
