#!/usr/bin/env bash
# Pulse dashboard benchmark: event-to-screen latency with many hub connections under steady ingestion. One command,
# everything on 127.0.0.1, everything it starts is stopped on exit (by PID).
#
#   bench/dashboard.sh                      # one silo, then two silos (events to A, connections on B); ~3 minutes
#   RUNS="two" SECONDS_PER_RUN=20 bench/dashboard.sh
#   SILO_SETTINGS="--Pulse:Dashboard:PushInterval=00:00:00.150 --Pulse:LiveFeed:ScoreWindowMilliseconds=25" RUNS=one bench/dashboard.sh
#
# Builds Release, starts a throwaway PostgreSQL (fsync on), starts the silo(s) on it (Production, no demo), then runs
# bench/Pulse.DashboardBench: a fresh tenant, CONNECTIONS SignalR connections spread over its departments and some
# employees, RATE events/s posted in batches of BATCH; see `dotnet bench/Pulse.DashboardBench/... --help` for the
# measure. Two silos form one cluster by localhost clustering (silo B joins silo A through Pulse:PrimarySiloPort) on
# the same PostgreSQL; each has its own ports and data folder (sign-in keys, so each hands out its own tokens).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${RUNS:-one two}"
CONNECTIONS="${CONNECTIONS:-1000}"
RATE="${RATE:-10000}"
BATCH="${BATCH:-500}"
CLIENTS="${CLIENTS:-10}"
EMPLOYEES="${EMPLOYEES:-200}"
EMPLOYEE_EVERY="${EMPLOYEE_EVERY:-10}"
RUN_SECONDS="${SECONDS_PER_RUN:-30}"
WARMUP="${WARMUP_SECONDS:-10}"
DRAIN="${DRAIN_SECONDS:-10}"

WORK="$(mktemp -d -t pulse-dash-bench.XXXXXX)"
# A throwaway operator key for this run only: the bench uses it to create its tenants.
export PULSE_OPERATOR_KEY="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n")"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

echo "== build (Release)"
dotnet build -c Release "$ROOT/silo/Pulse.Silo" -nologo -v q >/dev/null
dotnet build -c Release "$ROOT/bench/Pulse.DashboardBench" -nologo -v q >/dev/null
BENCH_DLL="$ROOT/bench/Pulse.DashboardBench/bin/Release/net10.0/Pulse.DashboardBench.dll"

echo "== PostgreSQL ($PG_BIN)"
start_postgres "-c max_wal_size=8GB -c checkpoint_timeout=15min -c wal_compression=lz4"
PG_ARGS=(--Pulse:Storage=Postgres --Pulse:PostgresConnectionString="$PG_CS" --Pulse:SignInsPerMinute=1000)
# SILO_SETTINGS: more settings for the silos, e.g. "--Pulse:Dashboard:PushInterval=00:00:00.150" for an A/B of the windows.
# shellcheck disable=SC2206
PG_ARGS+=(${SILO_SETTINGS:-})

# bench LABEL ARGS... : runs the dashboard bench, keeps its RESULT line under LABEL.
bench() {
    local label="$1"; shift
    echo "== $label"
    DOTNET_gcServer=1 dotnet "$BENCH_DLL" --connections "$CONNECTIONS" --rate "$RATE" --batch "$BATCH" --clients "$CLIENTS" \
        --employees "$EMPLOYEES" --employee-every "$EMPLOYEE_EVERY" --seconds "$RUN_SECONDS" --warmup "$WARMUP" \
        --drain "$DRAIN" --json "$@" | tee "$WORK/$label.out" | grep -v '^RESULT ' || true
    grep '^RESULT ' "$WORK/$label.out" | sed 's/^RESULT //' >"$WORK/$label.json" || true
}

for run in $RUNS; do
    case "$run" in
        one)
            echo "== one silo"
            start_silo a "${PG_ARGS[@]}"
            bench one --url "$SILO_URL" --hub-pid "$SILO_PID" --silo-pid "$SILO_PID"
            stop_silos
            ;;
        two)
            echo "== two silos: events to A, connections on B"
            start_silo a "${PG_ARGS[@]}"
            A_URL="$SILO_URL"; A_PID="$SILO_PID"; A_PORT="$SILO_PORT"
            # B starts once A has created the schemas, so the two never race on CREATE ... IF NOT EXISTS.
            start_silo b "${PG_ARGS[@]}" --Pulse:PrimarySiloPort="$A_PORT"
            B_URL="$SILO_URL"; B_PID="$SILO_PID"
            bench two --url "$A_URL" --hub-url "$B_URL" --hub-pid "$B_PID" --silo-pid "$A_PID" --silo-pid "$B_PID"
            stop_silos
            ;;
        *) echo "unknown run '$run' (one, two)"; exit 2 ;;
    esac
done

echo
echo "== summary ($(nproc) cores, $CONNECTIONS connections, $RATE events/s in batches of $BATCH, ${RUN_SECONDS}s measured after ${WARMUP}s)"
python3 - "$WORK" $RUNS <<'PY'
import json, os, sys
work, runs = sys.argv[1], sys.argv[2:]
names = {"one": "one silo", "two": "two silos (A in, B out)"}
print(f"| {'run':<24} | {'events/s':>8} | {'p50 ms':>6} | {'p90 ms':>6} | {'p99 ms':>6} | {'max ms':>6} | {'unseen':>6} | {'pushes/s':>8} | {'silo cores':>11} | {'KiB/conn RSS':>12} | {'KiB/conn heap':>13} |")
print(f"|{'-'*26}|{'-'*10}|{'-'*8}|{'-'*8}|{'-'*8}|{'-'*8}|{'-'*8}|{'-'*10}|{'-'*13}|{'-'*14}|{'-'*15}|")
for run in runs:
    path = os.path.join(work, run + ".json")
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        print(f"| {names.get(run, run):<24} | failed |"); continue
    r = json.load(open(path))
    kib = lambda v: f"{v / 1024:.1f}" if v is not None else "?"
    cores = "+".join(f"{c:.2f}" for c in r["siloCores"])
    print(f"| {names.get(run, run):<24} | {r['eventsPerSecond']:>8.0f} | {r['p50']:>6.0f} | {r['p90']:>6.0f} | {r['p99']:>6.0f} | {r['max']:>6.0f} | {r['unseen']:>6} | {r['pushesPerSecond']:>8.0f} | {cores:>11} | {kib(r['rssPerConnection']):>12} | {kib(r['heapPerConnection']):>13} |")
print("latency: batch sent -> employeesChanged or teamChanged callback whose event count covers it, per event and watching connection")
PY
