#!/usr/bin/env bash
# Pulse chat bench: the bot's reply latency over Direct Line with many concurrent conversations, and alert-to-chat
# latency. One command, everything on 127.0.0.1, everything it starts is stopped on exit (by PID).
#
#   bench/chat.sh                                   # 200 conversations, 30 s measured; about 2 minutes
#   CONVERSATIONS=50 SECONDS_PER_RUN=10 bench/chat.sh
#   STORAGE=sqlite bench/chat.sh                    # the embedded default instead of PostgreSQL
#
# Builds Release, starts a throwaway PostgreSQL (fsync on) unless STORAGE=sqlite, starts one silo (Production, no
# demo), then runs bench/Pulse.ChatBench: a fresh seed-company tenant, one employee account and one Direct Line
# conversation (WebSocket stream) per conversation, each asking QUESTION, waiting for the reply, pausing THINK_MS
# (0.5-1.5x), asking again; then ALERTS business employees get a breach of the bad-debt threshold and the time to
# the alert in their open chat is measured. See `dotnet bench/Pulse.ChatBench/... --help`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONVERSATIONS="${CONVERSATIONS:-200}"
EMPLOYEES="${EMPLOYEES:-200}"
THINK_MS="${THINK_MS:-1000}"
ALERTS="${ALERTS:-20}"
QUESTION="${QUESTION:-我的进度}"
RUN_SECONDS="${SECONDS_PER_RUN:-30}"
WARMUP="${WARMUP_SECONDS:-5}"
STORAGE="${STORAGE:-postgres}"

WORK="$(mktemp -d -t pulse-chat-bench.XXXXXX)"
# A throwaway operator key for this run only: the bench uses it to create its tenant.
export PULSE_OPERATOR_KEY="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n")"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

echo "== build (Release)"
dotnet build -c Release "$ROOT/silo/Pulse.Silo" -nologo -v q >/dev/null
dotnet build -c Release "$ROOT/bench/Pulse.ChatBench" -nologo -v q >/dev/null
BENCH_DLL="$ROOT/bench/Pulse.ChatBench/bin/Release/net10.0/Pulse.ChatBench.dll"

SILO_ARGS=(--Pulse:SignInsPerMinute=10000)
if [ "$STORAGE" = "postgres" ]; then
    echo "== PostgreSQL ($PG_BIN)"
    start_postgres ""
    SILO_ARGS+=(--Pulse:Storage=Postgres --Pulse:PostgresConnectionString="$PG_CS")
fi

echo "== silo ($STORAGE)"
start_silo a "${SILO_ARGS[@]}"
echo "== bench: $CONVERSATIONS conversations, ${RUN_SECONDS}s after ${WARMUP}s ($(nproc) cores)"
DOTNET_gcServer=1 dotnet "$BENCH_DLL" --url "$SILO_URL" --conversations "$CONVERSATIONS" --employees "$EMPLOYEES" \
    --think-ms "$THINK_MS" --alerts "$ALERTS" --question "$QUESTION" --seconds "$RUN_SECONDS" --warmup "$WARMUP" --json
