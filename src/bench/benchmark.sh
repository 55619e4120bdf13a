#!/usr/bin/env bash
# Mediatafel benchmark: start-up time and memory, POST /api/cases latency and throughput, and case acceptance
# (triage through the engine REST API) until every intake-invitation mail has been sent by the job executor.
#
#   bash src/bench/benchmark.sh            # N=200 cases
#   bash src/bench/benchmark.sh 1000       # N=1000 cases
#   N=50 SKIP_TRIAGE=1 SKIP_BUILD=1 bash src/bench/benchmark.sh
#
# Environment: N (cases, default 200), SKIP_BUILD=1 (reuse target/*.jar), SKIP_TRIAGE=1 (request step only),
# JAVA_OPTS (extra JVM options, default none: the JVM's own defaults), H2_URL_OPTIONS (appended to the H2 URL, e.g.
# ';DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536'; default ';DB_CLOSE_ON_EXIT=FALSE', as application.yaml), KEEP=1 (keep the temporary directory),
# START_TIMEOUT / DRAIN_TIMEOUT (seconds, default 180 / 600).
# Needs only Java 17+, the Maven wrapper, curl and standard Unix tools. Runs the default profile (H2 file database,
# captured mail) on 127.0.0.1 and a free port, in a fresh temporary directory; nothing in the repository is touched
# except target/. Timings are wall-clock on this machine: compare runs on the same machine only.
set -euo pipefail

N="${1:-${N:-200}}"
SKIP_BUILD="${SKIP_BUILD:-0}"
SKIP_TRIAGE="${SKIP_TRIAGE:-0}"
START_TIMEOUT="${START_TIMEOUT:-180}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-600}"
JAVA_OPTS="${JAVA_OPTS:-}"
PARTIES_PER_CASE=2
MEDIATOR=anna
SECRETARIAT=sanne:sanne
ADMIN=demo:demo

case "$N" in ''|*[!0-9]*|0) echo "N must be a positive whole number, got '$N'" >&2; exit 2 ;; esac

cd "$(dirname "$0")/../.."
REPO="$(pwd)"

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

command -v java >/dev/null || { echo "java not found (Java 17 or newer needed)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl not found" >&2; exit 2; }
JAVA_MAJOR="$(java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }')"
[ "${JAVA_MAJOR:-0}" -ge 17 ] || { echo "Java 17 or newer needed, found $JAVA_MAJOR" >&2; exit 2; }

WORK="$(mktemp -d "${TMPDIR:-/tmp}/mediatafel-bench.XXXXXX")"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------- 1. build and start
if [ "$SKIP_BUILD" != 1 ]; then
  log "building the jar (./mvnw -q -B -DskipTests package)"
  ./mvnw -q -B -DskipTests package
fi
JAR="$(ls target/mediatafel-*.jar 2>/dev/null | grep -v -- '-plain\.jar$' | head -n 1 || true)"
[ -n "$JAR" ] || { echo "no target/mediatafel-*.jar: build first" >&2; exit 2; }
JAR="$REPO/$JAR"

