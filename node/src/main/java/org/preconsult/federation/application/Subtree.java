package org.preconsult.federation.application;

import java.util.Set;

/** The nodes below this one, as the envelopes from its children made them known (kept by the sync feature). */
public interface Subtree {

    /** Every node known to lie below this node through {@code child} (the child itself included once it sent anything). */
    Set<String> nodesVia(String child);
}
