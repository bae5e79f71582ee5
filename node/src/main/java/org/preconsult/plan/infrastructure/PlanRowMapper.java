package org.preconsult.plan.infrastructure;

import org.preconsult.common.infrastructure.TextLists;
import org.preconsult.plan.model.Plan;
import org.preconsult.plan.model.PlanContent;
import org.preconsult.plan.model.PlanStatus;

public final class PlanRowMapper {

    private PlanRowMapper() {
    }

    public static Plan toPlan(PlanRow r) {
        var content = new PlanContent(r.title(), r.purpose(), TextLists.split(r.functions()), r.functionCode(),
                r.budget(), r.plannedStart(), r.plannedEnd(), r.platform(), r.language(), r.disasterOrSafety(),
                r.submittingDepartment(), r.contactPerson(), r.internalNotes());
        return new Plan(r.id(), r.revision(), content, PlanStatus.valueOf(r.status()), r.previousCaseId(),
                r.createdBy(), r.createdAt(), r.updatedAt(), r.submittedAt(), r.version());
    }

    public static PlanRow toRow(Plan p) {
        var c = p.content();
        return new PlanRow(p.id(), p.revision(), c.title(), c.purpose(), TextLists.join(c.functions()),
                c.functionCode(), c.budget(), c.plannedStart(), c.plannedEnd(), c.platform(), c.language(),
                c.disasterOrSafety(), c.submittingDepartment(), c.contactPerson(), c.internalNotes(),
                p.status().name(), p.previousCaseId(), p.createdBy(), p.createdAt(), p.updatedAt(),
                p.submittedAt(), p.version());
    }
}
