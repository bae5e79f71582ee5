#!/usr/bin/env bash
# Shows who reviews what in the running demo federation. City A submits two plans to its province
# (prov-north):
#   - a large one (budget 120,000,000, above the provincial threshold of 50,000,000): the province
#     adds its preliminary review and forwards it; central opens the case, sees the preliminary
#     review and decides;
#   - a small one (budget 20,000,000): the province decides it itself.
# Then prints the turnaround report of the province and of central. Prints each step and how long
# each trip took.
#
#   ./deploy/demo/walkthrough-levels.sh [local-node]   (default city-a; city-b, or county-c under prov-south)
#
# Needs the demo running: ./deploy/demo/start-federation.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools curl python3

LOCAL_ID=${1:-city-a}
node_by_id "$LOCAL_ID" >/dev/null
[[ "$NODE_ROLE" == LOCAL ]] || fail "$LOCAL_ID is not a local node; choose city-a, city-b or county-c."
PROVINCE_ID=$NODE_PARENT
LOCAL_URL=$(node_url "$LOCAL_ID")
PROVINCE_URL=$(node_url "$PROVINCE_ID")
CENTRAL_URL=$(node_url central)
WAIT_SECONDS=${WAIT_SECONDS:-120}

for url in "$LOCAL_URL" "$PROVINCE_URL" "$CENTRAL_URL"; do
  curl -sf --max-time 3 "$url/health" >/dev/null || fail "Nothing answers at $url/health. Start the demo first: ./deploy/demo/start-federation.sh"
done

step() { printf '\n== %s\n' "$*"; }

# Prints the case (as JSON) of a plan at a node, optionally only with a given status; nothing if none.
case_of() { # url token plan-id [status]
  api GET "$1/api/v1/review-cases?size=200${4:+&status=$4}" "$2" | python3 -c '
import json, sys
try:
    page = json.load(sys.stdin)
except ValueError:
    sys.exit(0)
for case in page.get("items", []):
    if case["plan"]["planId"] == sys.argv[1]:
        print(json.dumps(case))
        break
' "$3"
}

# Waits until case_of prints something and prints it; fails after WAIT_SECONDS.
wait_case() { # url token plan-id status where
  local found="" deadline=$((SECONDS + WAIT_SECONDS))
  until [[ -n "$found" ]]; do
    ((SECONDS < deadline)) || fail "No $4 case at $5 after $WAIT_SECONDS s; see $DEMO_DIR/*/node.log"
    sleep 0.2
    found=$(case_of "$1" "$2" "$3" "$4" || true)
  done
  printf '%s' "$found"
}

# Waits until the plan at the local node carries a decision and prints the plan.
wait_decision() { # plan-id
  local plan="" deadline=$((SECONDS + WAIT_SECONDS))
  until [[ -n "$plan" && "$(jget decisions.0.decisionId <<<"$plan")" != "" ]]; do
    ((SECONDS < deadline)) || fail "The decision did not reach $LOCAL_ID within $WAIT_SECONDS s; see $DEMO_DIR/*/node.log"
    sleep 0.2
    plan=$(api GET "$LOCAL_URL/api/v1/plans/$1" "$COORDINATOR" || true)
  done
  printf '%s' "$plan"
}

# Decides the case as its recommendation says, waits for the decision at the local node and reports
# how long it took down, by the nodes' clocks (sets DOWN_NODE_MS) and as this script saw it.
decide_and_follow() { # url token case-json reviewer-label plan-id
  local case_id decision decided decided_ms plan_now seen_ms
  case_id=$(jget id <<<"$3")
  decision=$(decision_following "$3" "$4")
  say "POST $1/api/v1/review-cases/$case_id/decision"
  say "   $decision"
  decided=$(must POST "$1/api/v1/review-cases/$case_id/decision" "$2" "$decision")
  decided_ms=$(now_ms)
  say "-> case $(jget status <<<"$decided"), turnaround $(jget turnaroundDays <<<"$decided") days"
  plan_now=$(wait_decision "$5")
  seen_ms=$(($(now_ms) - decided_ms))
  DOWN_NODE_MS=$(ms_between "$(jget decisions.0.decidedAt <<<"$plan_now")" "$(jget decisions.0.receivedAt <<<"$plan_now")")
  say "   at $LOCAL_ID: plan $(jget status <<<"$plan_now"), decided by $(jget decisions.0.decidingNode <<<"$plan_now"), received ${DOWN_NODE_MS} ms after the decision (seen by this script after ${seen_ms} ms)"
}

