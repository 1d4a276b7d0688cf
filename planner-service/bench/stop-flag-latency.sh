#!/usr/bin/env bash
# End to end, while the system is busy: a patient's pain-7 set -> the STOP flag in progress-service
# -> the exercise paused in planner-service, timed through their public APIs while sets are logged
# at a fixed rate (open loop). Target: p99 < 500 ms over at least 200 such sets while 1,000 sets/s
# are logged (all answered 201), and no record on a .dlq topic.
#
#   planner-service/bench/stop-flag-latency.sh
#
# Starts, on free 127.0.0.1 ports under planner-service/target/bench-stop-flag: a durable PostgreSQL
# (fsync, synchronous_commit, full_page_writes on; databases planner and progress, each owned by its
# service's role, no superuser), a Kafka broker (KRaft) with the topics, and both packaged services,
# which verify RS256 tokens signed by the bench with a key pair of this run (no Keycloak). Stops them.
# Builds what it needs from a fresh clone (the reactor's own modules, nothing installed into ~/.m2);
# BENCH_SKIP_BUILD=1 uses what target/ holds; Maven options such as -o go in MAVEN_ARGS.
#
# Settings (environment): RATE (1000 sets/s), WARMUP_SECONDS (40), PROBES (240), PROBE_EVERY_MS
# (250: one pain-7 set at a time, the next one this long after the last began, or when it is done),
# JFR_SECONDS (0: N records a JFR profile of each service for the first N s of the probes, into
# planner-service/target/bench-stop-flag/*.jfr; bench/jfr-split.py summarises one),
# BENCH_PLANNER_JAVA_OPTIONS / BENCH_PROGRESS_JAVA_OPTIONS (more JVM options for a service).
# Exit status: 0 every target met, 1 one missed, 3 the bench could not run.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  # One reactor run: the classpath names deploy/test-infra's and deploy/kafka-broker's jars in their
  # target/ folders, as packaged in this run.
  ./mvnw -B -q package dependency:build-classpath -DskipTests -pl planner-service,progress-service -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
fi
[ -s planner-service/target/bench-classpath.txt ] && [ -f planner-service/target/quarkus-app/quarkus-run.jar ] \
  && [ -f progress-service/target/quarkus-app/quarkus-run.jar ] \
  || { echo "stop-flag-latency: nothing built; run without BENCH_SKIP_BUILD" >&2; exit 3; }
cd planner-service
# The services run from copies, so that a rebuild of target/ during the run cannot touch what runs.
APPS=target/bench-stop-flag/apps
rm -rf "$APPS" && mkdir -p "$APPS"
cp -a target/quarkus-app "$APPS/planner" && cp -a ../progress-service/target/quarkus-app "$APPS/progress"
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.backstrong.planner.bench.StopFlagLatencyBench "$APPS/planner/quarkus-run.jar" "$APPS/progress/quarkus-run.jar"
