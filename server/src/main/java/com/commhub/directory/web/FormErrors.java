package com.commhub.directory.web;

import java.util.Map;

import org.springframework.beans.BeanUtils;
import org.springframework.validation.BindingResult;

import com.commhub.shared.BusinessRuleException;

/** Puts a rule the directory refused next to the form field it concerns, or above the form when there is none. */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult result, BusinessRuleException ex) {
		reject(result, ex, Map.of());
	}

	/**
	 * @param aliases service field name → form field name, for fields the form enters differently (an employee's id
	 * entered as their 工号)
	 */
	static void reject(BindingResult result, BusinessRuleException ex, Map<String, String> aliases) {
		String field = ex.field() == null ? null : aliases.getOrDefault(ex.field(), ex.field());
		Object target = result.getTarget();
		if (field != null && target != null && BeanUtils.getPropertyDescriptor(target.getClass(), field) != null) {
			result.rejectValue(field, ex.messageCode(), ex.arguments(), ex.messageCode());
		}
		else {
			result.reject(ex.messageCode(), ex.arguments(), ex.messageCode());
		}
	}
}
