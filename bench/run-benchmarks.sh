#!/usr/bin/env bash
# Side-by-side benchmarks on this machine, in one run:
#   direct  : the load driver -> the simulator (model-sim SimMain)
#   nginx   : the load driver -> nginx (Debian package, plain reverse proxy) -> the simulator
#   gateway : the load driver -> the gateway (routing rule, classifier settings, limits, metrics, ledger) -> the simulator
# Scenarios: maximum throughput (closed loop), added latency at a fixed moderate rate (open loop; separate runs, and
# each proxy interleaved request by request with direct), many concurrent open streams (RSS sampled over time),
# then the JMH microbenchmarks with -prof gc.
# Writes target/bench/*.json and target/bench/results.md (paste into docs/benchmarks.md).
#
# Usage: bench/run-benchmarks.sh [--quick] [--skip-build] [--only LIST] [--out DIR]
#   --quick        smoke run: seconds per run, 200 streams, one JMH iteration (a few minutes)
#   --skip-build   use the jars already in gateway-app/target and bench/target
#   --only LIST    comma-separated subset of: throughput,latency,streams,jmh (default: all)
#   --out DIR      results directory (default target/bench)
# Settings (environment, defaults in brackets):
#   RATE [100] req/s of the fixed-rate runs; CONCURRENCY [64] workers of the throughput runs;
#   STREAMS [2000] concurrent streams; DURATION [15s] per throughput run; LATENCY_DURATION [25s];
#   STREAM_DURATION [30s] measured part of the streams runs (after a ramp and warm-up of STREAM_RAMP [15s]);
#   STREAM_TOKENS [64] tokens per stream in the streams runs (4 tokens/s);
#   WARMUP [5s] unrecorded load before each measured run; WARMUP_RUN [60s] per target and mode, once, to warm the JITs (C2 needs about a minute of load on 2 cores); GATEWAY_HEAP [512m] (-Xms = -Xmx);
#   GATEWAY_JAVA_OPTS, SIM_JAVA_OPTS, DRIVER_JAVA_OPTS extra JVM flags; JMH_ARGS [-f 1 -wi 3 -i 4 -w 2s -r 1s];
#   JMH_FILTER [all benchmarks in the jar]; BASE_PORT [19100]; TARGETS [direct nginx gateway];
#   GATEWAY_JAR [gateway-app/target/gateway-app.jar].
# Bounded: about 15 minutes plus the build for the full run; every process started here is stopped on exit.
# Loopback only. Needs Linux (/proc), a JDK 17+, curl, and nginx (installed with apt-get if missing).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

QUICK=0
BUILD=1
ONLY="throughput,latency,streams,jmh"
OUT="$ROOT/target/bench"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --skip-build) BUILD=0 ;;
    --only) ONLY="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$ROOT/bench/run-benchmarks.sh" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "$QUICK" = 1 ]; then
  : "${DURATION:=3s}" "${LATENCY_DURATION:=3s}" "${STREAM_DURATION:=5s}" "${STREAM_RAMP:=3s}" "${WARMUP:=1s}"
  : "${WARMUP_RUN:=3s}" "${STREAMS:=200}" "${STREAM_TOKENS:=8}" "${RATE:=50}" "${JMH_ARGS:=-f 1 -wi 1 -i 1 -w 1s -r 1s}"
  : "${JMH_FILTER:=SseRelay|RequestParse}"
fi
: "${RATE:=100}" "${CONCURRENCY:=64}" "${STREAMS:=2000}" "${DURATION:=15s}" "${LATENCY_DURATION:=25s}"
: "${STREAM_DURATION:=30s}" "${STREAM_RAMP:=15s}" "${STREAM_TOKENS:=64}" "${WARMUP:=5s}" "${WARMUP_RUN:=60s}" "${GATEWAY_HEAP:=512m}"
: "${GATEWAY_JAVA_OPTS:=}" "${SIM_JAVA_OPTS:=}" "${DRIVER_JAVA_OPTS:=}" "${JMH_ARGS:=-f 1 -wi 3 -i 4 -w 2s -r 1s}"
: "${JMH_FILTER:=}" "${BASE_PORT:=19100}" "${TARGETS:=direct nginx gateway}"
: "${GATEWAY_JAR:=$ROOT/gateway-app/target/gateway-app.jar}"

