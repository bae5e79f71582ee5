package org.preconsult.redundancy.api;

import org.preconsult.identity.model.Role;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import org.preconsult.common.api.ProblemException;
import org.preconsult.redundancy.application.RedundancyCheck;

/**
 * Checks a plan, drafted or submitted, against this node's catalogue copy. Those who draft and
 * review plans may: the check is most useful to the department drafting the plan.
 */
@Controller("/api/v1/redundancy-checks")
@Secured({Role.SUBMITTER_, Role.COORDINATOR_, Role.REVIEWER_})
class RedundancyCheckController {

    // A provider rather than the bean itself: a node built without a checker still starts and
    // answers 503 here, instead of failing every request to this controller with a 500.
    private final BeanProvider<RedundancyCheck> checking;

    RedundancyCheckController(BeanProvider<RedundancyCheck> checking) {
        this.checking = checking;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    RedundancyCheckResponse check(@Valid @Body RedundancyCheckRequest request) {
        if (!checking.isPresent()) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                    "The redundancy check is not available at this node; ask its operator.");
        }
        return RedundancyCheckResponse.from(checking.get().check(request.toDraft(), request.limitOrDefault(),
                request.bestPracticeOnly()));
    }
}
