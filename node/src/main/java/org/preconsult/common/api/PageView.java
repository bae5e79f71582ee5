package org.preconsult.common.api;

import io.micronaut.data.model.Page;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with what a client needs to fetch the others: the one paging envelope of the
 * API. Every paged list answers {@code items}, {@code page} (from 0), {@code size},
 * {@code totalItems} and {@code totalPages}.
 */
@Serdeable
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    /** A page of items already read, out of {@code totalItems} in all. */
    public static <T> PageView<T> of(List<T> items, int page, int size, long totalItems) {
        int totalPages = size <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (totalItems + size - 1) / size);
        return new PageView<>(items, page, size, totalItems, totalPages);
    }

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> view) {
        return new PageView<>(page.getContent().stream().map(view).toList(), page.getPageNumber(), page.getSize(),
                page.getTotalSize(), page.getTotalPages());
    }
}
