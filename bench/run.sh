#!/usr/bin/env bash
# Builds and runs the compliance detection benchmarks (JMH), then prints the summary table.
#   bench/run.sh                      everything, short settings for a small (2-core) machine
#   bench/run.sh 'commhubFull|regex'  only the benchmarks whose name matches (JMH regex)
#   JMH_OPTS='-f 1 -wi 5 -i 5 -w 5s -r 5s' bench/run.sh   longer runs
#   SKIP_BUILD=1 bench/run.sh         use the jar already built
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
OUT="${OUT:-bench/target/results}"
JMH_OPTS="${JMH_OPTS:--f 1 -wi 2 -i 3 -w 2s -r 3s}"

if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -pl bench -am -DskipTests package
fi
mkdir -p "$OUT"
# run a private copy: a build in the same tree during the run must not swap the jar under the forked JVMs
JAR="$(mktemp -d)/benchmarks.jar"
cp bench/target/benchmarks.jar "$JAR"
echo "start: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/machine.txt"
"$JAVA" -cp "$JAR" com.commhub.compliance.internal.BenchData > "$OUT/data.json"
# shellcheck disable=SC2086
"$JAVA" -jar "$JAR" $JMH_OPTS \
  -jvmArgsAppend "-Xms1g -Xmx1g --sun-misc-unsafe-memory-access=allow" \
  -rf json -rff "$OUT/jmh.json" "$@" | tee "$OUT/jmh.log"
echo "end:   $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo
python3 bench/summarize.py "$OUT/data.json" "$OUT/jmh.json" | tee "$OUT/summary.md"
