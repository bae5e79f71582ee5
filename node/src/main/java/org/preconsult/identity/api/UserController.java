package org.preconsult.identity.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.micronaut.http.annotation.QueryValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.preconsult.common.api.PageView;
import org.preconsult.common.api.Bounds;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.preconsult.identity.application.ManagingUsers;
import org.preconsult.identity.model.Role;
import org.preconsult.identity.model.User;

/** Operators manage the users of their node. */
@Controller("/api/v1/users")
@Secured(Role.OPERATOR_)
@ExecuteOn(TaskExecutors.BLOCKING)
class UserController {

    private final ManagingUsers users;

    UserController(ManagingUsers users) {
        this.users = users;
    }

    @Post
    @Status(HttpStatus.CREATED)
    UserView create(@Body @Valid NewUser request) {
        return UserView.of(AccountProblems.changed(
                users.create(request.username(), request.password(), request.displayName(), request.roles())));
    }

    /** Users by name, in the API's one paging envelope; {@code page} counts from 0. */
    @Get
    PageView<UserView> list(@QueryValue(defaultValue = "0") @Min(0) int page,
                            @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        List<UserView> all = users.list().stream().map(UserView::of).toList();
        int from = (int) Math.min(all.size(), (long) page * size);
        return PageView.of(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    @Patch("/{username}")
    UserView change(@PathVariable @Size(max = Bounds.USERNAME) String username, @Body @Valid UserChange request) {
        return UserView.of(AccountProblems.changed(
                users.change(username, request.roles(), request.password(), request.enabled(), request.displayName())));
    }

    @Serdeable
    record NewUser(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{2,100}",
                           message = "must be 2 to 100 letters, digits or . _ @ -") String username,
                   @NotBlank @Size(max = Bounds.PASSWORD) String password,
                   @Nullable @Size(max = Bounds.DISPLAY_NAME) String displayName,
                   @NotEmpty Set<Role> roles) {
    }

    @Serdeable
    record UserChange(@Nullable Set<Role> roles, @Nullable @Size(max = Bounds.PASSWORD) String password,
                      @Nullable Boolean enabled, @Nullable @Size(max = Bounds.DISPLAY_NAME) String displayName) {
    }

    @Serdeable
    record UserView(String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt) {
        static UserView of(User user) {
            return new UserView(user.username(), user.displayName(), user.roles(), user.enabled(), user.createdAt());
        }
    }
}
