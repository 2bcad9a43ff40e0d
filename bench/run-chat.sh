#!/usr/bin/env bash
# Chat delivery load (issue 5, "Performance"), end to end, one server at a time:
#   1. build the server (runnable -exec jar) and bench/target/benchmarks.jar;
#   2. baseline: start the bare relay (RelayApp: Spring Boot, simple STOMP broker, nothing else), connect the
#      clients, run the steps, stop it;
#   3. CommHub: start the real server in a temporary directory (embedded PostgreSQL, demo off; persistence,
#      archive, compliance with the default policy pack, search indexing all on, as shipped), seed 2,000 employees
#      with accounts and API tokens and 100 GROUP conversations of 20 through its APIs (ChatSeed), connect the
#      clients, run the same steps, stop it;
#   4. print the summary (Markdown) with the ratios; everything stays in $OUT.
# The people cost ~12,000 Argon2 hashes (import, web sign-in, password change, history check): 20–30 minutes here.
# So they are seeded once into $SEED_CACHE (the server's ./data after a clean stop, and people.tsv with the
# tokens, valid 90 days) and later runs start from a copy of it; the conversations are created fresh every run.
# Delete $SEED_CACHE to seed from scratch.
# Settings (environment):
#   CLIENTS=2000 GROUP=20 WARMUP='50:30' STEPS='100:60,25:30,50:30,75:30,150:30,200:30,300:30,400:30'
#     (posts/s:seconds; the first is the goal step, then a rising ramp that stops after the first step with
#     p99 > STOP_P99 ms (2000) or more than 1% lost: a saturated server only piles up a backlog)
#   TIMEOUT=10 (s after the last post of a step before missing deliveries count as lost)
#   COMMIT=<rev>   build that commit from `git archive` in a temporary directory instead of this work tree
#   SKIP_BUILD=1   use the jars already built here;  ONLY=relay|commhub  run one side
#   SEED_CACHE=bench/target/chat-seed
#   JFR=1          record a Java Flight Recording (profile settings) of the CommHub server during its measured
#                  phase (after the clients connected) into $OUT/commhub.jfr (for "where does the time go"; costs a
#                  little CPU itself); analyse with bench/jfr-breakdown.py $OUT/commhub.jfr
#   LOCK=/tmp/mvn.lock   hold this lock (flock) during the builds and the measured phases only, not while seeding
#                        (do not wrap the whole script in flock on the same file: it takes the lock itself)
#   SERVER_OPTS='-Xms1g -Xmx2g' (both servers)   LOAD_OPTS='-Xms1g -Xmx2g' (the load generator)
# On a shared machine: LOCK=/tmp/mvn.lock bench/run-chat.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JAVA="$JAVA_HOME/bin/java"
OUT="$(realpath -m "${OUT:-bench/target/chat}")"
CLIENTS="${CLIENTS:-2000}"
GROUP="${GROUP:-20}"
STEPS="${STEPS:-100:60,25:30,50:30,75:30,150:30,200:30,300:30,400:30}"
WARMUP="${WARMUP:-50:30}"
TIMEOUT="${TIMEOUT:-10}"
STOP_P99="${STOP_P99:-2000}"
SERVER_OPTS="${SERVER_OPTS:--Xms1g -Xmx2g}"
LOAD_OPTS="${LOAD_OPTS:--Xms1g -Xmx2g}"
RELAY_PORT="${RELAY_PORT:-18181}"
COMMHUB_PORT="${COMMHUB_PORT:-18180}"
ADMIN_PASSWORD="Bench-Chief-2026!Zx"
ONLY="${ONLY:-}"
# deep stacks (filter chains): keep every frame so that inclusive shares are right
if [ -n "${JFR:-}" ]; then SERVER_OPTS="$SERVER_OPTS -XX:FlightRecorderOptions:stackdepth=512"; fi
SEED_CACHE="$(realpath -m "${SEED_CACHE:-bench/target/chat-seed}")"
LOCK="${LOCK:-}"
locked() { if [ -n "$LOCK" ]; then flock "$LOCK" "$@"; else "$@"; fi; }

WORK="$(mktemp -d /tmp/chatbench.XXXXXX)"
mkdir -p "$OUT"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

SRC="$PWD"
if [ -n "${COMMIT:-}" ]; then
  SRC="$WORK/src"
  mkdir -p "$SRC"
  git archive "$COMMIT" | tar -x -C "$SRC"
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  (cd "$SRC" && locked ./mvnw -o -q -pl server,bench -am -DskipTests package)
fi
# private copies: a build in the same tree during the run must not swap the jars
cp "$SRC"/server/target/commhub-server-*-exec.jar "$WORK/commhub.jar"
cp "$SRC"/bench/target/benchmarks.jar "$WORK/bench.jar"

