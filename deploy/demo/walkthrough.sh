#!/usr/bin/env bash
# Walks one plan through the running demo federation: a local government drafts and submits it,
# its province forwards it (its budget is above the provincial threshold), the central node opens a
# review case with redundancy evidence, a reviewer decides, and the decision comes back to the
# local government. Prints each step and how long the trips took. walkthrough-levels.sh shows
# both review levels and the turnaround reports.
#
#   ./deploy/demo/walkthrough.sh [local-node]     (default city-a; also city-b or county-c)
#
# Needs the demo running: ./deploy/demo/start-federation.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools curl python3

LOCAL_ID=${1:-city-a}
node_by_id "$LOCAL_ID" >/dev/null
[[ "$NODE_ROLE" == LOCAL ]] || fail "$LOCAL_ID is not a local node; choose city-a, city-b or county-c."
LOCAL_URL=$(node_url "$LOCAL_ID")
CENTRAL_URL=$(node_url central)
WAIT_SECONDS=${WAIT_SECONDS:-120}

for url in "$LOCAL_URL" "$CENTRAL_URL"; do
  curl -sf --max-time 3 "$url/health" >/dev/null || fail "Nothing answers at $url/health. Start the demo first: ./deploy/demo/start-federation.sh"
done

step() { printf '\n== %s\n' "$*"; }

step "1. Sign in at $LOCAL_ID as coordinator"
COORDINATOR=$(login "$LOCAL_URL" coordinator "$(demo_password coordinator)")
say "POST $LOCAL_URL/login -> access_token (${#COORDINATOR} characters)"

step "2. Draft a complete plan"
TITLE="Online building permits ($(date '+%Y-%m-%d %H:%M:%S'))"
PLAN=$(must POST "$LOCAL_URL/api/v1/plans" "$COORDINATOR" "{
  \"title\": \"$TITLE\",
  \"purpose\": \"Let residents apply for building permits online, upload their drawings and track the review of their application.\",
  \"functions\": [\"online application\", \"document upload\", \"status tracking\"],
  \"functionCode\": \"PERMITS\",
  \"budget\": 120000000,
  \"plannedStart\": \"2027-03-01\",
  \"plannedEnd\": \"2027-12-31\",
  \"platform\": \"Java web application on the municipal cloud\",
  \"language\": \"en\",
  \"submittingDepartment\": \"Urban Planning Department\",
  \"contactPerson\": \"Jane Doe, ext. 1234\",
  \"internalNotes\": \"Stays at $LOCAL_ID: private fields never leave the node.\"
}")
PLAN_ID=$(jget id <<<"$PLAN")
say "POST $LOCAL_URL/api/v1/plans -> plan $PLAN_ID"
say "   title: $TITLE"
say "   status $(jget status <<<"$PLAN"), complete: $(jget completeness.complete <<<"$PLAN") (score $(jget completeness.score <<<"$PLAN"))"

step "3. Submit it"
SUBMITTED=$(must POST "$LOCAL_URL/api/v1/plans/$PLAN_ID/submission" "$COORDINATOR")
SUBMITTED_AT=$(now_ms)
say "POST $LOCAL_URL/api/v1/plans/$PLAN_ID/submission -> status $(jget status <<<"$SUBMITTED")"

step "4. Wait for the review case at central"
REVIEWER=$(login "$CENTRAL_URL" reviewer "$(demo_password reviewer)")
say "GET $CENTRAL_URL/api/v1/review-cases?status=OPEN (as reviewer), until the plan appears"
find_case() {
  api GET "$CENTRAL_URL/api/v1/review-cases?status=OPEN&size=200" "$REVIEWER" | python3 -c '
import json, sys
try:
    page = json.load(sys.stdin)
except ValueError:
    sys.exit(0)
for case in page.get("items", []):
    if case["plan"]["planId"] == sys.argv[1]:
        print(json.dumps(case))
' "$PLAN_ID"
}
CASE=""
deadline=$((SECONDS + WAIT_SECONDS))
until [[ -n "$CASE" ]]; do
  ((SECONDS < deadline)) || fail "No review case at central after $WAIT_SECONDS s; see $LOCAL_URL/health and $DEMO_DIR/*/node.log"
  sleep 0.2
  CASE=$(find_case || true)
