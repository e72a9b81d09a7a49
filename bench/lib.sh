# Shared by the bench scripts (sourced): a throwaway PostgreSQL and silos, all on 127.0.0.1, all stopped on exit.
# The sourcing script sets ROOT and WORK (a fresh temporary folder) and PULSE_OPERATOR_KEY first.

SILO_PIDS=()
SILO_PID=""
SILO_URL=""
PG_STARTED=""
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
SILO_DIR="$ROOT/silo/Pulse.Silo/bin/Release/net10.0"
SILO_DLL="$SILO_DIR/Pulse.Silo.dll"

as_postgres() {
    if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_postgres EXTRA_SETTINGS : initialises and starts a throwaway server (fsync on), sets PG_PORT and PG_CS.
start_postgres() {
    mkdir -p "$WORK/pg"
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$WORK/pg" && chmod 755 "$WORK"
    as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres -A trust -E UTF8 --no-locale >/dev/null
    PG_PORT="$(free_port)"
    as_postgres "$PG_BIN/pg_ctl" start -w -t 60 -D "$WORK/pg/data" -l "$WORK/pg/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -c unix_socket_directories=$WORK/pg -c fsync=on -c synchronous_commit=on -c max_connections=200 $1" >/dev/null
    PG_STARTED=1
    PG_CS="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
}

stop_postgres() {
    if [ -n "$PG_STARTED" ]; then
        as_postgres "$PG_BIN/pg_ctl" stop -D "$WORK/pg/data" -m fast -w >/dev/null 2>&1 || true
    fi
    PG_STARTED=""
}

# start_silo NAME ARGS... : starts a silo (Production, no demo) in the background and waits for its HTTP port; sets
# SILO_PID, SILO_URL and SILO_PORT (its Orleans silo port) and remembers the PID for stop_silos.
start_silo() {
    local name="$1"; shift
    local http_port gateway_port
    http_port="$(free_port)"; SILO_PORT="$(free_port)"; gateway_port="$(free_port)"
    mkdir -p "$WORK/$name"
    # --contentRoot: the silo reads appsettings.json (log levels and defaults) from its content root, which is the
    # working directory unless given.
    ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 \
        dotnet "$SILO_DLL" --contentRoot "$SILO_DIR" --urls "http://127.0.0.1:$http_port" \
        --Pulse:DataDirectory="$WORK/$name" --Pulse:SiloPort="$SILO_PORT" --Pulse:GatewayPort="$gateway_port" \
        --Pulse:OperatorKey="$PULSE_OPERATOR_KEY" --Pulse:RequestsPerSecond=100000 \
        "$@" >"$WORK/$name/silo.log" 2>&1 &
    SILO_PID=$!
    SILO_PIDS+=("$SILO_PID")
    SILO_URL="http://127.0.0.1:$http_port"
    for _ in $(seq 1 120); do
        if curl -sf -o /dev/null "$SILO_URL/openapi/v1.json"; then return 0; fi
        kill -0 "$SILO_PID" 2>/dev/null || break
        sleep 0.5
    done
    echo "silo '$name' did not start:"; tail -50 "$WORK/$name/silo.log"; exit 1
}

# stop_silos : stops every silo this script started, newest first, by PID.
stop_silos() {
    local i pid
    for (( i=${#SILO_PIDS[@]}-1; i>=0; i-- )); do
        pid="${SILO_PIDS[$i]}"
        if kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
            for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
            kill -KILL "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
        fi
    done
    SILO_PIDS=()
    SILO_PID=""
}

bench_cleanup() {
    stop_silos
    stop_postgres
    # KEEP_WORK=1 keeps the silo and PostgreSQL logs for a look after the run.
    if [ "${KEEP_WORK:-}" = "1" ]; then echo "logs kept in $WORK"; else rm -rf "$WORK"; fi
}
