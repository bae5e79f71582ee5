# Shared by the demo scripts: the demo tree, HTTP calls and JSON reading. Sourced, not run.

DEMO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The nodes' data directories (<DEMO_DIR>/<node-id>); DEMO_DIR may name another one, e.g. to run a
# second demo beside the first on other ports (DEMO_HTTP_BASE / DEMO_GRPC_BASE).
DEMO_DIR="${DEMO_DIR:-$DEMO_ROOT/.demo}"
[[ "$DEMO_DIR" == /* ]] || DEMO_DIR="$PWD/$DEMO_DIR"
DEMO_JAR="$DEMO_ROOT/node/target/preconsult-node-0.1.0-SNAPSHOT-all.jar"
# The nodes run a copy, so that a rebuild does not change the jar under running processes.
DEMO_RUN_JAR="$DEMO_DIR/preconsult-node.jar"
DEMO_HTTP_BASE="${DEMO_HTTP_BASE:-8080}"
DEMO_GRPC_BASE="${DEMO_GRPC_BASE:-9090}"

# id | name | role | parent id | number (HTTP port = base + number, gRPC port = base + number)
DEMO_NODES=(
  "central|Ministry of the Interior|CENTRAL||1"
  "prov-north|North Province|PROVINCIAL|central|2"
  "prov-south|South Province|PROVINCIAL|central|3"
  "city-a|City A|LOCAL|prov-north|4"
  "city-b|City B|LOCAL|prov-north|5"
  "county-c|County C|LOCAL|prov-south|6"
)

# Demo accounts: the same user names and passwords at every node.
DEMO_OPERATOR=operator
DEMO_USERS=(coordinator submitter reviewer auditor)
demo_password() { echo "$1-demo-pw"; }
demo_role_of() { echo "$1" | tr '[:lower:]' '[:upper:]'; }

# Splits a DEMO_NODES row into NODE_ID NODE_NAME NODE_ROLE NODE_PARENT NODE_HTTP NODE_GRPC.
node_fields() {
  IFS='|' read -r NODE_ID NODE_NAME NODE_ROLE NODE_PARENT NODE_NUMBER <<<"$1"
  NODE_HTTP=$((DEMO_HTTP_BASE + NODE_NUMBER))
  NODE_GRPC=$((DEMO_GRPC_BASE + NODE_NUMBER))
}

# Looks a node up by id and sets the fields above.
node_by_id() {
  local row
  for row in "${DEMO_NODES[@]}"; do
    if [[ "${row%%|*}" == "$1" ]]; then
      node_fields "$row"
      return 0
    fi
  done
  echo "No demo node '$1'." >&2
  return 1
}

node_url() { node_by_id "$1" && echo "http://localhost:$NODE_HTTP"; }

# True when .demo/<id>/pid names a live process running the demo jar (a pid left from an earlier
# boot may belong to another program by now).
pid_alive() {
  local pid_file="$DEMO_DIR/$1/pid" pid
  [[ -f "$pid_file" ]] || return 1
  pid=$(cat "$pid_file")
  kill -0 "$pid" 2>/dev/null && ps -p "$pid" -o args= 2>/dev/null | grep -q -- "$DEMO_RUN_JAR"
}

say() { printf '%s\n' "$*"; }
fail() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

require_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || fail "'$tool' is needed but not installed."
  done
}

# Reads JSON from stdin and prints the value at a dotted path (list indexes are numbers), e.g.
# `jget items.0.id`. Strings print bare, other values as JSON; a missing value prints nothing.
jget() {
  python3 -c '
import json, sys
value = json.load(sys.stdin)
for part in sys.argv[1].split(".") if sys.argv[1] else []:
    try:
        value = value[int(part)] if isinstance(value, list) else value[part]
    except (KeyError, IndexError, ValueError, TypeError):
        sys.exit(0)
if value is None:
    sys.exit(0)
print(value if isinstance(value, str) else json.dumps(value))
' "$1"
}

# Calls the HTTP API. Usage: api METHOD URL TOKEN [JSON_BODY]. Prints the response body; the
# status code goes to the file named by $API_STATUS_FILE. Use `must` when anything but 2xx is an error.
API_STATUS_FILE="$(mktemp)"
trap 'rm -f "$API_STATUS_FILE"' EXIT
api() {
  local method=$1 url=$2 token=$3 body=${4-}
  local args=(-sS -X "$method" -H 'Accept: application/json' -w '\n%{http_code}' --max-time 30)
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
  [[ -n "$body" ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
  local response
  response=$(curl "${args[@]}" "$url") || { echo 000 >"$API_STATUS_FILE"; return 1; }
  echo "${response##*$'\n'}" >"$API_STATUS_FILE"
  printf '%s' "${response%$'\n'*}"
}
api_status() { cat "$API_STATUS_FILE"; }

must() {
  local body status
  body=$(api "$@") || fail "$1 $2: no answer."
  status=$(api_status)
  if [[ "$status" != 2* ]]; then
    fail "$1 $2 answered $status: $body"
  fi
  printf '%s' "$body"
}

# Signs in at a node and prints the bearer token.
login() {
  local url=$1 username=$2 password=$3
  must POST "$url/login" "" "{\"username\":\"$username\",\"password\":\"$password\"}" | jget access_token
}

now_ms() { date +%s%3N; }
