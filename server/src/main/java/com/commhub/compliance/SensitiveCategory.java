package com.commhub.compliance;

import java.util.Locale;
import java.util.Set;

import com.commhub.shared.Classification;

/**
 * Sensitive-information categories (CLS-5), defined centrally: each names the built-in detectors that find it and
 * the minimum classification content containing it should carry. Keyword dictionaries name their category.
 */
public enum SensitiveCategory {
	EMPLOYEE_PERSONAL_DATA("员工个人信息", "Employee personal data", Classification.CONFIDENTIAL,
			Set.of("resident-id", "passport", "mobile")),
	FINANCIAL_DATA("财务数据", "Financial data", Classification.CONFIDENTIAL, Set.of("bank-card")),
	CUSTOMER_DATA("客户数据", "Customer data", Classification.INTERNAL, Set.of("credit-code", "email")),
	CORE_TECHNOLOGY("核心技术", "Core technology", Classification.CONFIDENTIAL, Set.of("ip-address")),
	UNPUBLISHED_STRATEGY("未公开战略", "Unpublished strategy", Classification.CONFIDENTIAL, Set.of());

	private final String chinese;
	private final String english;
	private final Classification minimum;
	private final Set<String> detectors;

	SensitiveCategory(String chinese, String english, Classification minimum, Set<String> detectors) {
		this.chinese = chinese;
		this.english = english;
		this.minimum = minimum;
		this.detectors = detectors;
	}

	public String label(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? english : chinese;
	}

	/** The lowest classification content with this kind of information should carry. */
	public Classification minimumClassification() {
		return minimum;
	}

	/** Ids of the built-in detectors that report this category. */
	public Set<String> detectors() {
		return detectors;
	}

	/** The category of a built-in detector, or {@code null}. */
	public static SensitiveCategory ofDetector(String detectorId) {
		for (SensitiveCategory category : values()) {
			if (category.detectors.contains(detectorId)) {
				return category;
			}
		}
		return null;
	}
}
