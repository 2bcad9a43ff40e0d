#!/usr/bin/env bash
# Statement census of chat posts (issue 5, docs/benchmarks.md "Chat delivery"): which SQL statements one post
# costs. Starts the server jar on a copy of the chat load's seed cache (bench/run-chat.sh makes it) with Hibernate's
# and JdbcTemplate's SQL logging on, creates the 100 conversations, posts 40 messages to warm up and then N more,
# one at a time through REST, and counts the statements logged while those N were posted (all threads: request,
# fan-out, background jobs such as the archive sealer).
# usage: bench/chat-statements.sh <server -exec jar> <output directory>
# settings: N=60  SEED_CACHE=bench/target/chat-seed  PORT=18190
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(realpath "$1"); OUT=$(realpath -m "$2"); N=${N:-60}; PORT=${PORT:-18190}
SEED_CACHE="$(realpath -m "${SEED_CACHE:-bench/target/chat-seed}")"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
BENCH_JAR="$PWD/bench/target/benchmarks.jar"
W=$(mktemp -d /tmp/chat-statements.XXXXXX); mkdir -p "$OUT" "$W/run"
cp -a "$SEED_CACHE/data" "$W/run/data"
cp "$SEED_CACHE/people.tsv" "$OUT/people.tsv"
(cd "$W/run" && COMMHUB_ADMIN_PASSWORD='Bench-Chief-2026!Zx' exec "$JAVA_HOME/bin/java" -Xms1g -Xmx2g -jar "$JAR" \
   --server.port="$PORT" --commhub.demo.enabled=false --spring.flyway.out-of-order=true \
   --logging.level.org.hibernate.SQL=DEBUG --logging.level.org.springframework.jdbc.core=DEBUG > "$OUT/server.log" 2>&1) &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$W"' EXIT
for _ in $(seq 1 240); do curl -s -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && break; sleep 1; done
"$JAVA_HOME/bin/java" -cp "$BENCH_JAR" com.commhub.bench.chat.ChatLoad seed-conversations \
  base="http://127.0.0.1:$PORT" employees=2000 groupSize=20 out="$OUT" > "$OUT/seed.log" 2>&1
post() { # i: conversation i mod 100, its members in turn
  local g=$(( $1 % 100 )) p=$(( ($1 % 100) * 20 + ($1 / 100) % 20 ))
  local conv tok
  conv=$(awk -v g=$g '$1==g {print $2}' "$OUT/conversations.tsv")
  tok=$(awk -v p=$p '$1==p {print $4}' "$OUT/people.tsv")
  curl -s -o /dev/null -w "%{http_code} " -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
    -d "{\"text\":\"压测消息 $1 关于采购合同的补充说明\",\"clientMessageId\":\"C$1\"}" \
    "http://127.0.0.1:$PORT/api/v1/conversations/$conv/messages"
}
for i in $(seq 1000 1039); do post "$i"; done; echo
sleep 2; START=$(date -u +%Y-%m-%dT%H:%M:%S.%N)
for i in $(seq 2000 $((2000 + N - 1))); do post "$i"; done; echo
END=$(date -u +%Y-%m-%dT%H:%M:%S.%N)
sleep 3
echo "posts: $N from $START to $END" | tee "$OUT/census.txt"
python3 bench/chat-statements.py "$OUT/server.log" "$START" "$END" "$N" | tee -a "$OUT/census.txt"
