package com.commhub;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide infrastructure beans that belong to no module. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * The company's clock (OPS-4: Asia/Shanghai by default). It also becomes the JVM's default zone, so that every
	 * date shown in a page or a log line is in the company's time, whatever the server's zone.
	 */
	@Bean
	Clock clock(@Value("${commhub.time-zone:Asia/Shanghai}") String zone) {
		ZoneId zoneId = ZoneId.of(zone);
		java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zoneId));
		return Clock.system(zoneId);
	}
}