# a generous per-address limit: the benchmark sends every request from 127.0.0.1
RATE_LIMIT=$(( N * 2 + 100 ))
APP_LOG="$WORK/app.log"
log "starting $(basename "$JAR") in $WORK (H2 file database, demo staff on, demo cases off, rate limit $RATE_LIMIT)"
# shellcheck disable=SC2086
(cd "$WORK" && exec java $JAVA_OPTS -jar "$JAR" \
  --server.port=0 \
  --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:h2:file:$WORK/data/mediatafel${H2_URL_OPTIONS:-;DB_CLOSE_ON_EXIT=FALSE}" \
  --mediatafel.demo.enabled=true \
  --mediatafel.demo.cases=false \
  --mediatafel.requests.rate-limit="$RATE_LIMIT" \
  >"$APP_LOG" 2>&1) &
APP_PID=$!

STARTED=""
for _ in $(seq 1 $(( START_TIMEOUT * 4 ))); do
  kill -0 "$APP_PID" 2>/dev/null || { tail -n 50 "$APP_LOG" >&2; echo "the application stopped during start" >&2; exit 1; }
  STARTED="$(grep -m1 -E 'Started [A-Za-z]+ in [0-9.]+ seconds' "$APP_LOG" || true)"
  [ -n "$STARTED" ] && break
  sleep 0.25
done
[ -n "$STARTED" ] || { tail -n 50 "$APP_LOG" >&2; echo "not started within ${START_TIMEOUT}s" >&2; exit 1; }
START_SECONDS="$(sed -E 's/.*Started [A-Za-z]+ in ([0-9.]+) seconds.*/\1/' <<<"$STARTED")"
PROCESS_SECONDS="$(sed -nE 's/.*process running for ([0-9.]+)\).*/\1/p' <<<"$STARTED")"
PORT="$(grep -m1 -oE 'Tomcat started on port[s]?[ (]*[0-9]+' "$APP_LOG" | grep -oE '[0-9]+$' || true)"
[ -n "$PORT" ] || { echo "no port in the log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"

kib() { awk -v k="$1" '/^'"$1"':/ { print $2 }' "/proc/$APP_PID/status"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
RSS_START="$(kib VmRSS)"; HWM_START="$(kib VmHWM)"
log "started in ${START_SECONDS}s (JVM ${PROCESS_SECONDS}s) on port $PORT; RSS $(mib "$RSS_START") MiB"

# ---------------------------------------------------------------- 2. requests for mediation
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
RUN_ID="$(date +%s)$$"
request_json() {
  local i="$1"
  printf '{"conflictType":"LABOUR","summary":"Benchmark %s: conflict over werktijden tussen medewerker en leidinggevende.",' "$i"
  printf '"escalation":"MEDIUM","preferredRoute":"NO_PREFERENCE","safetyConcern":false,'
  printf '"referrer":{"type":"EMPLOYER","name":"HR Bakkerij Janssen"},"parties":['
  printf '{"name":"Jan de Boer %s","email":"jan.%s.%s@example.nl","language":"nl","payer":"EMPLOYER"},' "$i" "$RUN_ID" "$i"
  printf '{"name":"Petra Smit %s","email":"petra.%s.%s@example.nl","language":"en","payer":"SELF"}]}' "$i" "$RUN_ID" "$i"
}

LAT="$WORK/request-latency.txt"; CASES="$WORK/cases.txt"; : >"$LAT"; : >"$CASES"
log "sending $N requests to POST /api/cases (one client, one after the other)"
T0="$(now)"
for i in $(seq 1 "$N"); do
  out="$(request_json "$i" | curl -sS -o "$WORK/body" -w '%{http_code} %{time_total}' \
    -H 'Content-Type: application/json' -H 'Accept-Language: nl' --data-binary @- "$BASE/api/cases")"
  code="${out%% *}"
  if [ "$code" != 201 ]; then
    echo "request $i answered $code, not 201:" >&2; cat "$WORK/body" >&2; echo >&2; exit 1
  fi
  echo "${out#* }" >>"$LAT"
  grep -oE '"caseNumber" *: *"[^"]+"' "$WORK/body" | sed -E 's/.*"([^"]+)"$/\1/' >>"$CASES"
done
T1="$(now)"
REQ_WALL="$(elapsed "$T0" "$T1")"
[ "$(wc -l <"$CASES")" -eq "$N" ] || { echo "not every response named a case number" >&2; exit 1; }

# nearest-rank percentiles of a file of seconds, printed in milliseconds
stats() {
  sort -n "$1" | awk '{ v[NR] = $1 } END {
    p50 = int(NR * 0.50 + 0.999999); p95 = int(NR * 0.95 + 0.999999);
    printf "%.1f %.1f %.1f", v[p50] * 1000, v[p95] * 1000, v[NR] * 1000 }'
}
read -r REQ_P50 REQ_P95 REQ_MAX <<<"$(stats "$LAT")"
REQ_FIRST="$(head -n 1 "$LAT" | awk '{ printf "%.1f", $1 * 1000 }')"
tail -n +$(( N / 10 + 1 )) "$LAT" >"$WORK/warm.txt"
read -r WARM_P50 WARM_P95 WARM_MAX <<<"$(stats "$WORK/warm.txt")"
REQ_RPS="$(awk -v n="$N" -v s="$REQ_WALL" 'BEGIN { printf "%.1f", n / s }')"
RSS_REQ="$(kib VmRSS)"
log "requests: p50 ${REQ_P50} ms, p95 ${REQ_P95} ms, max ${REQ_MAX} ms, ${REQ_RPS}/s"

# ---------------------------------------------------------------- 3. triage (accept) and intake invitations
engine_get() { curl -sS -f -u "$2" "$BASE/engine-rest/$1"; }
count_of() { grep -oE '"count" *: *[0-9]+' | grep -oE '[0-9]+$'; }
TRIAGE_ROWS=""
if [ "$SKIP_TRIAGE" != 1 ]; then
  TRIAGE_BODY='{"variables":{
    "triageDecision":{"value":"ACCEPT","type":"String"},
    "suitabilityJudgement":{"value":"Benchmark: past bij mediation aan tafel.","type":"String"},
    "route":{"value":"FACE_TO_FACE","type":"String"},
    "mediator":{"value":"'"$MEDIATOR"'","type":"String"},
    "hourlyRate":{"value":120.0,"type":"Double"}}}'
  EXPECTED_MAILS=$(( N * PARTIES_PER_CASE ))
  INVITES_BEFORE="$(engine_get 'history/activity-instance/count?activityId=serviceTask_intakeInvitation&finished=true' "$ADMIN" | count_of)"
  TLAT="$WORK/triage-latency.txt"; : >"$TLAT"
  log "completing $N triage tasks as ${SECRETARIAT%%:*} through the engine REST API (mediator $MEDIATOR)"
  T2="$(now)"
  while read -r case_number; do
    out="$(curl -sS -o "$WORK/body" -w '%{http_code} %{time_total}' -u "$SECRETARIAT" \
      "$BASE/engine-rest/task?processInstanceBusinessKey=$case_number&taskDefinitionKey=userTask_triageRequest")"
    [ "${out%% *}" = 200 ] || { echo "task query for $case_number answered ${out%% *}" >&2; cat "$WORK/body" >&2; exit 1; }
    task_id="$(grep -oE '"id" *: *"[^"]+"' "$WORK/body" | head -n 1 | sed -E 's/.*"([^"]+)"$/\1/')"
    [ -n "$task_id" ] || { echo "no triage task for $case_number (is sanne in the secretariat?)" >&2; exit 1; }
    t_query="${out#* }"
    out="$(curl -sS -o "$WORK/body" -w '%{http_code} %{time_total}' -u "$SECRETARIAT" \
      -H 'Content-Type: application/json' --data-binary "$TRIAGE_BODY" "$BASE/engine-rest/task/$task_id/complete")"
    [ "${out%% *}" = 204 ] || { echo "completing $task_id ($case_number) answered ${out%% *}:" >&2; cat "$WORK/body" >&2; exit 1; }
    awk -v a="$t_query" -v b="${out#* }" 'BEGIN { printf "%.6f %.6f\n", a + b, b }' >>"$TLAT"
  done <"$CASES"
  T3="$(now)"
  TRIAGE_WALL="$(elapsed "$T2" "$T3")"
  cut -d' ' -f1 "$TLAT" >"$WORK/triage-total.txt"; cut -d' ' -f2 "$TLAT" >"$WORK/triage-complete.txt"
  read -r TRI_P50 TRI_P95 TRI_MAX <<<"$(stats "$WORK/triage-total.txt")"
  read -r COM_P50 COM_P95 COM_MAX <<<"$(stats "$WORK/triage-complete.txt")"
  log "triage done in ${TRIAGE_WALL}s; waiting for $EXPECTED_MAILS intake invitations (job executor)"

  SENT=0; JOBS=-1
  for _ in $(seq 1 $(( DRAIN_TIMEOUT * 4 ))); do
    SENT=$(( $(engine_get 'history/activity-instance/count?activityId=serviceTask_intakeInvitation&finished=true' "$ADMIN" | count_of) - INVITES_BEFORE ))
    JOBS="$(engine_get 'job/count?executable=true' "$ADMIN" | count_of)"
    [ "$SENT" -ge "$EXPECTED_MAILS" ] && [ "$JOBS" -eq 0 ] && break
    sleep 0.25
  done
  T4="$(now)"
  [ "$SENT" -ge "$EXPECTED_MAILS" ] || { echo "only $SENT of $EXPECTED_MAILS invitations sent within ${DRAIN_TIMEOUT}s ($JOBS jobs due)" >&2; exit 1; }
  FAILED_JOBS="$(engine_get 'job/count?withException=true' "$ADMIN" | count_of)"
  INCIDENTS="$(engine_get 'incident/count' "$ADMIN" | count_of)"
  DRAIN_AFTER="$(elapsed "$T3" "$T4")"
  ACCEPT_WALL="$(elapsed "$T2" "$T4")"
  ACCEPT_RATE="$(awk -v n="$N" -v s="$ACCEPT_WALL" 'BEGIN { printf "%.1f", n / s }')"
  MAIL_RATE="$(awk -v n="$EXPECTED_MAILS" -v s="$ACCEPT_WALL" 'BEGIN { printf "%.1f", n / s }')"
  log "all $SENT invitations sent ${DRAIN_AFTER}s after the last triage; ${ACCEPT_RATE} cases/s, ${MAIL_RATE} mails/s"
  TRIAGE_ROWS="| Triage via engine REST (query + complete), p50 / p95 / max | ${TRI_P50} / ${TRI_P95} / ${TRI_MAX} ms |
