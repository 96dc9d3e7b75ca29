package dev.valbox.vals.control;

import dev.valbox.problems.entity.InvalidInputException;
import java.util.List;

/** One page of a listing: the items and whether more follow. */
public record Page<T>(List<T> items, int offset, int limit, boolean hasMore) {

    public static final int MAX_LIMIT = 100;

    public static void check(int offset, int limit) {
        if (offset < 0) {
            throw new InvalidInputException("offset", "offset must be 0 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /** Builds a page from a query result fetched with {@code limit + 1} rows. */
    public static <T> Page<T> of(List<T> fetched, int offset, int limit) {
        boolean more = fetched.size() > limit;
        return new Page<>(more ? List.copyOf(fetched.subList(0, limit)) : List.copyOf(fetched), offset, limit, more);
    }

    public static <T> Page<T> empty(int offset, int limit) {
        check(offset, limit);
        return new Page<>(List.of(), offset, limit, false);
    }
}
