package com.commhub.compliance.rest;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.compliance.Channel;
import com.commhub.compliance.internal.ClassificationService;
import com.commhub.compliance.internal.ClassificationService.Settings;
import com.commhub.compliance.internal.ComplianceAccess;
import com.commhub.shared.BusinessRuleException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The offered classification levels and the default level per channel (CLS-1): every signed-in user reads them (a
 * composer needs them); only the communication officer changes the defaults.
 */
@RestController
@RequestMapping("/api/v1/compliance/classification")
@Tag(name = "Compliance")
class ClassificationRestController {

	private final ClassificationService classification;
	private final ComplianceAccess access;

	ClassificationRestController(ClassificationService classification, ComplianceAccess access) {
		this.classification = classification;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "Offered classification levels and the default level per channel")
	Settings settings() {
		return classification.settings();
	}

	@PutMapping("/defaults")
	@Operation(summary = "Change default levels: {\"CHAT\": \"INTERNAL\", …}; channels not named keep theirs",
			description = "An unknown channel or level, or TOP_SECRET while it is switched off, is refused naming the channel.")
	Settings update(@RequestBody(required = false) Map<String, String> body) {
		access.requireManage();
		if (body == null || body.isEmpty()) {
			throw BusinessRuleException.invalid("defaults", "validation.required");
		}
		Map<Channel, String> changes = new EnumMap<>(Channel.class);
		body.forEach((key, value) -> {
			try {
				changes.put(Channel.valueOf(key.trim().toUpperCase(Locale.ROOT)), value);
			}
			catch (IllegalArgumentException ex) {
				throw BusinessRuleException.invalid(key, "compliance.evidence.badValue", key);
			}
		});
		return classification.update(changes);
	}
}
