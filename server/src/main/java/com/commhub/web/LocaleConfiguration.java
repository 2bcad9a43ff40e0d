package com.commhub.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * zh-CN by default (OPS-4); {@code ?lang=en} switches and remembers the choice in a cookie. API clients may ask for
 * English with {@code Accept-Language: en}.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

	static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver cookie = new CookieLocaleResolver("commhub-lang");
		cookie.setDefaultLocale(DEFAULT);
		cookie.setCookieMaxAge(Duration.ofDays(365));
		return new LocaleResolver() {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				String accept = request.getHeader("Accept-Language");
				if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") && accept != null
						&& accept.toLowerCase(Locale.ROOT).startsWith("en")) {
					return Locale.ENGLISH;
				}
				return supported(cookie.resolveLocale(request));
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				cookie.setLocale(request, response, locale == null ? null : supported(locale));
			}
		};
	}

	private static Locale supported(Locale locale) {
		return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : DEFAULT;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}
}
