package org.preconsult.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.preconsult.identity.model.Role;

/**
 * Every endpoint of the HTTP API with the roles that may call it: the one access table. The role
 * matrix test calls each endpoint as each role and as nobody and asserts this table; the README's
 * table is compared with it; the route test proves that no endpoint of the node is missing here.
 * Path ids in braces are filled in by the tests.
 */
final class Endpoints {

    private Endpoints() {
    }

    /** One endpoint: how to call it, who may, and whether a successful call changes state. */
    record Endpoint(String method, String path, String contentType, String body, Set<Role> allowed, boolean changesState) {
        String name() {
            return method + " " + path + (contentType.equals(JSON) || contentType.isEmpty() ? "" : " (" + contentType + ")");
        }

        boolean anonymous() {
            return allowed == null;
        }
    }

    static final String JSON = "application/json";
    static final String CSV = "text/csv";
    static final String YAML = "application/yaml";

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> DRAFTERS = EnumSet.of(Role.SUBMITTER, Role.COORDINATOR);
    private static final Set<Role> CHECKERS = EnumSet.of(Role.SUBMITTER, Role.COORDINATOR, Role.REVIEWER);
    private static final Set<Role> CASE_READERS = EnumSet.of(Role.REVIEWER, Role.OPERATOR, Role.AUDITOR);
    private static final Set<Role> OPERATOR = EnumSet.of(Role.OPERATOR);
    private static final Set<Role> REVIEWER = EnumSet.of(Role.REVIEWER);
    private static final Set<Role> COORDINATOR = EnumSet.of(Role.COORDINATOR);
    private static final Set<Role> KEEPERS = EnumSet.of(Role.OPERATOR, Role.AUDITOR);
    private static final Set<Role> STANDARDS = EnumSet.of(Role.OPERATOR, Role.REVIEWER);
    private static final Set<Role> ACCOUNTS = EnumSet.of(Role.COORDINATOR, Role.REVIEWER, Role.OPERATOR, Role.AUDITOR);
    private static final Set<Role> ADOPTION_READERS = EnumSet.of(Role.COORDINATOR, Role.OPERATOR, Role.AUDITOR);
    private static final Set<Role> ANSWERERS = EnumSet.of(Role.COORDINATOR, Role.OPERATOR);

    static final String PLAN = "{\"title\":\"Online building permits\",\"budget\":1000}";
    static final String SYSTEM = "{\"name\":\"Permit portal\",\"description\":\"Residents apply for permits online.\"}";
    static final String STANDARD = "{\"name\":\"National permit platform\",\"owner\":\"Ministry\"}";
    static final String DECISION = "{\"outcome\":\"CONDITIONAL_APPROVAL\",\"reasons\":[\"Overlaps the portal of City B.\"],"
            + "\"overrideReason\":\"Same functions.\",\"conditions\":[{\"text\":\"Assess adoption of the City B portal.\"}]}";
    static final String IMPORT = "[{\"id\":\"imp-1\",\"kind\":\"EXISTING_SYSTEM\",\"owner\":\"City B\",\"name\":\"Parking portal\","
            + "\"description\":\"Residents apply for parking permits.\"}]";
    static final String IMPORT_CSV = "id,kind,owner,name,description\ncsv-1,EXISTING_SYSTEM,City C,Library app,Residents borrow books.\n";
    static final String PUBLICCODE = "publiccodeYmlVersion: \"0.4\"\nname: Sportello\nurl: https://example.org/sportello\n"
            + "legal:\n  license: EUPL-1.2\ndescription:\n  en:\n    shortDescription: Permits online\n"
            + "    longDescription: Residents submit building permit applications online and follow them.\n";

