package com.commhub.compliance.rest;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.commhub.compliance.Decision;
import com.commhub.compliance.InspectionRequest;
import com.commhub.compliance.internal.ClassificationService;
import com.commhub.compliance.internal.ComplianceAccess;
import com.commhub.compliance.internal.ComplianceEngine;
import com.commhub.compliance.internal.DictionaryService;
import com.commhub.compliance.internal.DictionaryService.DictionaryView;
import com.commhub.compliance.internal.PolicyDefinition;
import com.commhub.compliance.internal.PolicyService;
import com.commhub.compliance.internal.PolicyService.ImportResult;
import com.commhub.compliance.internal.PolicyService.PolicyDetail;
import com.commhub.compliance.internal.PolicyDocuments;
import com.commhub.compliance.internal.PolicyDocuments.Format;
import com.commhub.compliance.internal.PolicyService.PolicyView;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The compliance API: the inspection dry run (COMPLIANCE_INSPECT) and policy and dictionary management
 * (COMPLIANCE_MANAGE). The permission is checked before the body is looked at.
 */
@RestController
@RequestMapping("/api/v1/compliance")
@Tag(name = "Compliance")
class ComplianceRestController {

	private final ComplianceEngine engine;
	private final PolicyService policies;
	private final DictionaryService dictionaries;
	private final ComplianceAccess access;
	private final ClassificationService classification;

	ComplianceRestController(ComplianceEngine engine, PolicyService policies, DictionaryService dictionaries,
			ComplianceAccess access, ClassificationService classification) {
		this.engine = engine;
		this.policies = policies;
		this.dictionaries = dictionaries;
		this.access = access;
		this.classification = classification;
	}

	@PostMapping("/inspect")
	@Operation(summary = "Inspect content (dry run, stores nothing)",
			description = "Findings carry masked snippets only; the tip is in the request's language.")
	Decision inspect(@RequestBody(required = false) InspectRequestBody body) {
		access.requireInspect();
		if (body == null) {
			throw BusinessRuleException.invalid("text", "validation.required");
		}
		Long employeeId = CurrentUser.find().map(CommHubUser::employeeId).orElse(null);
		Locale locale = LocaleContextHolder.getLocale();
		InspectionRequest request = body.toRequest(employeeId, locale);
		classification.requireOffered(request.classification(), "classification");
		return engine.inspect(request);
	}

	@GetMapping("/policies")
	@Operation(summary = "List the policies in their current versions")
	List<PolicyView> policies() {
		access.requireManage();
		return policies.list();
	}

	@PostMapping("/policies")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a policy (version 1, active)")
	PolicyView create(@RequestBody(required = false) PolicyDefinition definition) {
		access.requireManage();
		return policies.create(definition, true);
	}

	@GetMapping("/policies/{id}")
	@Operation(summary = "A policy with all its versions, newest first")
	PolicyDetail policy(@PathVariable long id) {
		access.requireManage();
		return policies.get(id);
	}

	@PutMapping("/policies/{id}")
	@Operation(summary = "Change a policy: adds a new version")
	PolicyView update(@PathVariable long id, @RequestBody(required = false) PolicyDefinition definition) {
		access.requireManage();
		return policies.update(id, definition);
	}

	@PostMapping("/policies/{id}/activate")
	@Operation(summary = "Activate a policy")
	PolicyView activate(@PathVariable long id) {
		access.requireManage();
		return policies.setActive(id, true);
	}

	@PostMapping("/policies/{id}/deactivate")
	@Operation(summary = "Deactivate a policy")
	PolicyView deactivate(@PathVariable long id) {
		access.requireManage();
		return policies.setActive(id, false);
	}

	@GetMapping("/policies/export")
	@Operation(summary = "Export all policies (current versions, active flags) as JSON, or YAML with format=yaml")
	ResponseEntity<String> export(
			@Parameter(description = "json (default) or yaml") @RequestParam(defaultValue = "json") String format) {
		access.requireManage();
		Format chosen = switch (format.trim().toLowerCase(Locale.ROOT)) {
			case "json" -> Format.JSON;
			case "yaml", "yml" -> Format.YAML;
			default -> throw BusinessRuleException.invalid("format", "compliance.evidence.badValue", format);
		};
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(chosen.mediaType() + ";charset=UTF-8"))
			.body(PolicyDocuments.write(policies.export(), chosen));
	}

	@PostMapping("/policies/import")
	@Operation(summary = "Import an export (JSON, or YAML with Content-Type application/yaml): creates unknown codes, "
			+ "versions changed ones; all or nothing",
			description = "A bad document is refused with 400 naming the path of the bad value, e.g. policies[2].definition.action.")
	ImportResult importPolicies(@RequestBody(required = false) byte[] document,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
		access.requireManage();
		return policies.importPolicies(PolicyDocuments.read(document, Format.of(contentType)));
	}

	record DictionaryBody(String code, String name, String category, String terms) {
	}

	@GetMapping("/dictionaries")
	@Operation(summary = "List keyword dictionaries")
	List<DictionaryView> dictionaries() {
		access.requireManage();
		return dictionaries.list();
	}

	@PostMapping("/dictionaries")
	@Operation(summary = "Create or replace a dictionary (terms: one per line); replacing adds a dictionary version")
	DictionaryView saveDictionary(@RequestBody(required = false) DictionaryBody body) {
		access.requireManage();
		if (body == null) {
			throw BusinessRuleException.invalid("code", "validation.required");
		}
		return dictionaries.save(body.code(), body.name(), body.category(),
				body.terms() == null ? List.of() : body.terms().lines().toList());
	}
}
