package org.preconsult.system.api;

import org.preconsult.common.api.Bounds;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.preconsult.catalogue.model.CatalogueEntry;
import org.preconsult.catalogue.model.EntryStatus;
import org.preconsult.common.api.PageView;
import org.preconsult.identity.model.Role;
import org.preconsult.system.application.StandardSystems;
import org.preconsult.system.application.SystemRegistry;
import org.preconsult.system.model.InformationSystem;

/** Existing information systems of this government, and standard systems at central. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class SystemController {

    private final SystemRegistry systems;
    private final StandardSystems standards;

    SystemController(SystemRegistry systems, StandardSystems standards) {
        this.systems = systems;
        this.standards = standards;
    }

    @Post("/systems")
    @Status(HttpStatus.CREATED)
    @Secured(Role.COORDINATOR_)
    SystemView register(@Body @Valid SystemRequest request) {
        return SystemView.of(systems.register(request.command()));
    }

    @Put("/systems/{id}")
    @Secured(Role.COORDINATOR_)
    SystemView change(@PathVariable String id, @Body @Valid SystemRequest request) {
        return SystemView.of(SystemProblems.found(systems.change(id, request.command()), id));
    }

    @Get("/systems/{id}")
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    SystemView get(@PathVariable String id) {
        return SystemView.of(SystemProblems.found(systems.find(id), id));
    }

    @Get("/systems")
    @Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_, Role.OPERATOR_, Role.AUDITOR_})
    PageView<SystemView> list(@QueryValue(defaultValue = "0") @Min(0) int page,
                              @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return PageView.of(systems.list(Pageable.from(page, size)), SystemView::of);
    }

    @Post("/standard-systems")
    @Status(HttpStatus.CREATED)
    @Secured({Role.OPERATOR_, Role.REVIEWER_})
    StandardSystemView registerStandard(@Body @Valid StandardSystemRequest request) {
        return StandardSystemView.of(SystemProblems.changed(
                standards.register(request.system().command(), request.owner(), request.budget())));
    }

    @Put("/standard-systems/{id}")
    @Secured({Role.OPERATOR_, Role.REVIEWER_})
    StandardSystemView changeStandard(@PathVariable String id, @Body @Valid StandardSystemRequest request) {
        return StandardSystemView.of(SystemProblems.changed(
                standards.change(id, request.system().command(), request.owner(), request.budget())));
    }

    @Serdeable
    record SystemRequest(@NotBlank @Size(max = Bounds.TITLE) String name,
                         @Nullable @Size(max = Bounds.LONG_TEXT) String description,
                         @Nullable @Size(max = Bounds.FUNCTIONS) List<@NotBlank @Size(max = Bounds.FUNCTION) String> functions,
                         @Nullable @Size(max = Bounds.FUNCTION_CODE) String functionCode,
                         @Nullable @Size(max = Bounds.PLATFORM) String platform,
                         @Nullable EntryStatus status,
                         @Nullable @Min(1950) @Max(2100) Integer goLiveYear,
                         @Nullable @Size(max = Bounds.LANGUAGE) String language) {
        SystemRegistry.SystemCommand command() {
            return new SystemRegistry.SystemCommand(name, description, functions, functionCode, platform, status,
                    goLiveYear, language);
        }
    }

    @Serdeable
    record StandardSystemRequest(@NotBlank @Size(max = Bounds.TITLE) String name,
                                 @Nullable @Size(max = Bounds.LONG_TEXT) String description,
                                 @Nullable @Size(max = Bounds.FUNCTIONS) List<@NotBlank @Size(max = Bounds.FUNCTION) String> functions,
                                 @Nullable @Size(max = Bounds.FUNCTION_CODE) String functionCode,
                                 @Nullable @Size(max = Bounds.PLATFORM) String platform,
                                 @Nullable EntryStatus status,
                                 @Nullable @Size(max = Bounds.LANGUAGE) String language,
                                 @Nullable @Size(max = Bounds.NAME) String owner,
                                 @Nullable @PositiveOrZero @Digits(integer = Bounds.MONEY_INTEGER_DIGITS, fraction = Bounds.MONEY_FRACTION_DIGITS) BigDecimal budget) {
        SystemRequest system() {
            return new SystemRequest(name, description, functions, functionCode, platform, status, null, language);
        }
    }

    @Serdeable
    record StandardSystemView(String id, String owner, String name, String description, List<String> functions,
                              String functionCode, String language, EntryStatus status, BigDecimal budget, long version) {
        static StandardSystemView of(CatalogueEntry e) {
            return new StandardSystemView(e.id(), e.owner(), e.name(), e.description(), e.functions(), e.functionCode(),
                    e.language(), e.status(), e.budget(), e.version());
        }
    }

    @Serdeable
    record SystemView(String id, String name, String description, List<String> functions, String functionCode,
                      String platform, EntryStatus status, Integer goLiveYear, String owner, String language,
                      Instant createdAt, Instant updatedAt, long version) {
        static SystemView of(InformationSystem s) {
            return new SystemView(s.id(), s.name(), s.description(), s.functions(), s.functionCode(), s.platform(),
                    s.status(), s.goLiveYear(), s.owner(), s.language(), s.createdAt(), s.updatedAt(), s.version());
        }
    }
}
