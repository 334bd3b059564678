package eu.infosharing.governance.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list the API answers: {@code page} (from 0) and {@code size} (1 to {@value #MAX_SIZE}, default
 * {@value #DEFAULT_SIZE}) in the query, the page's items as the body (a JSON array, as before pages existed), the total
 * in {@code X-Total-Count} and the neighbouring pages in a {@code Link} header (RFC 8288: first, prev, next, last), with
 * the request's other parameters kept. Each list has a stable order ending in its id, so a page never shows an item
 * twice nor skips one while nothing changes.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    public static final String TOTAL_HEADER = "X-Total-Count";

    /** Checks what a person typed: a bad value is a 400 naming the parameter, never a silently clamped page. */
    public static Paging of(Integer page, Integer size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page != null && page < 0) {
            problems.add(new FieldProblem("page", "Page", "must be 0 or more (the first page is 0)"));
        }
        if (size != null && (size < 1 || size > MAX_SIZE)) {
            problems.add(new FieldProblem("size", "Page size", "must be between 1 and " + MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Paging(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public Pageable pageable() {
        return PageRequest.of(page, size);
    }

    /** A page cut from a list already in memory and in order (lists bounded by something else than the community). */
    public <T> Page<T> of(List<T> all) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new PageImpl<>(all.subList(from, to), pageable(), all.size());
    }

    /** The answer: the page's items mapped for the API, the total and the links to the other pages. */
    public static <T, V> ResponseEntity<List<V>> answer(Page<T> page, Function<T, V> view) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(TOTAL_HEADER, String.valueOf(page.getTotalElements()));
        headers.add(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, TOTAL_HEADER + ", " + HttpHeaders.LINK);
        List<String> links = new ArrayList<>();
        int last = Math.max(page.getTotalPages() - 1, 0);
        links.add(link(0, page.getSize(), "first"));
        if (page.getNumber() > 0) {
            links.add(link(Math.min(page.getNumber() - 1, last), page.getSize(), "prev"));
        }
        if (page.getNumber() < last) {
            links.add(link(page.getNumber() + 1, page.getSize(), "next"));
        }
        links.add(link(last, page.getSize(), "last"));
        headers.add(HttpHeaders.LINK, String.join(", ", links));
        return ResponseEntity.ok().headers(headers).body(page.getContent().stream().map(view).toList());
    }

    private static String link(int page, int size, String rel) {
        String uri = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page)
                .replaceQueryParam("size", size).build().toUriString();
        return "<" + uri + ">; rel=\"" + rel + "\"";
    }
}