    /** The table. Order is the README's order. */
    static final List<Endpoint> ALL_ENDPOINTS = List.of(
            new Endpoint("POST", "/api/v1/plans", JSON, PLAN, DRAFTERS, true),
            new Endpoint("GET", "/api/v1/plans", "", null, ALL, false),
            new Endpoint("GET", "/api/v1/plans/{plan}", "", null, ALL, false),
            new Endpoint("PUT", "/api/v1/plans/{plan}", JSON, PLAN, DRAFTERS, true),
            new Endpoint("DELETE", "/api/v1/plans/{plan}", "", null, DRAFTERS, true),
            new Endpoint("POST", "/api/v1/plans/{plan}/submission", "", null, COORDINATOR, true),
            new Endpoint("GET", "/api/v1/plans/{plan}/redundancy-check", "", null, CHECKERS, false),
            new Endpoint("POST", "/api/v1/plans/{plan}/conditions/{planCondition}/fulfilment", JSON,
                    "{\"evidence\":\"Adoption assessed; report of 3 March.\"}", COORDINATOR, true),
            new Endpoint("GET", "/api/v1/plans/{plan}/lifecycle", "", null, ALL, false),
            new Endpoint("POST", "/api/v1/plans/{plan}/lifecycle/kickoff", JSON, "{\"kickoffOn\":\"2026-03-01\"}", COORDINATOR, true),
            new Endpoint("POST", "/api/v1/plans/{plan}/lifecycle/completion", JSON, "{\"goLiveOn\":\"2026-11-01\"}", COORDINATOR, true),
            new Endpoint("POST", "/api/v1/plans/{plan}/lifecycle/cancellation", JSON,
                    "{\"reason\":\"The council withdrew the budget.\"}", COORDINATOR, true),
            new Endpoint("PUT", "/api/v1/plans/{plan}/lifecycle/deliverables/{deliverable}", JSON,
                    "{\"title\":\"Final report\",\"deliveredOn\":\"2026-11-15\",\"sizeBytes\":120000,"
                            + "\"checksum\":\"" + "ab".repeat(32) + "\"}", COORDINATOR, true),
            new Endpoint("GET", "/api/v1/lifecycle/flagged", "", null, ACCOUNTS, false),
            new Endpoint("GET", "/api/v1/statistics", "", null, ACCOUNTS, false),
            new Endpoint("GET", "/api/v1/statistics.csv", "", null, ACCOUNTS, false),
            new Endpoint("GET", "/api/v1/statistics/league", "", null, ACCOUNTS, false),
            new Endpoint("GET", "/api/v1/statistics/league.csv", "", null, ACCOUNTS, false),
            new Endpoint("POST", "/api/v1/redundancy-checks", JSON, "{\"title\":\"Parking permits online\"}", CHECKERS, false),
            new Endpoint("GET", "/api/v1/systems", "", null, ALL, false),
            new Endpoint("GET", "/api/v1/systems/{system}", "", null, ALL, false),
            new Endpoint("POST", "/api/v1/systems", JSON, SYSTEM, COORDINATOR, true),
            new Endpoint("PUT", "/api/v1/systems/{system}", JSON, SYSTEM, COORDINATOR, true),
            new Endpoint("POST", "/api/v1/systems/{system}/retirement", JSON,
                    "{\"retiredOn\":\"2026-06-30\",\"reason\":\"Replaced by the national platform.\"}", COORDINATOR, true),
            new Endpoint("GET", "/api/v1/systems/export.csv", "", null, ALL, false),
            new Endpoint("GET", "/api/v1/systems/{system}/publiccode.yml", "", null, ALL, false),
            new Endpoint("POST", "/api/v1/standard-systems", JSON, STANDARD, STANDARDS, true),
            new Endpoint("PUT", "/api/v1/standard-systems/{standard}", JSON, STANDARD, STANDARDS, true),
            new Endpoint("GET", "/api/v1/catalogue/entries", "", null, ALL, false),
            new Endpoint("GET", "/api/v1/catalogue/entries/{entry}", "", null, ALL, false),
            new Endpoint("GET", "/api/v1/catalogue/export.csv", "", null, ALL, false),
            new Endpoint("GET", "/api/v1/best-practices", "", null, ALL, false),
            new Endpoint("PUT", "/api/v1/best-practices/{entry}", JSON, "{\"reason\":\"Reused by three cities.\"}", STANDARDS, true),
            new Endpoint("DELETE", "/api/v1/best-practices/{entry}", "", null, STANDARDS, true),
            new Endpoint("POST", "/api/v1/adoptions", JSON, "{\"entryId\":\"imp-1\",\"motivation\":\"Same need.\"}", COORDINATOR, true),
            new Endpoint("GET", "/api/v1/adoptions", "", null, ADOPTION_READERS, false),
            new Endpoint("GET", "/api/v1/adoptions/{adoption}", "", null, ADOPTION_READERS, false),
            new Endpoint("POST", "/api/v1/adoptions/{adoption}/acceptance", JSON, "{\"reason\":\"Welcome.\"}", ANSWERERS, true),
            new Endpoint("POST", "/api/v1/adoptions/{adoption}/decline", JSON, "{\"reason\":\"It is retired next year.\"}",
                    ANSWERERS, true),
            new Endpoint("POST", "/api/v1/adoptions/{adoption}/notices", JSON, "{\"text\":\"We changed the report.\"}",
                    COORDINATOR, true),
            new Endpoint("GET", "/api/v1/adoption-notices", "", null, ADOPTION_READERS, false),
            new Endpoint("POST", "/api/v1/catalogue/entries", JSON, IMPORT, OPERATOR, true),
            new Endpoint("POST", "/api/v1/catalogue/entries", CSV, IMPORT_CSV, OPERATOR, true),
            new Endpoint("POST", "/api/v1/catalogue/publiccode", YAML, PUBLICCODE, OPERATOR, true),
            new Endpoint("POST", "/api/v1/catalogue/index/rebuild", "", null, OPERATOR, false),
            new Endpoint("GET", "/api/v1/review-cases", "", null, CASE_READERS, false),
            new Endpoint("GET", "/api/v1/review-cases/turnaround", "", null, CASE_READERS, false),
            new Endpoint("GET", "/api/v1/review-cases/{case}", "", null, CASE_READERS, false),
            new Endpoint("POST", "/api/v1/review-cases/{case}/decision", JSON, DECISION, REVIEWER, true),
            new Endpoint("GET", "/api/v1/conditions", "", null, CASE_READERS, false),
            new Endpoint("GET", "/api/v1/conditions/by-government", "", null, CASE_READERS, false),
            new Endpoint("POST", "/api/v1/conditions/{caseCondition}/waiver", JSON, "{\"reason\":\"City B retired its portal.\"}",
                    REVIEWER, true),
            new Endpoint("GET", "/api/v1/review-policy", "", null, CASE_READERS, false),
            new Endpoint("PUT", "/api/v1/review-policy", JSON, "{\"automaticDecisions\":false,\"minConfidence\":0.9}",
                    OPERATOR, true),
            new Endpoint("GET", "/api/v1/users", "", null, OPERATOR, false),
            new Endpoint("POST", "/api/v1/users", JSON,
                    "{\"username\":\"new-user\",\"password\":\"a-long-password\",\"roles\":[\"AUDITOR\"]}", OPERATOR, true),
            new Endpoint("PATCH", "/api/v1/users/{user}", JSON, "{\"displayName\":\"Kim Lee\"}", OPERATOR, true),
            new Endpoint("GET", "/api/v1/audit", "", null, KEEPERS, false),
            new Endpoint("GET", "/api/v1/node/keys", "", null, KEEPERS, false),
            new Endpoint("POST", "/api/v1/node/keys/rotate", "", null, OPERATOR, true),
            new Endpoint("GET", "/api/v1/node/trusted-keys", "", null, KEEPERS, false),
            new Endpoint("GET", "/api/v1/node/rejected-decisions", "", null, KEEPERS, false),
            new Endpoint("POST", "/api/v1/trust/enrolment-tokens", JSON, "{\"nodeId\":\"city-z\",\"role\":\"LOCAL\"}",
                    OPERATOR, true),
            new Endpoint("GET", "/api/v1/trust/children", "", null, KEEPERS, false),
            new Endpoint("POST", "/api/v1/trust/children/{child}/revocation", JSON, "{\"reason\":\"Decommissioned.\"}",
                    OPERATOR, true),
            new Endpoint("GET", "/api/v1/trust/certificate", "", null, KEEPERS, false),
            new Endpoint("POST", "/api/v1/trust/certificate/renewal", "", null, OPERATOR, true),
            new Endpoint("GET", "/api/v1/trust/refusals", "", null, KEEPERS, false),
            new Endpoint("GET", "/prometheus", "", null, OPERATOR, false),
            new Endpoint("GET", "/metrics", "", null, OPERATOR, false),
            new Endpoint("GET", "/metrics/{metric}", "", null, OPERATOR, false),
            new Endpoint("GET", "/health", "", null, null, false),
            new Endpoint("POST", "/login", JSON, "{\"username\":\"nobody\",\"password\":\"wrong-password\"}", null, false));
}
