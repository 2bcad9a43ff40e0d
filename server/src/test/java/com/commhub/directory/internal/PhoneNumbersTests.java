package com.commhub.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTests {

	@Test
	void mobileNumbersAreNormalisedToElevenDigits() {
		assertThat(PhoneNumbers.normaliseMobile("13812345678")).contains("13812345678");
		assertThat(PhoneNumbers.normaliseMobile("138 1234 5678")).contains("13812345678");
		assertThat(PhoneNumbers.normaliseMobile("+86 138-1234-5678")).contains("13812345678");
		assertThat(PhoneNumbers.normaliseMobile("0086 19912345678")).contains("19912345678");
	}

	@Test
	void malformedMobileNumbersAreRefused() {
		assertThat(PhoneNumbers.normaliseMobile("12345")).isEmpty();
		assertThat(PhoneNumbers.normaliseMobile("12812345678")).isEmpty();
		assertThat(PhoneNumbers.normaliseMobile("1381234567")).isEmpty();
		assertThat(PhoneNumbers.normaliseMobile("138123456789")).isEmpty();
		assertThat(PhoneNumbers.normaliseMobile("1381234567a")).isEmpty();
	}

	@Test
	void officeNumbersGetAreaCodeNumberAndExtension() {
		assertThat(PhoneNumbers.normaliseOffice("021-62880001")).contains("021-62880001");
		assertThat(PhoneNumbers.normaliseOffice("02162880001")).contains("021-62880001");
		assertThat(PhoneNumbers.normaliseOffice("(0755) 8888 1234")).contains("0755-88881234");
		assertThat(PhoneNumbers.normaliseOffice("021-62880001-123")).contains("021-62880001-123");
		assertThat(PhoneNumbers.normaliseOffice("+86-21-62880001")).contains("021-62880001");
		assertThat(PhoneNumbers.normaliseOffice("400-820-8820")).contains("400-820-8820");
	}

	@Test
	void malformedOfficeNumbersAreRefused() {
		assertThat(PhoneNumbers.normaliseOffice("62880001")).isEmpty();
		assertThat(PhoneNumbers.normaliseOffice("021-123")).isEmpty();
		assertThat(PhoneNumbers.normaliseOffice("phone")).isEmpty();
	}
}
