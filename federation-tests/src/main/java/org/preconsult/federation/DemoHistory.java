package org.preconsult.federation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Several years of a federation's history, generated from a seed: the plans the local
 * governments submit, who decides them and how, and what happens to them afterwards (kickoff,
 * some registered only after they started, go-live, cancellation, conditions fulfilled or left
 * open, plans never updated again). The same seed always gives the same history. It is only a
 * script: {@link DemoHistorySeeder} plays it through the nodes' API, so every decision is a real,
 * signed decision and every record travels as any other.
 *
 * <p>Outcomes are drawn in about the proportions of the domain's Table 1 (2001–2010: 72%
 * unconditional approval, 17% conditional, 4% deferral, 7% return); plans above the provincial
 * threshold (50,000,000) are decided at central, the rest by their province.
 */
public final class DemoHistory {

    /** Where a local government sits: its node and its province. */
    public record Local(String nodeId, String provinceId) {
    }

    /** What happens to a plan after its decision, and when (null: it does not happen). */
    public record Afterwards(Instant kickoffAt, LocalDate kickoffOn, Instant completedAt, Instant cancelledAt,
                             Instant conditionFulfilledAt) {
    }

    /** One plan of the history. */
    public record PlannedPlan(int number, Local local, String title, String purpose, List<String> functions,
                              long budget, Instant submittedAt, Instant decidedAt, String outcome,
                              LocalDate conditionDue, Afterwards afterwards) {

        /** The node that decides it: central above the provincial threshold, else the province. */
        public String decider() {
            return budget > THRESHOLD ? "central" : local.provinceId();
        }

        public boolean approved() {
            return outcome.equals("UNCONDITIONAL_APPROVAL") || outcome.equals("CONDITIONAL_APPROVAL");
        }

        /** The plan's status at its owner once the decision is applied. */
        public String statusAfterDecision() {
            return switch (outcome) {
                case "UNCONDITIONAL_APPROVAL" -> "APPROVED";
                case "CONDITIONAL_APPROVAL" -> "CONDITIONALLY_APPROVED";
                case "DEFERRAL" -> "DEFERRED";
                default -> "RETURNED";
            };
        }
    }

    static final long THRESHOLD = 50_000_000L;

    private static final String[][] SYSTEMS = {
            {"Building permit portal", "Residents and builders apply for building permits online and follow the review.",
                    "online application;document upload;status tracking"},
            {"Parking permit service", "Residents apply for and renew residential parking permits without a visit.",
                    "permit application;payment;renewal reminders"},
            {"Library loans system", "Readers borrow, reserve and renew books and e-books of the public libraries.",
                    "catalogue search;loans;reservations"},
            {"Waste collection scheduling", "Plan collection routes and let residents book bulky waste pick-ups.",
                    "route planning;pick-up booking;missed collection reports"},
            {"Sports hall bookings", "Clubs and residents book municipal sports halls and pay the fee online.",
                    "availability calendar;booking;payment"},
            {"Welfare case management", "Case workers record applications for welfare benefits and track decisions.",
                    "case records;eligibility checks;payments"},
            {"Land registry viewer", "Show parcels, owners and land use plans on a map for staff and residents.",
                    "parcel search;map view;land use layers"},
            {"Disaster alert messaging", "Send flood, fire and heat alerts to residents by text message and app.",
                    "alert authoring;area targeting;delivery reports"},
            {"Road maintenance reports", "Residents report potholes and broken lights; crews plan and close repairs.",
                    "fault reports;work orders;resident updates"},
            {"Business licence register", "Businesses apply for licences and inspectors record their visits.",
                    "licence application;inspections;renewals"},
            {"School meal payments", "Parents pay for school meals and see menus and allergens.",
                    "online payment;menus;allergen information"},
            {"Tourism event calendar", "Publish local festivals and events and take ticket reservations.",
                    "event publishing;reservations;visitor statistics"},
    };

    private DemoHistory() {
    }

    /**
     * The history of {@code years} years from {@code firstYear}: each year between 8 and 12 plans
     * spread over the year, from the given local governments.
     */
    public static List<PlannedPlan> generate(long seed, int firstYear, int years, List<Local> locals) {
        Random random = new Random(seed);
        List<PlannedPlan> plans = new ArrayList<>();
        int number = 0;
        for (int year = firstYear; year < firstYear + years; year++) {
            int count = 8 + random.nextInt(5);
            for (int i = 0; i < count; i++) {
                number++;
                Local local = locals.get(random.nextInt(locals.size()));
                String[] system = SYSTEMS[random.nextInt(SYSTEMS.length)];
                Instant submitted = LocalDate.of(year, 1, 10).plusDays(random.nextInt(330))
                        .atTime(9 + random.nextInt(8), random.nextInt(60)).toInstant(ZoneOffset.UTC);
                long budget = random.nextDouble() < 0.2
                        ? 60_000_000L + 10_000_000L * random.nextInt(15)
                        : 5_000_000L + 1_000_000L * random.nextInt(45);
                // Review within its 30 days mostly; some late.
                Duration turnaround = Duration.ofHours(24L * (3 + random.nextInt(random.nextDouble() < 0.85 ? 28 : 50))
                        + random.nextInt(24));
                Instant decided = submitted.plus(turnaround);
                double draw = random.nextDouble();
                String outcome = draw < 0.72 ? "UNCONDITIONAL_APPROVAL" : draw < 0.89 ? "CONDITIONAL_APPROVAL"
                        : draw < 0.93 ? "DEFERRAL" : "RETURN";
                LocalDate due = outcome.equals("CONDITIONAL_APPROVAL")
                        ? date(decided).plusDays(60 + random.nextInt(60)) : null;
                Afterwards afterwards = afterwards(random, outcome, submitted, decided, due);
                plans.add(new PlannedPlan(number, local, system[0] + " " + year + "-" + number,
                        system[1], List.of(system[2].split(";")), budget, submitted, decided, outcome, due, afterwards));
            }
        }
        return plans;
    }

    private static Afterwards afterwards(Random random, String outcome, Instant submitted, Instant decided, LocalDate due) {
        boolean approved = outcome.equals("UNCONDITIONAL_APPROVAL") || outcome.equals("CONDITIONAL_APPROVAL");
        if (!approved) {
            return new Afterwards(null, null, null, null, null);
        }
        Instant fulfilled = due != null && random.nextDouble() < 0.5
                ? decided.plus(Duration.ofDays(10 + random.nextInt(40))) : null;
        double fate = random.nextDouble();
        if (fate < 0.2) {
            // Never heard of again: stale once its period has passed.
            return new Afterwards(null, null, null, null, fulfilled);
        }
        Instant kickoffAt;
        LocalDate kickoffOn;
        if (random.nextDouble() < 0.25) {
            // Started before it was registered; reported right after the decision.
            kickoffAt = decided.plus(Duration.ofDays(1));
            kickoffOn = date(submitted).minusDays(10 + random.nextInt(50));
        } else {
            kickoffAt = decided.plus(Duration.ofDays(10 + random.nextInt(60)));
            kickoffOn = date(kickoffAt);
        }
        Instant completed = null;
        Instant cancelled = null;
        if (fate < 0.3) {
            cancelled = kickoffAt.plus(Duration.ofDays(20 + random.nextInt(120)));
        } else if (fate < 0.8) {
            completed = kickoffAt.plus(Duration.ofDays(120 + random.nextInt(300)));
        }
        return new Afterwards(kickoffAt, kickoffOn, completed, cancelled, fulfilled);
    }

    static LocalDate date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
