package no.samhandling.discharge.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a sorted list. */
public record Page<T>(
        @Schema(description = "The items on this page") List<T> items,
        @Schema(description = "Page number, from 0", example = "0") int page,
        @Schema(description = "Items per page", example = "50") int size,
        @Schema(description = "Items in the whole list", example = "80") long totalItems,
        @Schema(description = "Pages in the whole list", example = "2") int totalPages) {

    public static <E, T> Page<T> of(List<E> items, PageRequest request, long totalItems, Function<E, T> mapper) {
        int totalPages = (int) ((totalItems + request.size() - 1) / request.size());
        return new Page<>(items.stream().map(mapper).toList(), request.page(), request.size(), totalItems, totalPages);
    }
}