| of which \`POST /engine-rest/task/{id}/complete\`, p50 / p95 / max | ${COM_P50} / ${COM_P95} / ${COM_MAX} ms |
| Triage of $N cases, wall clock | ${TRIAGE_WALL} s |
| Last intake invitation sent after the last triage | ${DRAIN_AFTER} s |
| Acceptance + $EXPECTED_MAILS invitation mails, first triage to last mail | ${ACCEPT_WALL} s (${ACCEPT_RATE} cases/s, ${MAIL_RATE} mails/s) |
| Failed jobs / incidents after the run | ${FAILED_JOBS} / ${INCIDENTS} |"
fi

# ---------------------------------------------------------------- 4. memory, database, stop
RSS_END="$(kib VmRSS)"; HWM_END="$(kib VmHWM)"
DB_LIVE="$(du -sk "$WORK/data" | cut -f1)"
log "stopping the application (SIGTERM)"
T5="$(now)"
kill -TERM "$APP_PID"
STOP_CODE=0
wait "$APP_PID" || STOP_CODE=$?
T6="$(now)"
APP_PID=""
STOP_WALL="$(elapsed "$T5" "$T6")"
DB_CLOSED="$(du -sk "$WORK/data" | cut -f1)"
# what the data needs once H2 rewrites the file without its old page versions (H2 from the application's jar)
H2_JAR="$(jar tf "$JAR" | grep -m1 -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$' || true)"
DB_COMPACT=""
if [ -n "$H2_JAR" ]; then
  (cd "$WORK" && jar xf "$JAR" "$H2_JAR")
  java -cp "$WORK/$H2_JAR" org.h2.tools.Shell -url "jdbc:h2:file:$WORK/data/mediatafel" -user sa \
    -sql "SHUTDOWN COMPACT" >"$WORK/compact.log" 2>&1 || true  # the shell reports the closed database as an error
  DB_COMPACT="$(du -sk "$WORK/data" | cut -f1)"
fi
ERRORS="$(grep -cE '^[0-9-]+T[0-9:.+-]+Z? +ERROR' "$APP_LOG" || true)"
WARNINGS="$(grep -cE '^[0-9-]+T[0-9:.+-]+Z? +WARN' "$APP_LOG" || true)"
if [ $(( ERRORS + WARNINGS )) -gt 0 ]; then
  log "ERROR and WARN lines of the application log (first 20):"
  grep -E '^[0-9-]+T[0-9:.+-]+Z? +(ERROR|WARN)' "$APP_LOG" | cut -c1-300 | head -n 20 >&2
fi

cat <<EOF

### Mediatafel benchmark, N=$N

| Measure | Value |
| --- | --- |
| Date | $(date -u '+%Y-%m-%d %H:%M UTC') |
| Machine | $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr) |
| Load average before the load (1/5/15 min) / after | ${LOAD_BEFORE} / $(cut -d' ' -f1-3 /proc/loadavg) |
| Java | $(java -version 2>&1 | head -n 1)${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS} |
| Command | \`N=$N$([ "$SKIP_TRIAGE" = 1 ] && echo " SKIP_TRIAGE=1") bash src/bench/benchmark.sh\` |
| Start to "Started" (Spring / JVM) | ${START_SECONDS} s / ${PROCESS_SECONDS} s |
| RSS / VmHWM after start | $(mib "$RSS_START") / $(mib "$HWM_START") MiB |
| \`POST /api/cases\` ($N, all 201), p50 / p95 / max | ${REQ_P50} / ${REQ_P95} / ${REQ_MAX} ms |
| \`POST /api/cases\` first request (cold) / warm (without the first 10 %) p50 / p95 / max | ${REQ_FIRST} ms / ${WARM_P50} / ${WARM_P95} / ${WARM_MAX} ms |
| \`POST /api/cases\` throughput (one client, sequential) | ${REQ_RPS} requests/s (${REQ_WALL} s) |
| RSS after the requests | $(mib "$RSS_REQ") MiB |
${TRIAGE_ROWS:+$TRIAGE_ROWS
}| RSS / VmHWM after the load | $(mib "$RSS_END") / $(mib "$HWM_END") MiB |
| H2 database on disk, running / after stop / after \`SHUTDOWN COMPACT\` | $(awk -v k="$DB_LIVE" 'BEGIN { printf "%.1f", k / 1024 }') / $(awk -v k="$DB_CLOSED" 'BEGIN { printf "%.1f", k / 1024 }') / $(awk -v k="$DB_COMPACT" 'BEGIN { if (k == "") print "n/a"; else printf "%.1f", k / 1024 }') MiB |
| Stop (SIGTERM; a JVM ended by SIGTERM exits 143) | exit $STOP_CODE in ${STOP_WALL} s; log: ${ERRORS} ERROR, ${WARNINGS} WARN lines |
EOF
