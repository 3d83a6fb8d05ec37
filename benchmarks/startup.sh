#!/usr/bin/env bash
# Start-up benchmark of the vpctrain command line (issue 14): offline checks, RUNS runs each (median,
# p90 and min wall time, median CPU time of all threads), through the ./vpctrain launcher
# (class-data-sharing archive, C1 only, serial GC) and with plain `java -jar` (no archive, default JVM
# options); then the classes one check loads.
# Usage: benchmarks/startup.sh [RUNS]   (default 20)
# BASELINE_JAR=path/to/other/vpctrain.jar adds a row for another build (e.g. one of main) with plain java -jar.
# Needs the built jar and archive: ./mvnw -B -o -q -pl cli -am package -DskipTests
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/cli/target/vpctrain.jar"
JSA="$ROOT/cli/target/vpctrain.jsa"
RUNS="${1:-20}"
EXAMPLE="ready-private-endpoints"
FILES="$ROOT/cli/src/main/resources/dev/vpctrain/cli/examples/$EXAMPLE"
[ -f "$JAR" ] || { echo "startup.sh: $JAR is not built (./mvnw -B -o -q -pl cli -am package -DskipTests)" >&2; exit 64; }
[ -f "$JSA" ] || echo "startup.sh: no archive $JSA: the launcher rows run without it" >&2

# wall and CPU (user + system) time of one run, in milliseconds: "wall cpu"
run_ms() {
  local TIMEFORMAT='%3R %3U %3S' t
  t=$( { time "$@" >/dev/null 2>&1; } 2>&1 ) || true
  echo "$t" | awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }'
}

# median of sorted numbers on stdin (n of them), and the p90 (nearest rank) and minimum: "median p90 min"
summary() {
  sort -n | awk -v n="$1" '{ t[NR] = $1 } END { p = int(0.9 * n + 0.999)
    printf "%d %d %d", (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2, t[p], t[1] }'
}

# RUNS runs of a command (after one warm-up for the file cache): "median-wall p90-wall min-wall median-cpu" in ms
stats() {
  local i out
  "$@" >/dev/null 2>&1 || true
  out=$(for ((i = 0; i < RUNS; i++)); do run_ms "$@"; done)
  read -r wm wp wmin < <(echo "$out" | cut -d' ' -f1 | summary "$RUNS")
  read -r cm _ _ < <(echo "$out" | cut -d' ' -f2 | summary "$RUNS")
  printf "%6d %6d %6d %6d" "$wm" "$wp" "$wmin" "$cm"
}

row() {
  local label="$1"; shift
  printf '%-62s %s\n' "$label" "$(stats "$@")"
}

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, load average:$(uptime | sed 's/.*load average://')"
echo "# $(java -version 2>&1 | head -1); jar $(stat -c %s "$JAR") bytes; archive $( [ -f "$JSA" ] && stat -c %s "$JSA" || echo none ) bytes; $RUNS runs each"
printf '%-62s %6s %6s %6s %6s\n' "command (ms)" median p90 min cpu
CHECK_EXAMPLE=(check --example "$EXAMPLE")
CHECK_FILES=(check --job "$FILES/job.json" --network "$FILES/network.json")
row "./vpctrain check --example $EXAMPLE" "$ROOT/vpctrain" "${CHECK_EXAMPLE[@]}"
row "./vpctrain check --job ... --network ..." "$ROOT/vpctrain" "${CHECK_FILES[@]}"
row "java -jar vpctrain.jar check --example $EXAMPLE" java -jar "$JAR" "${CHECK_EXAMPLE[@]}"
row "java -jar vpctrain.jar check --job ... --network ..." java -jar "$JAR" "${CHECK_FILES[@]}"
row "java (C1, serial GC, no archive) check --job ... --network ..." \
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" "${CHECK_FILES[@]}"
if [ -n "${BASELINE_JAR:-}" ]; then
  row "java -jar BASELINE_JAR check --job ... --network ..." java -jar "$BASELINE_JAR" "${CHECK_FILES[@]}"
fi

LOG="$(mktemp)"
java -Xlog:class+load:file="$LOG" -jar "$JAR" "${CHECK_FILES[@]}" >/dev/null || true
echo "# classes loaded by one check --job ... --network ...: $(grep -c 'class,load' "$LOG")" \
  "(AWS SDK $(grep -c ' software\.amazon\.awssdk\.' "$LOG"), Jackson $(grep -c ' com\.fasterxml\.jackson\.' "$LOG")," \
  "SDK client/HTTP/auth/region $(grep -cE ' software\.amazon\.awssdk\.(http|auth|regions|identity|profiles|services\.[a-z0-9]+\.[A-Z][A-Za-z0-9]*Client)' "$LOG" || true))"
if [ -f "$JSA" ]; then
  java -XX:SharedArchiveFile="$JSA" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -Xlog:class+load:file="$LOG" -jar "$JAR" "${CHECK_FILES[@]}" >/dev/null || true
  echo "# with the archive: $(grep -c 'shared objects file' "$LOG") of $(grep -c 'class,load' "$LOG") classes from the archive"
fi
rm -f "$LOG"
