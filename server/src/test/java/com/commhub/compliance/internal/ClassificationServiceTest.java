package com.commhub.compliance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;

/** The offered levels with 绝密 on and off (the integration tests run with it off). */
class ClassificationServiceTest {

	static ClassificationService service(boolean topSecret) {
		return new ClassificationService(null, null, null, Clock.systemUTC(), topSecret);
	}

	@Test
	void topSecretIsOfferedOnlyWhenEnabled() {
		assertThat(service(true).offered()).containsExactly(Classification.PUBLIC, Classification.INTERNAL,
				Classification.CONFIDENTIAL, Classification.TOP_SECRET);
		assertThat(service(false).offered()).containsExactly(Classification.PUBLIC, Classification.INTERNAL,
				Classification.CONFIDENTIAL);
		assertThat(service(true).parseOffered("绝密", "classification")).isEqualTo(Classification.TOP_SECRET);
		assertThatThrownBy(() -> service(false).parseOffered("top_secret", "classification"))
			.isInstanceOfSatisfying(BusinessRuleException.class, ex -> {
				assertThat(ex.field()).isEqualTo("classification");
				assertThat(ex.messageCode()).isEqualTo("compliance.classification.notOffered");
			});
		assertThatThrownBy(() -> service(false).parseOffered("秘密", "level"))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.messageCode()).isEqualTo("compliance.classification.invalid"));
		assertThat(service(false).parseOffered("  ", "level")).isNull();
		assertThat(service(false).requireOffered(null, "level")).isNull();
	}

	@Test
	void aTopSecretDefaultFallsBackToConfidentialWhenSwitchedOff() {
		assertThat(service(false).highestOfferedUpTo(Classification.TOP_SECRET)).isEqualTo(Classification.CONFIDENTIAL);
		assertThat(service(true).highestOfferedUpTo(Classification.TOP_SECRET)).isEqualTo(Classification.TOP_SECRET);
		assertThat(service(false).highestOfferedUpTo(Classification.PUBLIC)).isEqualTo(Classification.PUBLIC);
	}
}
