#!/usr/bin/env bash
# Pulse review bench: closing and approving a month, and the department trend report over two years. One command,
# everything on 127.0.0.1, everything it starts is stopped on exit (by PID).
#
#   bench/review.sh                                  # 500 people, 24 months of history, 200 trend requests; ~2 minutes
#   EMPLOYEES=1000 REQUESTS=500 CLIENTS=8 bench/review.sh
#   STORAGE=sqlite bench/review.sh                   # the embedded default instead of PostgreSQL
#   COMPARE_SILO_DIR=/path/to/other/build bench/review.sh   # A/B: a second silo from another build joins the cluster
#
# Builds Release, starts a throwaway PostgreSQL (fsync on) unless STORAGE=sqlite, starts one silo (Production, no
# demo), then runs bench/Pulse.ReviewBench against it, all through the public API: a fresh seed-company tenant of
# EMPLOYEES people; HR sets a policy with quotas (A at most 20%, D at least 10%) and imports HISTORY_MONTHS months of
# final results (CSV); EVENTS_PER_EMPLOYEE business events go into MONTH. The close, timed phase by phase: HR opens
# MONTH — a month past its grace window, so one call starts the reviews, moves to rating and freezes (see
# docs/benchmarks.md for why the bench closes a past month) — then, after the managers' ratings (timed apart), reads
# the calibration, approves, and downloads the pay export as CSV and XLSX. Then the department trend over
# TREND_MONTHS months for the whole company: REQUESTS requests from CLIENTS clients at once. See
# `dotnet bench/Pulse.ReviewBench/... --help`. With COMPARE_SILO_DIR (the bin/Release/net10.0 folder of another
# build of the silo, e.g. the commit before a change) a second silo from that build joins the first one's cluster and
# the trend requests alternate between the two, so both builds are measured under the same load at the same time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EMPLOYEES="${EMPLOYEES:-500}"
HISTORY_MONTHS="${HISTORY_MONTHS:-24}"
TREND_MONTHS="${TREND_MONTHS:-24}"
EVENTS_PER_EMPLOYEE="${EVENTS_PER_EMPLOYEE:-20}"
REQUESTS="${REQUESTS:-200}"
CLIENTS="${CLIENTS:-4}"
WARMUP_REQUESTS="${WARMUP_REQUESTS:-20}"
STORAGE="${STORAGE:-postgres}"
MONTH_ARGS=()
if [ -n "${MONTH:-}" ]; then MONTH_ARGS=(--month "$MONTH"); fi

WORK="$(mktemp -d -t pulse-review-bench.XXXXXX)"
# A throwaway operator key for this run only: the bench uses it to create its tenant.
export PULSE_OPERATOR_KEY="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n")"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

echo "== build (Release)"
dotnet build -c Release "$ROOT/silo/Pulse.Silo" -nologo -v q >/dev/null
dotnet build -c Release "$ROOT/bench/Pulse.ReviewBench" -nologo -v q >/dev/null
BENCH_DLL="$ROOT/bench/Pulse.ReviewBench/bin/Release/net10.0/Pulse.ReviewBench.dll"

SILO_ARGS=()
if [ "$STORAGE" = "postgres" ]; then
    echo "== PostgreSQL ($PG_BIN)"
    start_postgres ""
    SILO_ARGS+=(--Pulse:Storage=Postgres --Pulse:PostgresConnectionString="$PG_CS")
fi

echo "== silo ($STORAGE)"
start_silo a "${SILO_ARGS[@]}"
COMPARE_ARGS=()
if [ -n "${COMPARE_SILO_DIR:-}" ]; then
    A_URL="$SILO_URL"; A_PORT="$SILO_PORT"
    echo "== second silo from $COMPARE_SILO_DIR (same cluster)"
    SILO_DIR="$COMPARE_SILO_DIR" SILO_DLL="$COMPARE_SILO_DIR/Pulse.Silo.dll" start_silo b "${SILO_ARGS[@]}" --Pulse:PrimarySiloPort="$A_PORT"
    COMPARE_ARGS=(--compare-url "$SILO_URL")
    SILO_URL="$A_URL"
fi
echo "== bench: $EMPLOYEES people, $HISTORY_MONTHS months of history, $REQUESTS trend requests from $CLIENTS clients ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
DOTNET_gcServer=1 dotnet "$BENCH_DLL" --url "$SILO_URL" --employees "$EMPLOYEES" --history-months "$HISTORY_MONTHS" \
    --trend-months "$TREND_MONTHS" --events-per-employee "$EVENTS_PER_EMPLOYEE" --requests "$REQUESTS" --clients "$CLIENTS" \
    --warmup-requests "$WARMUP_REQUESTS" "${MONTH_ARGS[@]}" "${COMPARE_ARGS[@]}" --json
echo "== done (load average $(cut -d' ' -f1-3 /proc/loadavg))"
