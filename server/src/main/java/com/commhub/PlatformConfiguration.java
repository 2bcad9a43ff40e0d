package com.commhub;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Application-wide infrastructure beans that belong to no module. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	@Bean
	Clock clock(@Value("${commhub.time-zone:Asia/Shanghai}") String zone) {
		return Clock.system(ZoneId.of(zone));
	}
}