# The decision that follows the case's recommendation (a conditional approval names the system to assess).
decision_following() { # case-json reviewer-label
  python3 -c '
import json, sys
case = json.loads(sys.argv[1])
r = (case.get("evidence") or {}).get("recommendation") or {}
outcome = r.get("outcome") or "UNCONDITIONAL_APPROVAL"
reasons = r.get("reasons") or ["No significant overlap with the catalogue."]
decision = {"outcome": outcome, "reasons": [sys.argv[2] + " confirms the recommendation."] + reasons}
proposed = r.get("proposed")
if outcome == "CONDITIONAL_APPROVAL":
    # The recommendation may state the condition itself (e.g. for a plan that repeats an earlier one).
    stated = [x[len("Condition: "):] for x in reasons if x.startswith("Condition: ")]
    text = stated[0] if stated else "Assess adoption of " + (proposed["name"] if proposed else "the overlapping system") + " before procurement."
    condition = {"text": text}
    if proposed:
        condition["entryId"] = proposed["entryId"]
    decision["conditions"] = [condition]
print(json.dumps(decision))
' "$1" "$2"
}

# Drafts and submits a complete plan; prints its id.
submit_plan() { # title budget
  local plan id
  plan=$(must POST "$LOCAL_URL/api/v1/plans" "$COORDINATOR" "{
    \"title\": \"$1\",
    \"purpose\": \"$3\",
    \"functions\": $4,
    \"functionCode\": \"$5\",
    \"budget\": $2,
    \"plannedStart\": \"2027-03-01\",
    \"plannedEnd\": \"2027-12-31\",
    \"platform\": \"Java web application on the municipal cloud\",
    \"language\": \"en\",
    \"submittingDepartment\": \"Digital Services\"
  }")
  id=$(jget id <<<"$plan")
  must POST "$LOCAL_URL/api/v1/plans/$id/submission" "$COORDINATOR" >/dev/null
  printf '%s' "$id"
}

# Milliseconds between two timestamps of the API (ISO-8601 in UTC), for any python3 version.
ms_between() { # earlier later
  python3 -c '
import re, sys
from datetime import datetime
def t(v):
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?", v)
    return datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S").replace(microsecond=int((m.group(2) or "0")[:6].ljust(6, "0")))
print(int((t(sys.argv[2]) - t(sys.argv[1])).total_seconds() * 1000))
' "$1" "$2"
}

show_case() { # label case-json
  python3 -c '
import json, sys
c = json.loads(sys.argv[2])
r = (c.get("evidence") or {}).get("recommendation") or {}
print("   %s case %s: status %s, deciding level %s" % (sys.argv[1], c["id"], c["status"], c.get("decidingLevel") or "-"))
print("     routing: %s" % c.get("routingReason"))
if c.get("forwardedTo"):
    print("     forwarded to: %s" % c["forwardedTo"])
print("     opened %s ms after submission (node clocks); due %s, %.1f days left, overdue: %s"
      % (sys.argv[3], c["dueAt"], c["remainingDays"], str(c["overdue"]).lower()))
print("     recommendation here: %s (confidence %s)" % (r.get("outcome"), r.get("confidence")))
for p in c.get("preliminaryReviews") or []:
    print("     preliminary review by %s: %s" % (p["reviewingNode"], p["opinion"]))
    print("       recommended %s; matches: %s" % (p.get("recommendedOutcome"),
          ", ".join("%s (%.2f)" % (m["name"], m["score"]) for m in (p.get("matches") or [])[:3]) or "none"))
' "$1" "$2" "$(ms_between "$(jget plan.submittedAt <<<"$2")" "$(jget openedAt <<<"$2")")"
}

show_turnaround() { # label url token
  local report
  report=$(must GET "$2/api/v1/review-cases/turnaround" "$3")
  say "GET $2/api/v1/review-cases/turnaround (as reviewer at $1)"
  python3 -c '
import json, sys
report = json.loads(sys.argv[1])
print("   at %s" % report["at"])
print("   %-11s %5s %7s %4s %7s %11s %8s" % ("level", "cases", "decided", "open", "overdue", "median days", "p90 days"))
for l in report["levels"]:
    fmt = lambda v: "-" if v is None else "%.1f" % v
    print("   %-11s %5d %7d %4d %7d %11s %8s" % (l["level"], l["cases"], l["decided"], l["open"], l["overdue"],
          fmt(l["medianDays"]), fmt(l["p90Days"])))
' "$report"
}

STAMP=$(date '+%Y-%m-%d %H:%M:%S')

step "1. Sign in: coordinator at $LOCAL_ID, reviewers at $PROVINCE_ID and central"
COORDINATOR=$(login "$LOCAL_URL" coordinator "$(demo_password coordinator)")
PROVINCE_REVIEWER=$(login "$PROVINCE_URL" reviewer "$(demo_password reviewer)")
CENTRAL_REVIEWER=$(login "$CENTRAL_URL" reviewer "$(demo_password reviewer)")
say "   three tokens; each is valid only at the node that issued it"

