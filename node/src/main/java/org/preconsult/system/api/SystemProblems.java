package org.preconsult.system.api;

import java.util.Optional;
import org.preconsult.common.api.ProblemException;
import org.preconsult.system.application.StandardChange;
import org.preconsult.system.model.InformationSystem;
import org.preconsult.catalogue.model.CatalogueEntry;

/** The one place system outcomes become problem responses, for the API and the pages alike. */
public final class SystemProblems {

    private SystemProblems() {
    }

    /** The system, or a 404 problem naming it. */
    public static InformationSystem found(Optional<InformationSystem> system, String id) {
        return system.orElseThrow(() -> ProblemException.notFound("System", id));
    }

    /** The standard system as the change left it, or the problem that says why nothing changed. */
    public static CatalogueEntry changed(StandardChange change) {
        if (change instanceof StandardChange.Done done) {
            return done.entry();
        } else if (change instanceof StandardChange.NotCentral notCentral) {
            throw ProblemException.conflict("Standard systems are registered at the central node; this node is "
                    + notCentral.role() + ".");
        } else if (change instanceof StandardChange.Unknown unknown) {
            throw ProblemException.notFound("Standard system", unknown.id());
        }
        throw new IllegalStateException("Unhandled standard-system change " + change);
    }
}
