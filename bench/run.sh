#!/usr/bin/env bash
# Pulse ingestion benchmark: one command, everything on 127.0.0.1, everything it starts is stopped on exit.
#
#   bench/run.sh                 # full run (about 10 minutes)
#   SECONDS_PER_RUN=10 bench/run.sh
#
# Builds Release, starts a throwaway PostgreSQL (fsync on, run as user postgres), starts the silo on it
# (Production, no demo), measures max acknowledged throughput, then latency at half that rate and at half the
# target rate, then the per-event-transaction baseline against the same PostgreSQL; then the same HTTP runs on SQLite.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_SECONDS="${SECONDS_PER_RUN:-20}"
WARMUP="${WARMUP_SECONDS:-5}"
CLIENTS="${CLIENTS:-32}"
WARM_SECONDS="${WARM_SECONDS:-20}"
BATCH="${BATCH:-500}"
EMPLOYEES="${EMPLOYEES:-200}"
BASELINE_CLIENTS="${BASELINE_CLIENTS:-16}"
# The throughput targets of docs/benchmarks.md; each store is also measured at half its target, the rate its latency
# target names, besides half of what this run reached.
PG_TARGET="${PG_TARGET:-50000}"
SQLITE_TARGET="${SQLITE_TARGET:-20000}"

WORK="$(mktemp -d -t pulse-bench.XXXXXX)"
# A throwaway operator key for this run only: the load generator uses it to create its tenants.
export PULSE_OPERATOR_KEY="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d " \n")"
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

echo "== build (Release)"
dotnet build -c Release "$ROOT/silo/Pulse.Silo" -nologo -v q >/dev/null
dotnet build -c Release "$ROOT/bench/Pulse.LoadGenerator" -nologo -v q >/dev/null
LOADGEN_DLL="$ROOT/bench/Pulse.LoadGenerator/bin/Release/net10.0/Pulse.LoadGenerator.dll"

# Durable as shipped (fsync, synchronous commit, full-page writes all on), with the settings docs/benchmarks.md
# recommends for a write-heavy event log: checkpoints far apart (every checkpoint makes the next write of each page
# carry a full copy of it), compressed full-page images, and backends handing their writes to the kernel in small
# steps instead of leaving bursts for it to flush at once; and up to 4 GB of used WAL segments kept for reuse.
PG_TUNING="${PG_TUNING:--c max_wal_size=8GB -c min_wal_size=4GB -c checkpoint_timeout=15min -c wal_compression=lz4 -c backend_flush_after=256kB}"

echo "== PostgreSQL ($PG_BIN)"
start_postgres "$PG_TUNING"

# One checkpoint before each measured run, so it writes into WAL segments already released, as a server in service
# does, rather than zero-filling new ones while commits wait (docs/benchmarks.md, third round).
settle() {
    if [ "$1" = "postgres" ]; then
        as_postgres "$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c CHECKPOINT >/dev/null
    fi
}

# load LABEL ARGS... : runs the load generator, keeps its RESULT line under LABEL.
load() {
    local label="$1"; shift
    echo "== $label"
    dotnet "$LOADGEN_DLL" "$@" --json | tee "$WORK/$label.out" | grep -v '^RESULT '
    grep '^RESULT ' "$WORK/$label.out" | sed 's/^RESULT //' >"$WORK/$label.json"
}

field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$WORK/$1.json" "$2"; }

http_pair() {
    local store="$1"
    local http=(http --url "$SILO_URL" --employees "$EMPLOYEES" --clients "$CLIENTS" --batch "$BATCH")
    # A silo fresh from start runs unoptimised code for its first seconds under load: warm it up unmeasured.
    echo "== $store: warming the silo for ${WARM_SECONDS}s (not measured)"
    dotnet "$LOADGEN_DLL" "${http[@]}" --seconds "$WARM_SECONDS" --warmup 0 >/dev/null 2>&1 || true
    settle "$store"
    load "$store-max" "${http[@]}" --seconds "$RUN_SECONDS" --warmup "$WARMUP" || true
    local max half
    max="$(field "$store-max" eventsPerSecond)"
    half="$(python3 -c "print(max(1, int(float('$max') / 2)))")"
    settle "$store"
    load "$store-half" "${http[@]}" --seconds "$RUN_SECONDS" --warmup "$WARMUP" --rate "$half" || true
    settle "$store"
    load "$store-target" "${http[@]}" --seconds "$RUN_SECONDS" --warmup "$WARMUP" --rate "$(( $2 / 2 ))" || true
}

echo "== silo on PostgreSQL"
start_silo postgres --Pulse:Storage=Postgres --Pulse:PostgresConnectionString="$PG_CS"
http_pair postgres "$PG_TARGET"
stop_silos

settle postgres
load baseline baseline --connection "$PG_CS" --employees "$EMPLOYEES" --clients "$BASELINE_CLIENTS" --seconds "$RUN_SECONDS" --warmup "$WARMUP" || true

echo "== silo on SQLite"
start_silo sqlite --Pulse:Storage=Sqlite
http_pair sqlite "$SQLITE_TARGET"
stop_silos

echo
echo "== summary ($(nproc) cores, batches of $BATCH, $CLIENTS HTTP clients, $BASELINE_CLIENTS baseline connections, ${RUN_SECONDS}s per run)"
python3 - "$WORK" "$PG_TARGET" "$SQLITE_TARGET" <<'PY'
import json, os, sys
work = sys.argv[1]
pg_half, sqlite_half = int(sys.argv[2]) // 2, int(sys.argv[3]) // 2
def get(label):
    path = os.path.join(work, label + ".json")
    return json.load(open(path)) if os.path.exists(path) and os.path.getsize(path) > 0 else None
base = get("baseline")
rows = [("PostgreSQL", "http max", "postgres-max"), ("PostgreSQL", "http at half max", "postgres-half"),
        ("PostgreSQL", f"http at {pg_half}/s", "postgres-target"),
        ("PostgreSQL", "baseline: 1 tx/event", "baseline"),
        ("SQLite", "http max", "sqlite-max"), ("SQLite", "http at half max", "sqlite-half"),
        ("SQLite", f"http at {sqlite_half}/s", "sqlite-target")]
print(f"| {'store':<10} | {'mode':<22} | {'events/s':>9} | {'p50 ms':>7} | {'p95 ms':>7} | {'p99 ms':>7} | {'max ms':>7} | {'errors':>6} | {'x baseline':>10} |")
print(f"|{'-'*12}|{'-'*24}|{'-'*11}|{'-'*9}|{'-'*9}|{'-'*9}|{'-'*9}|{'-'*8}|{'-'*12}|")
for store, mode, label in rows:
    r = get(label)
    if r is None:
        print(f"| {store:<10} | {mode:<22} | {'failed':>9} | {'':>7} | {'':>7} | {'':>7} | {'':>7} | {'':>6} | {'':>10} |"); continue
    ratio = f"{r['eventsPerSecond'] / base['eventsPerSecond']:.1f}x" if base and base['eventsPerSecond'] and label.endswith("-max") else ""
    print(f"| {store:<10} | {mode:<22} | {r['eventsPerSecond']:>9.0f} | {r['p50']:>7.1f} | {r['p95']:>7.1f} | {r['p99']:>7.1f} | {r['max']:>7.1f} | {r['errors']:>6} | {ratio:>10} |")
print("latency is per HTTP request (a batch) for http rows and per transaction (one event) for the baseline")
PY
