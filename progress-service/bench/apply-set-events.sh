#!/usr/bin/env bash
# Measures how fast progress-service applies SetCompleted events (events/s) in steady state, next
# to two baselines measured in the same run on this machine: a batched JDBC insert of the same rows
# and Kafka's ConsumerPerformance on the same topic; then times the adherence query for one clinic
# over 52 weeks at 1,000 and at 10,000 patients. PostgreSQL is durable (fsync, synchronous_commit,
# full_page_writes on) and every client connects as its database's owner, no superuser. Prints the
# CPU each process used and the load average. Starts its own PostgreSQL and Kafka
# (deploy/test-infra) under progress-service/target/bench and stops them.
#
#   progress-service/bench/apply-set-events.sh [measured] [warm-up]     (default 300000 100000)
#
# Targets: >= 20,000 events/s and >= 50 % of the batched JDBC insert; the adherence query's p95
# < 50 ms at 1,000 patients and < 200 ms at 10,000. Exit status: 0 every target met, 1 one missed,
# anything else: the bench could not run. Builds what it needs from a fresh clone (the reactor's own
# modules, nothing installed into ~/.m2); BENCH_SKIP_BUILD=1 uses what target/ holds. Maven options
# such as -o go in MAVEN_ARGS.
set -euo pipefail
cd "$(dirname "$0")/../.."
measured=${1:-300000}
warm_up=${2:-100000}
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  # One reactor run: the classpath then names deploy/test-infra's and deploy/kafka-broker's jars in
  # their target/ folders, as packaged in this run.
  ./mvnw -B -q package dependency:build-classpath -DskipTests -pl progress-service -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
cd progress-service
[ -s target/bench-classpath.txt ] && [ -f target/quarkus-app/quarkus-run.jar ] \
  || { echo "apply-set-events: nothing built; run without BENCH_SKIP_BUILD" >&2; exit 3; }
echo "==> machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.backstrong.progress.bench.ApplySetEventsBench "$measured" "$warm_up" target/quarkus-app/quarkus-run.jar
