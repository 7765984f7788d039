# Shared by scripts/bench and scripts/soak (sourced): a sample server on a free port, and the
# office's and every lead unit's API tokens made through the CLI while it runs.
# Needs $binary (the luoshi executable) and $work (a scratch folder).

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# serve_sample DATABASE_URL LOG [ENV=VALUE...] → sets load_pid, load_base, load_plan
serve_sample() {
  local url=$1 log=$2 port
  shift 2
  case "$url" in  # PostgreSQL: start from an empty schema, as a SQLite run starts from a new file
    postgres*) psql -q "${url%%\?*}" -c 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public' >/dev/null ;;
  esac
  port=$(free_port)
  env DATABASE_URL="$url" LOG_LEVEL=warning LUOSHI_SCHEDULER_INTERVAL=0 "$@" \
    "$binary" serve --sample --hostname 127.0.0.1 --port "$port" >"$log" 2>&1 &
  load_pid=$!
  load_base="http://127.0.0.1:$port"
  for _ in $(seq 1 150); do curl -fs "$load_base/health" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fs "$load_base/health" >/dev/null || { cat "$log" >&2; return 1; }
  load_plan=$(curl -fs "$load_base/api/v1/plans" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"].lower())')
}

api_token() {  # api_token BASE USERNAME → prints a session token
  curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"Bench-Luoshi-2023\"}" \
    "$1/api/v1/session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

# load_accounts DATABASE_URL TOKENS_FILE → sets load_office (a supervisor's token) and writes one
# token per lead unit of the plan to TOKENS_FILE; sets load_units (their number)
load_accounts() {
  local url=$1 tokens=$2 unit
  DATABASE_URL="$url" LOG_LEVEL=error "$binary" user create --username bench.office --role supervisor --password-stdin \
    <<<"Bench-Luoshi-2023" >/dev/null
  load_office=$(api_token "$load_base" bench.office)
  : >"$tokens"
  load_units=0
  while IFS= read -r unit; do
    load_units=$((load_units + 1))
    DATABASE_URL="$url" LOG_LEVEL=error "$binary" user create --username "bench.unit$load_units" --role unitStaff --unit "$unit" \
      --password-stdin <<<"Bench-Luoshi-2023" >/dev/null
    api_token "$load_base" "bench.unit$load_units" >>"$tokens"
  done < <(curl -fs -H "Authorization: Bearer $load_office" "$load_base/api/v1/plans/$load_plan/tasks" | python3 -c '
import json, sys
print("\n".join(sorted({u["name"] for t in json.load(sys.stdin) for u in t["leadUnits"]})))')
}

rss_mb() { echo $(( $(awk '/VmRSS/ {print $2}' "/proc/$1/status") / 1024 )); }
peak_rss_mb() { echo $(( $(awk '/VmHWM/ {print $2}' "/proc/$1/status") / 1024 )); }
