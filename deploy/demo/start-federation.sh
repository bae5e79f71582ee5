#!/usr/bin/env bash
# Starts a demo federation of six Preconsult nodes on this machine (1 central, 2 provincial,
# 3 local), each a separate java process with its own data directory under .demo/, then creates
# demo users and a little sample data. Safe to run again: running nodes and existing data are kept.
#
#   ./deploy/demo/start-federation.sh           start (or complete) the demo
#   ./deploy/demo/start-federation.sh --reset   stop it, delete .demo/ and start afresh
#   ./deploy/demo/start-federation.sh --reset --history 5
#                                               as --reset, but first play 5 years of generated plans,
#                                               decisions and lifecycle events ending today (1-10 years)
#
# Ports: HTTP 8081-8086 and gRPC 9091-9096, that is DEMO_HTTP_BASE / DEMO_GRPC_BASE (8080 / 9090) + 1..6.
# Data: DEMO_DIR (default .demo). Java options for every node: DEMO_JAVA_OPTS (default -Xmx512m).
# Stop with stop-federation.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RESET=false
HISTORY_YEARS=""
while (($#)); do
  case "$1" in
    --reset) RESET=true ;;
    --history)
      [[ $# -ge 2 ]] || fail "--history needs a number of years, e.g. --history 5."
      HISTORY_YEARS=$2
      shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "Unknown option '$1' (use --reset, --history N or --help)." ;;
  esac
  shift
done
if [[ -n "$HISTORY_YEARS" ]]; then
  [[ "$HISTORY_YEARS" =~ ^[0-9]+$ ]] && ((HISTORY_YEARS >= 1 && HISTORY_YEARS <= 10)) \
    || fail "--history takes a number of years from 1 to 10, not '$HISTORY_YEARS'."
  $RESET || fail "--history plays a history into a new demo only: use it with --reset."
fi

require_tools java curl python3
JAVA_OPTS_FOR_NODES=${DEMO_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}

if $RESET; then
  "$DEMO_ROOT/deploy/demo/stop-federation.sh"
  rm -rf "$DEMO_DIR"
  say "Deleted $DEMO_DIR."
fi

# --- 1. The runnable jar ------------------------------------------------------------------------

jar_is_stale() {
  [[ ! -f "$DEMO_JAR" ]] && return 0
  [[ -n "$(cd "$DEMO_ROOT" && find pom.xml node/pom.xml proto/pom.xml node/src/main proto/src \
            -newer "$DEMO_JAR" -type f -print -quit 2>/dev/null)" ]]
}

if jar_is_stale; then
  say "Building the node (a few minutes the first time)..."
  (cd "$DEMO_ROOT" && ./mvnw -B -q -DskipTests package -pl node -am)
  [[ -f "$DEMO_JAR" ]] || fail "The build did not produce $DEMO_JAR."
fi

# The history is played by a program of the federation tests, run on the node's jar with their classes.
HISTORY_CLASSES="$DEMO_ROOT/federation-tests/target/classes"
history_is_stale() {
  [[ ! -f "$HISTORY_CLASSES/org/preconsult/federation/SeedDemoHistory.class" ]] && return 0
  # Their sources or the node's changed since they were compiled.
  [[ -n "$(cd "$DEMO_ROOT" && find pom.xml node/pom.xml proto/pom.xml node/src/main proto/src \
            federation-tests/pom.xml federation-tests/src/main -newer \
            "$HISTORY_CLASSES/org/preconsult/federation/SeedDemoHistory.class" -type f -print -quit 2>/dev/null)" ]]
}
if [[ -n "$HISTORY_YEARS" ]] && history_is_stale; then
  say "Building the history generator (federation-tests)..."
  (cd "$DEMO_ROOT" && ./mvnw -B -q -DskipTests package -pl federation-tests -am)
  [[ -f "$HISTORY_CLASSES/org/preconsult/federation/SeedDemoHistory.class" ]] || fail "The build did not produce SeedDemoHistory."
  touch "$HISTORY_CLASSES/org/preconsult/federation/SeedDemoHistory.class" # up to date, even if nothing was recompiled
fi

# --- 2. A history (--history N) -----------------------------------------------------------------

# Before any process starts: the six nodes run in one JVM on the demo's data directories with one
# clock that moves from 4 January N-1 years ago to now, while the history is played through their
# HTTP API (every decision signed, every record synchronised as always); then they stop, and the
# processes below open the same databases, keys and certificates on the real clock.
if [[ -n "$HISTORY_YEARS" ]]; then
  say "Playing $HISTORY_YEARS years of history into $DEMO_DIR (under a minute for five years on a small machine; log $DEMO_DIR/history.log)..."
  history_started=$SECONDS
  mkdir -p "$DEMO_DIR"
  # shellcheck disable=SC2086 # JAVA_OPTS_FOR_NODES is a list of options
  if ! env -u PRECONSULT_NODE_PARENT -u PRECONSULT_JWT_SECRET \
      PRECONSULT_OPERATOR_USERNAME="$DEMO_OPERATOR" \
      PRECONSULT_OPERATOR_PASSWORD="$(demo_password "$DEMO_OPERATOR")" \
      java -Xmx1g -XX:+UseSerialGC -cp "$DEMO_JAR:$HISTORY_CLASSES" org.preconsult.federation.SeedDemoHistory \
      "$DEMO_DIR" "$HISTORY_YEARS" >"$DEMO_DIR/history.log" 2>&1 </dev/null; then
    grep '^history: ' "$DEMO_DIR/history.log" >&2 || true
    tail -n 30 "$DEMO_DIR/history.log" >&2
    fail "Playing the history failed; see $DEMO_DIR/history.log (start afresh with --reset)."
  fi
  grep '^history: ' "$DEMO_DIR/history.log" | sed 's/^history: /  /'
  say "  history played in $((SECONDS - history_started)) s"
fi

# --- 3. Start the nodes -------------------------------------------------------------------------

# Prints the node id answering /health on a port, or nothing.
health_node_id() {
  curl -s --max-time 2 "http://localhost:$1/health" 2>/dev/null | jget nodeId 2>/dev/null || true
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start_node() {
  node_fields "$1"
  local dir="$DEMO_DIR/$NODE_ID"
  mkdir -p "$dir"
  if pid_alive "$NODE_ID"; then
    say "  $NODE_ID already running (pid $(cat "$dir/pid"))"
    return
  fi
  for port in "$NODE_HTTP" "$NODE_GRPC"; do
    port_in_use "$port" && fail "Port $port (for $NODE_ID) is taken by another program; stop it or set DEMO_HTTP_BASE / DEMO_GRPC_BASE."
  done
  local parent_address="" enrolment_token="" root_fingerprint=""
  if [[ -n "$NODE_PARENT" ]]; then
    node_by_id "$NODE_PARENT"
    parent_address="localhost:$NODE_GRPC"
    node_fields "$1"
    # First start: the parent's operator issues a one-time enrolment token for this node, and the
    # node is given it with the root's fingerprint. Later starts use the certificate it received.
    if [[ ! -f "$dir/trust/node.key" ]]; then
      local issued
      issued=$(must POST "$(node_url "$NODE_PARENT")/api/v1/trust/enrolment-tokens" "$(token_for "$NODE_PARENT" "$DEMO_OPERATOR")" \
        "{\"nodeId\":\"$NODE_ID\",\"role\":\"$NODE_ROLE\"}")
      node_fields "$1"
      enrolment_token=$(jget token <<<"$issued")
      root_fingerprint=$(jget rootFingerprint <<<"$issued")
      say "  $NODE_PARENT issued an enrolment token for $NODE_ID ($NODE_ROLE); root fingerprint $root_fingerprint"
    fi
  fi
  # Each node signs its login tokens with its own secret, which it generates on first start into
  # <data-dir>/jwt-secret (a PRECONSULT_JWT_SECRET of the calling shell is not passed on, so that
  # the nodes do not share one): a token is valid only at the node that issued it.
  # shellcheck disable=SC2086 # JAVA_OPTS_FOR_NODES is a list of options
  env -u PRECONSULT_NODE_PARENT -u PRECONSULT_JWT_SECRET \
    PRECONSULT_NODE_ID="$NODE_ID" \
    PRECONSULT_NODE_NAME="$NODE_NAME" \
    PRECONSULT_NODE_ROLE="$NODE_ROLE" \
    ${parent_address:+PRECONSULT_NODE_PARENT="$parent_address"} \
    ${enrolment_token:+PRECONSULT_ENROLMENT_TOKEN="$enrolment_token"} \
    ${root_fingerprint:+PRECONSULT_ROOT_FINGERPRINT="$root_fingerprint"} \
    PRECONSULT_DATA_DIR="$dir" \
    MICRONAUT_SERVER_PORT="$NODE_HTTP" \
    GRPC_SERVER_PORT="$NODE_GRPC" \
    PRECONSULT_OPERATOR_USERNAME="$DEMO_OPERATOR" \
    PRECONSULT_OPERATOR_PASSWORD="$(demo_password "$DEMO_OPERATOR")" \
    PRECONSULT_SYNC_BACKOFF_MAX=5s \
    nohup java $JAVA_OPTS_FOR_NODES -jar "$DEMO_RUN_JAR" >>"$dir/node.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
  say "  $NODE_ID started (pid $!, log $DEMO_DIR/$NODE_ID/node.log)"
}

wait_healthy() {
  node_fields "$1"
  local deadline=$((SECONDS + 240))
  until [[ "$(health_node_id "$NODE_HTTP")" == "$NODE_ID" ]]; do
    if ! pid_alive "$NODE_ID"; then
      tail -n 30 "$DEMO_DIR/$NODE_ID/node.log" >&2 || true
      fail "$NODE_ID stopped while starting; see $DEMO_DIR/$NODE_ID/node.log"
    fi
    ((SECONDS < deadline)) || fail "$NODE_ID did not answer /health within 4 minutes; see $DEMO_DIR/$NODE_ID/node.log"
    sleep 1
  done
  say "  $NODE_ID is up"
}

any_running=false
for row in "${DEMO_NODES[@]}"; do pid_alive "${row%%|*}" && any_running=true; done
mkdir -p "$DEMO_DIR"
if ! $any_running; then
  cp "$DEMO_JAR" "$DEMO_RUN_JAR"
elif [[ "$DEMO_JAR" -nt "$DEMO_RUN_JAR" ]]; then
  say "Note: running nodes use an older build; stop-federation.sh and start again to use the new one."
fi

declare -A TOKENS
token_for() { # node-id username
  local key="$1/$2"
  if [[ -z "${TOKENS[$key]-}" ]]; then
    TOKENS[$key]=$(login "$(node_url "$1")" "$2" "$(demo_password "$2")")
  fi
  echo "${TOKENS[$key]}"
}

# Prints the node's certificate expiry from /health once it has enrolled, or nothing.
certificate_expiry() {
  curl -s --max-time 2 "http://localhost:$1/health" 2>/dev/null | jget certificateExpiresAt 2>/dev/null || true
}

wait_enrolled() {
  node_fields "$1"
  local deadline=$((SECONDS + 120)) expiry=""
  until [[ -n "$expiry" && "$expiry" != "None" && "$expiry" != "null" ]]; do
    ((SECONDS < deadline)) || fail "$NODE_ID did not enrol with $NODE_PARENT within 2 minutes; see $DEMO_DIR/$NODE_ID/node.log"
    sleep 1
    expiry=$(certificate_expiry "$NODE_HTTP")
  done
  say "  $NODE_ID enrolled with ${NODE_PARENT:-the root} (certificate valid until $expiry)"
}

# Level by level: a node's parent must be running to issue its enrolment token.
for level in CENTRAL PROVINCIAL LOCAL; do
  say "Starting the $level nodes..."
  for row in "${DEMO_NODES[@]}"; do node_fields "$row"; [[ "$NODE_ROLE" == "$level" ]] && start_node "$row"; done
  say "Waiting for /health (about a minute on a small machine)..."
  for row in "${DEMO_NODES[@]}"; do node_fields "$row"; [[ "$NODE_ROLE" == "$level" ]] && wait_healthy "$row"; done
  for row in "${DEMO_NODES[@]}"; do node_fields "$row"; [[ "$NODE_ROLE" == "$level" ]] && wait_enrolled "$row"; done
done

# --- 4. Demo users and sample data --------------------------------------------------------------

seed_users() {
  node_fields "$1"
  local url="http://localhost:$NODE_HTTP" operator existing user
  operator=$(token_for "$NODE_ID" "$DEMO_OPERATOR")
  existing=$(must GET "$url/api/v1/users?size=200" "$operator")
  for user in "${DEMO_USERS[@]}"; do
    if python3 -c 'import json,sys; sys.exit(0 if any(u["username"]==sys.argv[1] for u in json.load(sys.stdin)["items"]) else 1)' "$user" <<<"$existing"; then
      continue
    fi
    must POST "$url/api/v1/users" "$operator" \
      "{\"username\":\"$user\",\"password\":\"$(demo_password "$user")\",\"displayName\":\"Demo ${user}\",\"roles\":[\"$(demo_role_of "$user")\"]}" >/dev/null
    say "  $NODE_ID: created user $user"
  done
}

# Runs a seeding step once per node: a marker file in the node's data directory remembers it.
once() { # node-id step-name command...
  local marker="$DEMO_DIR/$1/seeded-$2"
  [[ -f "$marker" ]] && return 0
  "${@:3}"
  touch "$marker"
}

register_system() { # node-id json
  must POST "$(node_url "$1")/api/v1/systems" "$(token_for "$1" coordinator)" "$2" >/dev/null
  say "  $1: registered system $(jget name <<<"$2")"
}

systems_city_a() {
  register_system city-a '{"name":"Resident parking permits","description":"Residents apply for parking permits online, pay the fee and receive a digital permit linked to the licence plate.","functions":["parking permit application","online payment","licence plate registry"],"functionCode":"PERMITS","platform":"Java web application","status":"OPERATING","goLiveYear":2019,"language":"en"}'
  register_system city-a '{"name":"Library lending system","description":"Catalogue, loans, reservations and reminders for the four public libraries of the city.","functions":["book loans","reservations","overdue reminders"],"functionCode":"CULTURE","platform":"Commercial software","status":"OPERATING","goLiveYear":2016,"language":"en"}'
}

systems_city_b() {
  register_system city-b '{"name":"Building permit portal","description":"Citizens and architects submit building permit applications online, upload drawings and follow the review of their application step by step.","functions":["online application","document upload","status tracking","inspection scheduling"],"functionCode":"PERMITS","platform":"Web portal on the regional cloud","status":"OPERATING","goLiveYear":2021,"language":"en"}'
}

systems_county_c() {
  register_system county-c '{"name":"Waste collection scheduling","description":"Plans the routes of waste collection trucks and tells residents when their bins are emptied.","functions":["route planning","collection calendar","resident notifications"],"functionCode":"ENVIRONMENT","platform":"Python web application","status":"OPERATING","goLiveYear":2020,"language":"en"}'
}

standard_systems_central() {
  local url token
  url=$(node_url central)
  token=$(token_for central "$DEMO_OPERATOR")
  must POST "$url/api/v1/standard-systems" "$token" '{"name":"National electronic payment gateway","description":"One payment service for every government: card and bank transfer payments of fees and fines, with receipts and reconciliation.","functions":["online payment","receipts","reconciliation"],"functionCode":"PAYMENTS","platform":"Central shared service","status":"ACTIVE","language":"en","owner":"Ministry of the Interior","budget":2500000000}' >/dev/null
  must POST "$url/api/v1/standard-systems" "$token" '{"name":"Standard electronic document management","description":"Records management for every government: registering, filing and archiving official documents and correspondence.","functions":["document registration","electronic filing","archiving"],"functionCode":"RECORDS","platform":"Central shared service","status":"ACTIVE","language":"en","owner":"Ministry of the Interior","budget":1800000000}' >/dev/null
  say "  central: registered 2 standard systems"
}

catalogue_central() {
  must POST "$(node_url central)/api/v1/catalogue/entries" "$(token_for central "$DEMO_OPERATOR")" '[
    {"id":"demo-riverside-permits","kind":"EXISTING_SYSTEM","owner":"Riverside City","name":"ePermit building applications","description":"Online submission and tracking of building permit applications with document upload and fee payment.","functions":["online application","document upload","status tracking"],"functionCode":"PERMITS","language":"en","status":"OPERATING","budget":95000000},
    {"id":"demo-lakeside-311","kind":"EXISTING_SYSTEM","owner":"Lakeside County","name":"Citizen service requests (311)","description":"Residents report potholes, broken street lights and other problems; staff route and resolve the requests.","functions":["service requests","case routing","resident notifications"],"functionCode":"SERVICES","language":"en","status":"OPERATING","budget":40000000},
    {"id":"demo-hillview-school-meals","kind":"EXISTING_SYSTEM","owner":"Hillview Town","name":"School meal registration","description":"Parents register children for school meals, declare allergies and pay monthly fees online.","functions":["meal registration","allergy records","online payment"],"functionCode":"EDUCATION","language":"en","status":"OPERATING","budget":12000000}
  ]' >/dev/null
  say "  central: imported 3 catalogue entries"
}

draft_plan_city_a() {
  local body
  body=$(must POST "$(node_url city-a)/api/v1/plans" "$(token_for city-a submitter)" '{"title":"Digital market stall licences","purpose":"Let traders apply for and renew market stall licences online instead of at the counter.","functions":["licence application","renewal reminders"],"functionCode":"PERMITS","language":"en","submittingDepartment":"Economic Affairs"}')
  say "  city-a: drafted plan $(jget id <<<"$body") (incomplete on purpose: see its completeness)"
}

say "Creating demo users and sample data..."
for row in "${DEMO_NODES[@]}"; do seed_users "$row"; done
once city-a systems systems_city_a
once city-b systems systems_city_b
once county-c systems systems_county_c
once central standard-systems standard_systems_central
once central catalogue catalogue_central
once city-a draft-plan draft_plan_city_a

# --- 5. Wait for the links to parents -----------------------------------------------------------

say "Waiting until every node is connected to its parent..."
deadline=$((SECONDS + 90))
for row in "${DEMO_NODES[@]}"; do
  node_fields "$row"
  [[ -z "$NODE_PARENT" ]] && continue
  until [[ "$(curl -s --max-time 2 "http://localhost:$NODE_HTTP/health" | jget parent.connected)" == "true" ]]; do
    if ((SECONDS >= deadline)); then
      say "  WARNING: $NODE_ID is not connected to $NODE_PARENT yet; see http://localhost:$NODE_HTTP/health"
      break
    fi
    sleep 1
  done
done

# --- 6. What is running -------------------------------------------------------------------------

say ""
say "Preconsult demo federation is running."
say ""
printf '%-10s %-11s %-11s %-23s %-6s %s\n' NODE ROLE PARENT "HTTP URL" GRPC NAME
for row in "${DEMO_NODES[@]}"; do
  node_fields "$row"
  printf '%-10s %-11s %-11s %-23s %-6s %s\n' "$NODE_ID" "$NODE_ROLE" "${NODE_PARENT:--}" \
    "http://localhost:$NODE_HTTP" "$NODE_GRPC" "$NODE_NAME"
done
say ""
say "Logins (the same at every node):"
for user in "$DEMO_OPERATOR" "${DEMO_USERS[@]}"; do
  printf '  %-12s password %-22s role %s\n' "$user" "$(demo_password "$user")" "$(demo_role_of "$user")"
done
say ""
LOCAL_URL=$(node_url city-a)
CENTRAL_URL=$(node_url central)
say "Open the web UI: $LOCAL_URL/ (City A: sign in as coordinator) and $(node_url prov-north)/ (North Province:"
say "sign in as reviewer) to take a plan through review in the browser, in English or Korean."
say ""
say "Try it (./deploy/demo/walkthrough.sh does all of this and more in one go):"
say "  T=\$(curl -s $LOCAL_URL/login -H 'Content-Type: application/json' -d '{\"username\":\"coordinator\",\"password\":\"$(demo_password coordinator)\"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"access_token\"])')"
say "  curl -s $LOCAL_URL/api/v1/plans -H \"Authorization: Bearer \$T\"                       # City A's plans, with completeness"
say "  curl -s $LOCAL_URL/api/v1/systems -H \"Authorization: Bearer \$T\"                     # City A's existing systems"
say "  curl -s '$LOCAL_URL/api/v1/catalogue/entries?q=permit' -H \"Authorization: Bearer \$T\"  # what the federation already has"
say "  curl -s $LOCAL_URL/health                                                      # the node and its link to prov-north"
say ""
say "Both review levels and the turnaround reports: ./deploy/demo/walkthrough-levels.sh"
say "Logs: $DEMO_DIR/<node>/node.log   Stop: ./deploy/demo/stop-federation.sh   Start afresh: --reset"
