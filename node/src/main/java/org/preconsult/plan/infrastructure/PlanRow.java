package org.preconsult.plan.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("plan")
public record PlanRow(
        @Id String id,
        int revision,
        String title,
        @Nullable String purpose,
        @Nullable String functions,
        @Nullable String functionCode,
        @Nullable BigDecimal budget,
        @Nullable LocalDate plannedStart,
        @Nullable LocalDate plannedEnd,
        @Nullable String platform,
        @Nullable String language,
        boolean disasterOrSafety,
        @Nullable String submittingDepartment,
        @Nullable String contactPerson,
        @Nullable String internalNotes,
        String status,
        @Nullable String previousCaseId,
        @Nullable String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant submittedAt,
        @Version long version) {
}
