#!/usr/bin/env bash
# Builds and runs the archive load generator (issue 3, "Performance"): archive append throughput with sealing on
# against a plain batched JDBC insert of the same rows, and the sealing lag at a sustained rate, in one run against a
# fresh embedded PostgreSQL (about 2.5 minutes). Prints the summary table (Markdown) and keeps it in $OUT/archive-summary.md.
#   bench/run-archive.sh
#   LOAD_OPTS='-Dload.workers=4 -Dload.batch=50 -Dload.lag.rate=3000' bench/run-archive.sh
#     settings: load.workers (8), load.batch (20), load.warmup (5 s), load.seconds (12 s), load.rounds (2),
#               load.lag.rate (2000/s), load.lag.seconds (30), load.lag.batch (20), load.lag.workers (8)
#   SKIP_BUILD=1 bench/run-archive.sh   use the jar already built
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
OUT="${OUT:-bench/target/results}"
LOAD_OPTS="${LOAD_OPTS:-}"

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -pl bench -am -DskipTests package
fi
mkdir -p "$OUT"
# run a private copy: a build in the same tree during the run must not swap the jar
JAR="$(mktemp -d)/benchmarks.jar"
cp bench/target/benchmarks.jar "$JAR"
echo "start: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/archive-machine.txt"
# shellcheck disable=SC2086
"$JAVA" -Xms1g -Xmx1g $LOAD_OPTS -cp "$JAR" com.commhub.archive.internal.ArchiveLoad | tee "$OUT/archive-summary.md"
echo "end:   $(date -u '+%Y-%m-%d %H:%M:%S UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/archive-machine.txt"
rm -rf "$(dirname "$JAR")"
