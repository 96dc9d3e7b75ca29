package dev.valbox.vals.boundary;

import dev.valbox.vals.control.Page;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/** Val Town's page shape: {@code {data, links: {self, prev, next}}} with absolute links built from the request. */
public record PageResponse<T>(List<T> data, Links links) {

    /** {@code prev} and {@code next} are left out when there is no such page: the OpenAPI types them as strings. */
    @JsonbPropertyOrder({"self", "prev", "next"})
    public record Links(String self, String prev, String next) {}

    public static <E, T> PageResponse<T> of(Page<E> page, UriInfo uri, Function<E, T> mapper) {
        var self = link(uri, page.offset(), page.limit());
        var prev = page.offset() > 0 ? link(uri, Math.max(0, page.offset() - page.limit()), page.limit()) : null;
        var next = page.hasMore() ? link(uri, page.offset() + page.limit(), page.limit()) : null;
        return new PageResponse<>(page.items().stream().map(mapper).toList(), new Links(self, prev, next));
    }

    private static String link(UriInfo uri, int offset, int limit) {
        return uri.getRequestUriBuilder()
                .replaceQueryParam("offset", offset)
                .replaceQueryParam("limit", limit)
                .build()
                .toString();
    }
}
