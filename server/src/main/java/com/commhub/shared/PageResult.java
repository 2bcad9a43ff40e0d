package com.commhub.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, as returned by query services and the REST API. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public boolean hasNext() {
		return (long) (page + 1) * size < total;
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
	}

	public static <T> PageResult<T> of(org.springframework.data.domain.Page<T> page) {
		return new PageResult<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
	}
}
