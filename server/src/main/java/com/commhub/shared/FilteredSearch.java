package com.commhub.shared;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.validation.BindingResult;

/**
 * A filter page's search: the results, or, when a business rule refuses the filter (a reversed date range, an unknown
 * value), an empty page and the message next to the offending field ({@code fallbackField} when the rule names none).
 */
public final class FilteredSearch {

	private FilteredSearch() {
	}

	public static <T> PageResult<T> run(Supplier<PageResult<T>> search, BindingResult result, String fallbackField,
			int pageSize) {
		try {
			return search.get();
		}
		catch (BusinessRuleException ex) {
			result.rejectValue(ex.field() == null ? fallbackField : ex.field(), ex.messageCode(), ex.arguments(),
					ex.messageCode());
			return new PageResult<>(List.of(), 0, pageSize, 0);
		}
	}
}