wait_http() { # url, seconds
  for _ in $(seq 1 "$2"); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    sleep 1
  done
  echo "not up after $2 s: $1" >&2; return 1
}
load() { # args…
  # shellcheck disable=SC2086
  "$JAVA" $LOAD_OPTS -cp "$WORK/bench.jar" com.commhub.bench.chat.ChatLoad "$@"
}
measure() { # the measured phase: under the lock, if any
  # shellcheck disable=SC2086
  locked "$JAVA" $LOAD_OPTS -cp "$WORK/bench.jar" com.commhub.bench.chat.ChatLoad "$@"
}
start_commhub() { # extra server arguments…
  # shellcheck disable=SC2086
  (cd "$WORK/commhub" && COMMHUB_ADMIN_PASSWORD="$ADMIN_PASSWORD" exec "$JAVA" $SERVER_OPTS -jar "$WORK/commhub.jar" \
    --server.port="$COMMHUB_PORT" --commhub.demo.enabled=false "$@" >> "$OUT/commhub-server.log" 2>&1) &
  COMMHUB_PID=$!; PIDS+=("$COMMHUB_PID")
  wait_http "http://127.0.0.1:$COMMHUB_PORT/actuator/health" 240
}
machine() { echo "$1: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/chat-machine.txt"; }

: > "$OUT/chat-machine.txt"
machine "start ($(cd "$SRC" && git rev-parse --short HEAD 2>/dev/null || echo "${COMMIT:-?}"))"

if [ "$ONLY" != commhub ]; then
  # shellcheck disable=SC2086
  "$JAVA" $SERVER_OPTS -cp "$WORK/bench.jar" com.commhub.bench.chat.RelayApp --server.port="$RELAY_PORT" \
    > "$OUT/relay-server.log" 2>&1 &
  RELAY_PID=$!; PIDS+=("$RELAY_PID")
  wait_http "http://127.0.0.1:$RELAY_PORT/" 60
  machine "relay up"
  measure run target=relay base="http://127.0.0.1:$RELAY_PORT" serverPid="$RELAY_PID" clients="$CLIENTS" groupSize="$GROUP" \
    steps="$STEPS" warmup="$WARMUP" timeout="$TIMEOUT" stopP99="$STOP_P99" out="$OUT/relay.tsv" 2>&1 | tee "$OUT/relay-load.log"
  kill "$RELAY_PID"; wait "$RELAY_PID" 2>/dev/null || true
  machine "relay done"
fi

if [ "$ONLY" != relay ]; then
  mkdir -p "$WORK/commhub" "$OUT/people"
  : > "$OUT/commhub-server.log"
  if [ -f "$SEED_CACHE/people.tsv" ] && [ -d "$SEED_CACHE/data" ] \
      && [ "$(wc -l < "$SEED_CACHE/people.tsv")" -ge "$CLIENTS" ]; then
    cp -a "$SEED_CACHE/data" "$WORK/commhub/data"
    cp "$SEED_CACHE/people.tsv" "$OUT/people/people.tsv"
    echo "people from $SEED_CACHE (seeded $(cat "$SEED_CACHE/seeded-at" 2>/dev/null))"
    # migrations added since the cache was made may have lower numbers than ones it has (each module owns a range)
    start_commhub --spring.flyway.out-of-order=true
  else
    # fresh ./data (PostgreSQL, archive keys, Lucene indexes, files) in the temporary directory; no demo company
    start_commhub
    load seed-people base="http://127.0.0.1:$COMMHUB_PORT" adminPassword="$ADMIN_PASSWORD" employees="$CLIENTS" \
      out="$OUT/people" 2>&1 | tee "$OUT/seed.log"
    kill "$COMMHUB_PID"; wait "$COMMHUB_PID" 2>/dev/null || true
    rm -rf "$SEED_CACHE"; mkdir -p "$SEED_CACHE"
    cp -a "$WORK/commhub/data" "$SEED_CACHE/data"
    cp "$OUT/people/people.tsv" "$SEED_CACHE/people.tsv"
    date -u '+%Y-%m-%d %H:%M UTC' > "$SEED_CACHE/seeded-at"
    start_commhub
  fi
  machine "CommHub up"
  load seed-conversations base="http://127.0.0.1:$COMMHUB_PORT" employees="$CLIENTS" groupSize="$GROUP" \
    out="$OUT/people" 2>&1 | tee -a "$OUT/seed.log"
  machine "seeded"
  measure run target=commhub base="http://127.0.0.1:$COMMHUB_PORT" serverPid="$COMMHUB_PID" ${JFR:+jfr="$OUT/commhub.jfr"} \
    dbMatch="$WORK/commhub/data/postgres" people="$OUT/people" clients="$CLIENTS" \
    groupSize="$GROUP" steps="$STEPS" warmup="$WARMUP" timeout="$TIMEOUT" stopP99="$STOP_P99" out="$OUT/commhub.tsv" \
    2>&1 | tee "$OUT/commhub-load.log"
  machine "CommHub done"
  kill "$COMMHUB_PID"; wait "$COMMHUB_PID" 2>/dev/null || true
fi

echo
load summary relay="$OUT/relay.tsv" commhub="$OUT/commhub.tsv" | tee "$OUT/chat-summary.md"
