package org.preconsult.federation.faults;

import java.nio.file.Path;
import java.util.Map;

/** Ready-made node processes for crash tests. */
public final class NodeProcesses {

    private NodeProcesses() {
    }

    /** A single node at the top of its tree (no parent), with the default, durable database settings. */
    public static NodeProcess single(Path root) {
        return new NodeProcess("solo", "Solo Government", "CENTRAL", null, root, Map.of());
    }
}