step "2. Submit a large plan (budget 120,000,000) and a small one (budget 20,000,000) at $LOCAL_ID"
LARGE=$(submit_plan "Online building permits ($STAMP)" 120000000 \
  "Let residents apply for building permits online, upload their drawings and track the review of their application." \
  '["online application", "document upload", "status tracking"]' PERMITS)
LARGE_SUBMITTED=$(now_ms)
say "   large plan $LARGE submitted"
SMALL=$(submit_plan "Youth sports club grants ($STAMP)" 20000000 \
  "Let youth sports clubs apply for annual municipal grants online and report how the grant was spent." \
  '["grant application", "spending report", "club register"]' SPORTS)
say "   small plan $SMALL submitted"

step "3. The large plan: preliminary review at $PROVINCE_ID, forwarded to central"
FORWARDED=$(wait_case "$PROVINCE_URL" "$PROVINCE_REVIEWER" "$LARGE" FORWARDED "$PROVINCE_ID")
LARGE_AT_PROVINCE_MS=$(($(now_ms) - LARGE_SUBMITTED))
LARGE_AT_PROVINCE_NODE_MS=$(ms_between "$(jget plan.submittedAt <<<"$FORWARDED")" "$(jget openedAt <<<"$FORWARDED")")
show_case "$PROVINCE_ID" "$FORWARDED"
AT_CENTRAL=$(wait_case "$CENTRAL_URL" "$CENTRAL_REVIEWER" "$LARGE" OPEN central)
LARGE_AT_CENTRAL_MS=$(($(now_ms) - LARGE_SUBMITTED))
LARGE_AT_CENTRAL_NODE_MS=$(ms_between "$(jget plan.submittedAt <<<"$AT_CENTRAL")" "$(jget openedAt <<<"$AT_CENTRAL")")
show_case central "$AT_CENTRAL"
say "   seen by this script: FORWARDED at $PROVINCE_ID ${LARGE_AT_PROVINCE_MS} ms, OPEN at central ${LARGE_AT_CENTRAL_MS} ms after the submission"

step "4. Central decides the large plan"
decide_and_follow "$CENTRAL_URL" "$CENTRAL_REVIEWER" "$AT_CENTRAL" "The central reviewer" "$LARGE"
LARGE_DOWN_NODE_MS=$DOWN_NODE_MS
say "   at $PROVINCE_ID the forwarded case now shows the outcome: $(api GET "$PROVINCE_URL/api/v1/review-cases/$(jget id <<<"$FORWARDED")" "$PROVINCE_REVIEWER" | jget decision.outcome)"

step "5. The small plan: decided at $PROVINCE_ID"
SMALL_CASE_JSON=$(wait_case "$PROVINCE_URL" "$PROVINCE_REVIEWER" "$SMALL" OPEN "$PROVINCE_ID")
show_case "$PROVINCE_ID" "$SMALL_CASE_JSON"
# Found only after the large plan's round trip, so the time comes from the nodes' own clocks.
SMALL_AT_PROVINCE_MS=$(ms_between "$(jget plan.submittedAt <<<"$SMALL_CASE_JSON")" "$(jget openedAt <<<"$SMALL_CASE_JSON")")
decide_and_follow "$PROVINCE_URL" "$PROVINCE_REVIEWER" "$SMALL_CASE_JSON" "The provincial reviewer" "$SMALL"
SMALL_DOWN_NODE_MS=$DOWN_NODE_MS
if [[ -z "$(case_of "$CENTRAL_URL" "$CENTRAL_REVIEWER" "$SMALL")" ]]; then
  say "   central has no case for it"
else
  say "   NOTE: central also has a case for the small plan"
fi

step "6. Turnaround reports"
# The province reports its decision up; give it a moment to reach central's report.
sleep "${REPORT_WAIT_SECONDS:-3}"
show_turnaround "$PROVINCE_ID" "$PROVINCE_URL" "$PROVINCE_REVIEWER"
show_turnaround central "$CENTRAL_URL" "$CENTRAL_REVIEWER"

step "Timings (from the nodes' own timestamps: submittedAt, openedAt, decidedAt, receivedAt)"
say "   large plan: submitted at $LOCAL_ID -> forwarded by $PROVINCE_ID:   ${LARGE_AT_PROVINCE_NODE_MS} ms"
say "               submitted at $LOCAL_ID -> case open at central:      ${LARGE_AT_CENTRAL_NODE_MS} ms"
say "               decided at central -> received at $LOCAL_ID:        ${LARGE_DOWN_NODE_MS} ms"
say "   small plan: submitted at $LOCAL_ID -> case open at $PROVINCE_ID:  ${SMALL_AT_PROVINCE_MS} ms"
say "               decided at $PROVINCE_ID -> received at $LOCAL_ID:     ${SMALL_DOWN_NODE_MS} ms"
