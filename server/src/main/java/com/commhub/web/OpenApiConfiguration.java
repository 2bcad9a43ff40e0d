package com.commhub.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description at {@code /v3/api-docs}; the browsable UI lets you paste a bearer token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI commHubOpenApi() {
		return new OpenAPI()
			.info(new Info().title("CommHub API")
				.version("v1")
				.description("汇通 CommHub REST API. Get a token with POST /api/v1/auth/login or create a personal "
						+ "access token under 我的账户 → 访问令牌, then send it as 'Authorization: Bearer chp_…'. "
						+ "Errors are RFC 9457 problem details."))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
