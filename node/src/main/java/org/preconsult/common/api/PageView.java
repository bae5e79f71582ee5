package org.preconsult.common.api;

import io.micronaut.data.model.Page;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/** One page of a list, with what a client needs to fetch the others. */
@Serdeable
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(page.getContent().stream().map(view).toList(), page.getPageNumber(), page.getSize(),
                page.getTotalSize(), page.getTotalPages());
    }
}
