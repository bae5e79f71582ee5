package org.preconsult.federation.model;

import java.util.Comparator;

/** One revision of one node's plan, as reconciliation names it. */
public record PlanRef(String originNode, String planId, int revision) implements Comparable<PlanRef> {

    private static final Comparator<PlanRef> ORDER = Comparator.comparing(PlanRef::originNode)
            .thenComparing(PlanRef::planId).thenComparingInt(PlanRef::revision);

    /** The text a digest is taken over: one line per ref, in order. */
    public String line() {
        return originNode + "|" + planId + "|" + revision + "\n";
    }

    @Override
    public int compareTo(PlanRef other) {
        return ORDER.compare(this, other);
    }
}