SIM_FAST=$((BASE_PORT + 1)); SIM_STREAMS=$((BASE_PORT + 2))
NGINX_FAST=$((BASE_PORT + 11)); NGINX_STREAMS=$((BASE_PORT + 12)); GATEWAY=$((BASE_PORT + 20))
KEY=sk-bench-0001
JAR="$ROOT/bench/target/benchmarks.jar"
CLK_TCK=$(getconf CLK_TCK)
WORK=$(mktemp -d /tmp/llm-gateway-bench.XXXXXX)
PIDS=()

log() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
has() { case ",$ONLY," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

stop_all() { # the processes this script started, by pid: TERM, then KILL after 10 s
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  PIDS=()
}

cleanup() {
  local rc=$?
  stop_all
  mkdir -p "$OUT/logs"
  cp "$WORK"/*.log "$WORK"/nginx/*.log "$OUT/logs/" 2>/dev/null || true
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_http() { # URL SECONDS [curl args...]
  local url=$1 secs=$2; shift 2
  for _ in $(seq $((secs * 5))); do
    if curl -fsS -o /dev/null -m 2 "$@" "$url" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  log "not ready after ${secs}s: $url"; return 1
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------------------------------------- setup
mkdir -p "$OUT"
rm -rf "$OUT/logs"
rm -f "$OUT"/*.json "$OUT"/*.md
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" || true
{
  echo "date:        $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "command:     bench/run-benchmarks.sh $([ "$QUICK" = 1 ] && echo --quick) (only: $ONLY)"
  echo "settings:    RATE=$RATE CONCURRENCY=$CONCURRENCY STREAMS=$STREAMS DURATION=$DURATION LATENCY_DURATION=$LATENCY_DURATION STREAM_DURATION=$STREAM_DURATION STREAM_RAMP=$STREAM_RAMP WARMUP=$WARMUP GATEWAY_HEAP=$GATEWAY_HEAP"
  echo "machine:     $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "cpu:         $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
  echo "java:        $(java -version 2>&1 | head -1)"
  echo "git:         $(git rev-parse --short HEAD 2>/dev/null || echo n/a)$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2
if awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v n="$(nproc)" 'BEGIN {exit !(l > n / 2)}'; then
  log "WARNING: load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) CPUs: the machine is busy, figures will not be representative"
fi

if [ "$BUILD" = 1 ]; then
  log "building gateway-app and bench"
  ./mvnw -B -q -pl gateway-app,bench -am package -DskipTests
fi
[ -f "$JAR" ] || { echo "missing $JAR (build first)" >&2; exit 1; }

for p in $SIM_FAST $SIM_STREAMS $NGINX_FAST $NGINX_STREAMS $GATEWAY; do
  port_free "$p" || { echo "port $p is in use; set BASE_PORT" >&2; exit 1; }
done

# ---------------------------------------------------------------------------------------------- simulator
# bench-fast: 1 ms decode steps, no per-sequence cost, room for 8192 sequences: the simulator adds about
#   (output tokens + 1) ms and is never the bottleneck, so throughput runs measure the proxies' CPU cost.
# bench-streams: 250 ms decode steps (4 tokens/s per stream), so STREAMS streams stay open at once while the
#   event rate (STREAMS x 4/s) stays within what two cores can relay three times over (sim, proxy, driver).
cat > "$WORK/profiles.yaml" <<'EOF'
profiles:
  - name: bench-fast
    kind: gpu
    max_model_len: 32768
    batching: {max_num_seqs: 8192, max_num_batched_tokens: 1048576, kv_cache_tokens: 100000000,
               prefill_ms_per_1k_tokens: 0.5, decode_base_ms: 1.0, decode_per_seq_ms: 0}
    cost: {gpu: simulated, gpu_count: 1, gpu_hour_usd: 1.0}
  - name: bench-streams
    kind: gpu
    max_model_len: 32768
    batching: {max_num_seqs: 8192, max_num_batched_tokens: 1048576, kv_cache_tokens: 100000000,
               prefill_ms_per_1k_tokens: 0.5, decode_base_ms: 250, decode_per_seq_ms: 0}
    cost: {gpu: simulated, gpu_count: 1, gpu_hour_usd: 1.0}
EOF
log "starting the simulator (fast node :$SIM_FAST, streams node :$SIM_STREAMS)"
# shellcheck disable=SC2086
java -Xms1g -Xmx1g $SIM_JAVA_OPTS -cp "$JAR" io.llmgateway.sim.SimMain --profiles "$WORK/profiles.yaml" --seed 42 \
  --node "fast@bench-fast:$SIM_FAST:bench-model" --node "streams@bench-streams:$SIM_STREAMS:bench-model" \
  > "$WORK/sim.log" 2>&1 &
SIM_PID=$!; PIDS+=("$SIM_PID")
wait_http "http://127.0.0.1:$SIM_FAST/health" 120
wait_http "http://127.0.0.1:$SIM_STREAMS/health" 30

# ---------------------------------------------------------------------------------------------- nginx
NGINX_PIDS=""
if [[ " $TARGETS " == *" nginx "* ]]; then
  if ! command -v nginx >/dev/null; then
    log "installing nginx (Debian package)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  fi
  mkdir -p "$WORK/nginx/tmp"
  # A plain reverse proxy: keep-alive to the upstream, no buffering (SSE flushes per event), no access log.
  cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
worker_rlimit_nofile $(ulimit -n);
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 16384; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  keepalive_requests 1000000;
  client_max_body_size 16m;
  upstream sim_fast { server 127.0.0.1:$SIM_FAST; keepalive 1024; keepalive_timeout 4s; keepalive_requests 1000000; }
  upstream sim_streams { server 127.0.0.1:$SIM_STREAMS; keepalive 1024; keepalive_timeout 4s; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:$NGINX_FAST;
    location / { proxy_pass http://sim_fast; proxy_http_version 1.1; proxy_set_header Connection "";
                 proxy_buffering off; proxy_request_buffering off; proxy_read_timeout 600s; }
  }
  server {
    listen 127.0.0.1:$NGINX_STREAMS;
    location / { proxy_pass http://sim_streams; proxy_http_version 1.1; proxy_set_header Connection "";
                 proxy_buffering off; proxy_request_buffering off; proxy_read_timeout 600s; }
  }
}
EOF
  log "starting nginx $(nginx -v 2>&1 | sed 's/.*\///') (:$NGINX_FAST, :$NGINX_STREAMS)"
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!; PIDS+=("$NGINX_PID")
  wait_http "http://127.0.0.1:$NGINX_FAST/health" 30
  sleep 0.5
  NGINX_PIDS="$NGINX_PID$(pgrep -P "$NGINX_PID" | sed 's/^/,/' | tr -d '\n')"
fi

# ---------------------------------------------------------------------------------------------- gateway
GATEWAY_PID=""
if [[ " $TARGETS " == *" gateway "* ]]; then
  [ -f "$GATEWAY_JAR" ] || { echo "missing $GATEWAY_JAR (build first)" >&2; exit 1; }
  # Routing (a rule over a pool with least-loaded, fed by scraping the simulator's /metrics), data classes and
  # classifier settings, per-app limits (high enough never to refuse), Prometheus metrics, access log, ledger.
  cat > "$WORK/policy.yaml" <<EOF
data-classes:
  - {id: public, zones: [private, external]}
  - {id: internal, zones: [private, external]}
  - {id: confidential, zones: [private]}
default-data-class: internal
sensitivity:
  findings: {secret: confidential, source-code: confidential, email: internal}
  keywords: {projects: [Falcon, Bluebird, Kestrel]}
  regexes: {customer-id: "CUST-[0-9]{8}"}
pools:
  - {id: gpu, zone: private, gpu: simulated, gpu-hour-cost: 1.0}
  - {id: gpu-streams, zone: private, gpu: simulated, gpu-hour-cost: 1.0}
deployments:
  - {id: sim-a, pool: gpu, api: openai, url: "http://127.0.0.1:$SIM_FAST/v1", model: bench-model,
     metrics-url: "http://127.0.0.1:$SIM_FAST/metrics"}
  - {id: sim-b, pool: gpu, api: openai, url: "http://127.0.0.1:$SIM_FAST/v1", model: bench-model}
  - {id: sim-streams, pool: gpu-streams, api: openai, url: "http://127.0.0.1:$SIM_STREAMS/v1", model: bench-model,
     timeouts: {idle: 60s, total: 30m}}
models:
  bench: [sim-a, sim-b]
  bench-streams: [sim-streams]
apps:
  - id: bench
    key: $KEY
    limits: {rpm: 100000000, tpm: 100000000000, concurrency: 1000000}
rules:
  - name: bench-route
    when: {model: bench}
    route: {pools: [gpu], strategy: least-loaded}
EOF
  java -jar "$GATEWAY_JAR" policy check "$WORK/policy.yaml" > "$WORK/policy-check.log" 2>&1 \
    || { cat "$WORK/policy-check.log" >&2; exit 1; }
  log "starting the gateway (:$GATEWAY, -Xmx$GATEWAY_HEAP)"
  # shellcheck disable=SC2086
  java -Xms"$GATEWAY_HEAP" -Xmx"$GATEWAY_HEAP" $GATEWAY_JAVA_OPTS -jar "$GATEWAY_JAR" \
    --gateway.policy="$WORK/policy.yaml" --server.port="$GATEWAY" --gateway.ledger.data-dir="$WORK/ledger" \
    > "$WORK/gateway.log" 2>&1 &
  GATEWAY_PID=$!; PIDS+=("$GATEWAY_PID")
  wait_http "http://127.0.0.1:$GATEWAY/v1/models" 180 -H "Authorization: Bearer $KEY"
fi

# ---------------------------------------------------------------------------------------------- driver
drive() { # TARGET NAME(file, or - for none) [driver options...]
  local target=$1 name=$2; shift 2
  local url model watch=(--watch "sim=$SIM_PID") port_fast port_streams key=()
  case "$target" in
    direct)  port_fast=$SIM_FAST; port_streams=$SIM_STREAMS; model=bench-model ;;
    nginx)   port_fast=$NGINX_FAST; port_streams=$NGINX_STREAMS; model=bench-model; watch+=(--watch "nginx=$NGINX_PIDS") ;;
    gateway) port_fast=$GATEWAY; port_streams=$GATEWAY; model=bench; key=(--key "$KEY"); watch+=(--watch "gateway=$GATEWAY_PID") ;;
  esac
  url="http://127.0.0.1:$port_fast/v1"
  if [ "${STREAMS_NODE:-0}" = 1 ]; then
    url="http://127.0.0.1:$port_streams/v1"; [ "$target" = gateway ] && model=bench-streams
  fi
  local out=()
  [ "$name" != - ] && out=(--out "$OUT/$name-$target.json")
  local logfile="$WORK/driver-${name/#-/warmup}-$target.log"
  # shellcheck disable=SC2086
  java -Xms1g -Xmx1g $DRIVER_JAVA_OPTS -cp "$JAR" io.llmgateway.bench.load.LoadDriver --url "$url" --model "$model" \
    "${key[@]}" --label "$target" "${watch[@]}" --clk-tck "$CLK_TCK" "${out[@]}" "$@" > "$logfile" 2>&1 \
    || [ "$name" = - ] || log "driver run $name/$target failed (see logs/$(basename "$logfile"))"
  [ "$name" != - ] && [ -f "$OUT/$name-$target.json" ] && grep -A1 -- '^|---' "$OUT/$name-$target.md" | sed -n 2p >&2 || true
}

if has throughput || has latency; then
  for t in $TARGETS; do
    log "JIT warm-up: $t (unrecorded)"
    drive "$t" - --mode closed --concurrency 16 --duration "$WARMUP_RUN" --trace azure-conv --max-prompt-tokens 256 --max-output-tokens 16
    drive "$t" - --mode closed --concurrency 16 --duration "$WARMUP_RUN" --trace azure-conv --max-prompt-tokens 256 --max-output-tokens 16 --stream
  done
fi

if has throughput; then
  # Short outputs (<= 16 tokens) and prompts (<= 256 tokens): the per-request cost dominates.
  for t in $TARGETS; do
    log "throughput: $t, closed loop x$CONCURRENCY, non-stream"
    drive "$t" throughput --mode closed --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" \
      --trace azure-conv --max-prompt-tokens 256 --max-output-tokens 16
  done
  for t in $TARGETS; do
    log "throughput: $t, closed loop x$CONCURRENCY, stream"
    drive "$t" throughput-stream --mode closed --concurrency "$CONCURRENCY" --warmup "$WARMUP" --duration "$DURATION" \
      --trace azure-conv --max-prompt-tokens 256 --max-output-tokens 16 --stream
  done
fi

if has latency; then
  # Azure 2023 conversation trace, prompts <= 1024 and outputs <= 64 tokens, same request sequence for every target.
  for t in $TARGETS; do
    log "latency: $t, open loop $RATE req/s, non-stream"
    drive "$t" latency --mode open --rate "$RATE" --warmup "$WARMUP" --duration "$LATENCY_DURATION" \
      --trace azure-conv --max-prompt-tokens 1024 --max-output-tokens 64
  done
  for t in $TARGETS; do
    log "latency: $t, open loop $RATE req/s, stream"
    drive "$t" latency-stream --mode open --rate "$RATE" --warmup "$WARMUP" --duration "$LATENCY_DURATION" \
      --trace azure-conv --max-prompt-tokens 1024 --max-output-tokens 64 --stream
  done
fi

if has latency; then
  # The same, interleaved with direct: every request goes to the target when due and, half an interval later, straight
  # to the simulator, so both halves see the same moments of the machine (separate runs 25 s apart differ by more than
  # the 1 ms the target is about). RATE each, so the simulator sees 2 x RATE.
  for t in $TARGETS; do
    [ "$t" = direct ] && continue
    for mode in non-stream stream; do
      name=paired; extra=()
      [ "$mode" = stream ] && { name=paired-stream; extra=(--stream); }
      log "latency, interleaved with direct: $t, open loop $RATE req/s each, $mode"
      drive "$t" "$name" --mode open --rate "$RATE" --warmup "$WARMUP" --duration "$LATENCY_DURATION" \
        --trace azure-conv --max-prompt-tokens 1024 --max-output-tokens 64 "${extra[@]}" \
        --baseline-url "http://127.0.0.1:$SIM_FAST/v1" --baseline-model bench-model \
        --baseline-label "direct, paired with $t" --baseline-out "$OUT/$name-direct-vs-$t.json"
    done
  done
fi

if has streams; then
  # STREAMS workers each hold a STREAM_TOKENS-token stream at 4 tokens/s (64: about 16 s), started over STREAM_RAMP and
  # measured after it; RSS and CPU sampled every second.
  for t in $TARGETS; do
    log "streams: $t, $STREAMS concurrent streams"
    STREAMS_NODE=1 drive "$t" streams --mode closed --concurrency "$STREAMS" --ramp "$STREAM_RAMP" --warmup "$STREAM_RAMP" \
      --duration "$STREAM_DURATION" --trace "fixed:256:$STREAM_TOKENS" --max-output-tokens "$STREAM_TOKENS" --stream --connections $((STREAMS + 64)) --drain 60s --timeout 300s
  done
fi

# ---------------------------------------------------------------------------------------------- JMH
stop_all
if has jmh; then
  log "JMH: ${JMH_FILTER:-all benchmarks} $JMH_ARGS -prof gc (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  java -jar "$JAR" $JMH_ARGS -prof gc -rf json -rff "$OUT/jmh.json" ${JMH_FILTER:+"$JMH_FILTER"} > "$WORK/jmh.log" 2>&1 \
    || log "JMH failed (see logs/jmh.log)"
fi

echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min)" >> "$OUT/machine.txt"
java -cp "$JAR" io.llmgateway.bench.load.IdleWakeProbe >> "$OUT/machine.txt" 2>&1 || log "idle-wake probe failed"
java -cp "$JAR" io.llmgateway.bench.load.BenchSummary "$OUT" > "$OUT/results.md"
log "done: $OUT/results.md"
