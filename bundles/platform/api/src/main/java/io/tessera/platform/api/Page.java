package io.tessera.platform.api;

import java.util.List;

/** One page of a list: items, 1-based page number, page size and the total across all pages. */
public class Page<T> {

    public static final int MAX_SIZE = 200;
    /** The last page anyone may ask for: every offset then fits the databases' row offsets. */
    public static final int MAX_PAGE = 1_000_000;

    private List<T> items;
    private int page;
    private int size;
    private long total;

    public Page() {
    }

    public Page(List<T> items, int page, int size, long total) {
        this.items = items;
        this.page = page;
        this.size = size;
        this.total = total;
    }

    /** Checks paging input: 1 ≤ page ≤ 1,000,000, 1 ≤ size ≤ 200. */
    public static void check(int page, int size) {
        if (page < 1 || page > MAX_PAGE) {
            throw PlatformErrors.PAGE_INVALID.at("page", "page must be between 1 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw PlatformErrors.PAGE_SIZE_INVALID.at("size", "size must be between 1 and " + MAX_SIZE);
        }
    }

    /** The first row of a checked page. */
    public static int offset(int page, int size) {
        check(page, size);
        return (page - 1) * size;
    }

    /** The same page with each item turned into another (the paging and the total stay). */
    public <R> Page<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).collect(java.util.stream.Collectors.toList()), page, size, total);
    }

    public List<T> getItems() {
        return items;
    }

    public void setItems(List<T> items) {
        this.items = items;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    public int getSize() {
        return size;
    }

    public void setSize(int size) {
        this.size = size;
    }

    public long getTotal() {
        return total;
    }

    public void setTotal(long total) {
        this.total = total;
    }
}
