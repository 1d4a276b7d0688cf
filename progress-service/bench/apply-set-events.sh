#!/usr/bin/env bash
# Measures how fast progress-service applies SetCompleted events (events/s) in steady state, next
# to two baselines measured in the same run on this machine: Kafka's ConsumerPerformance tool on
# the same topic and a batched JDBC insert of the same rows; then times the adherence query for one
# clinic over 52 weeks (1,000 patients). Every figure counts only the measured stream, after a
# warm-up stream (the JIT's warm-up) that is read or written first. Prints the CPU each process
# used and the load average. Starts its own PostgreSQL and Kafka (deploy/test-infra) under
# progress-service/target/bench and stops them.
#
#   progress-service/bench/apply-set-events.sh [measured] [warm-up]     (default 300000 100000)
#
# Run it on an otherwise idle machine: other work on the 2 cores moves every figure.
# Needs the shared test infrastructure in ~/.m2 once:
#   ./mvnw -q install -DskipTests -pl deploy/kafka-broker,deploy/test-infra -am
set -euo pipefail
cd "$(dirname "$0")/../.."
measured=${1:-300000}
warm_up=${2:-100000}
./mvnw -B -q package -DskipTests -pl progress-service
./mvnw -B -q dependency:build-classpath -pl progress-service -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cd progress-service
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.backstrong.progress.bench.ApplySetEventsBench "$measured" "$warm_up" target/quarkus-app/quarkus-run.jar