done
UP_MS=$(($(now_ms) - SUBMITTED_AT))
CASE_ID=$(jget id <<<"$CASE")
say "Case $CASE_ID opened for plan of $(jget plan.originNode <<<"$CASE") ($(jget plan.ownerName <<<"$CASE")), due $(jget dueAt <<<"$CASE")"
say "Submission to case at central: ${UP_MS} ms"

step "5. The evidence: top matches and the recommendation"
python3 -c '
import json, sys
case = json.loads(sys.argv[1])
evidence = case.get("evidence") or {}
matches = evidence.get("matches") or []
if not matches:
    print("   no similar entries in the catalogue")
for m in matches[:3]:
    e = m.get("evidence") or {}
    why = []
    if e.get("sharedFunctions"):
        why.append("shared functions: " + ", ".join(e["sharedFunctions"]))
    if e.get("sameFunctionCode"):
        why.append("same function code")
    for f in e.get("fields") or []:
        why.append(f["field"] + " terms: " + ", ".join(f["terms"][:6]))
    print("   %.2f  %-16s %s (%s)" % (m["score"], m["kind"], m["name"], m.get("owner") or "-"))
    for w in why:
        print("         " + w)
r = evidence.get("recommendation") or {}
print("   recommendation: %s (confidence %s)" % (r.get("outcome"), r.get("confidence")))
for reason in r.get("reasons") or []:
    print("     - " + reason)
' "$CASE"

step "6. The reviewer records the decision"
DECISION=$(python3 -c '
import json, sys
case = json.loads(sys.argv[1])
r = (case.get("evidence") or {}).get("recommendation") or {}
outcome = r.get("outcome") or "UNCONDITIONAL_APPROVAL"
reasons = r.get("reasons") or ["No significant overlap with the catalogue."]
decision = {"outcome": outcome, "reasons": ["Reviewer confirms the recommendation."] + reasons}
proposed = r.get("proposed")
if outcome == "CONDITIONAL_APPROVAL":
    name = proposed["name"] if proposed else "the overlapping system"
    condition = {"text": "Assess adoption of " + name + " before procurement."}
    if proposed:
        condition["entryId"] = proposed["entryId"]
    decision["conditions"] = [condition]
print(json.dumps(decision))
' "$CASE")
say "POST $CENTRAL_URL/api/v1/review-cases/$CASE_ID/decision"
say "   $DECISION"
DECIDED=$(must POST "$CENTRAL_URL/api/v1/review-cases/$CASE_ID/decision" "$REVIEWER" "$DECISION")
DECIDED_AT=$(now_ms)
say "-> case status $(jget status <<<"$DECIDED"), decision $(jget decision.decisionId <<<"$DECIDED")"

step "7. Wait for the decision at $LOCAL_ID"
say "GET $LOCAL_URL/api/v1/plans/$PLAN_ID (as coordinator), until it carries the decision"
PLAN_NOW=""
deadline=$((SECONDS + WAIT_SECONDS))
until [[ -n "$PLAN_NOW" && "$(jget decisions.0.decisionId <<<"$PLAN_NOW")" != "" ]]; do
  ((SECONDS < deadline)) || fail "The decision did not reach $LOCAL_ID within $WAIT_SECONDS s; see $LOCAL_URL/health and $DEMO_DIR/*/node.log"
  sleep 0.2
  PLAN_NOW=$(api GET "$LOCAL_URL/api/v1/plans/$PLAN_ID" "$COORDINATOR" || true)
done
DOWN_MS=$(($(now_ms) - DECIDED_AT))
say "Plan status $(jget status <<<"$PLAN_NOW"): $(jget decisions.0.outcome <<<"$PLAN_NOW") decided by $(jget decisions.0.decidingNode <<<"$PLAN_NOW"), signed with key $(jget decisions.0.signerKeyId <<<"$PLAN_NOW")"
python3 -c '
import json, sys
d = json.loads(sys.argv[1])["decisions"][0]
for r in d.get("reasons") or []:
    print("   reason: " + r)
for c in d.get("conditions") or []:
    print("   condition: " + c["text"])
' "$PLAN_NOW"
say "Decision to plan at $LOCAL_ID: ${DOWN_MS} ms"

step "Timings"
say "   submission at $LOCAL_ID -> review case at central: ${UP_MS} ms"
say "   decision at central -> visible at $LOCAL_ID:       ${DOWN_MS} ms"
