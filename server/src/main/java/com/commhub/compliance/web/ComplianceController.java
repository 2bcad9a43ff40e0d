package com.commhub.compliance.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.compliance.Channel;
import com.commhub.compliance.Decision;
import com.commhub.compliance.InspectionRequest;
import com.commhub.compliance.PolicyAction;
import com.commhub.compliance.SensitiveCategory;
import com.commhub.compliance.internal.ClassificationService;
import com.commhub.compliance.internal.ComplianceAccess;
import com.commhub.compliance.internal.ComplianceEngine;
import com.commhub.compliance.internal.DictionaryService;
import com.commhub.compliance.internal.PolicyDefinition;
import com.commhub.compliance.internal.PolicyDocuments;
import com.commhub.compliance.internal.PolicyDocuments.Format;
import com.commhub.compliance.internal.PolicyService;
import com.commhub.compliance.internal.PolicyService.PolicyExport;
import com.commhub.security.CommHubUser;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The communication officer's pages (COMPLIANCE_MANAGE): the test bench, policies with their versions, detectors
 * and dictionaries. Policies are edited as their JSON definition, the same format as export and import.
 */
@Controller
class ComplianceController {

	static final String TEST_BENCH = "compliance/test-bench";
	static final String TEST_BENCH_RESULT = TEST_BENCH + " :: result";
	static final String POLICIES = "compliance/policies";
	static final String POLICY = "compliance/policy";
	static final String DETECTORS = "compliance/detectors";
	static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
	static final String NEW_POLICY = """
			{
			  "code": "custom.example",
			  "name": "示例策略",
			  "description": "",
			  "priority": 100,
			  "action": "WARN",
			  "tipZh": "内容中包含敏感信息,请确认后再发送。",
			  "tipEn": "The content contains sensitive information; confirm before sending.",
			  "scope": { "channels": [], "recipients": "EXTERNAL", "senderDepartmentIds": [], "classifications": [] },
			  "conditions": { "findings": { "detectors": ["mobile"], "categories": [], "minCount": 1, "minConfidence": "MEDIUM" } },
			  "exceptions": { "partnerDomains": [], "authorisedSpokespersons": false }
			}""";

	private final ComplianceEngine engine;
	private final PolicyService policies;
	private final DictionaryService dictionaries;
	private final ComplianceAccess access;
	private final ClassificationService classification;

	ComplianceController(ComplianceEngine engine, PolicyService policies, DictionaryService dictionaries,
			ComplianceAccess access, ClassificationService classification) {
		this.engine = engine;
		this.policies = policies;
		this.dictionaries = dictionaries;
		this.access = access;
		this.classification = classification;
	}

	@InitBinder({ "form", "policyForm", "dictionaryForm" })
	void initBinder(WebDataBinder binder) {
		binder.setDisallowedFields("id");
	}

	// ---- test bench ----

	@GetMapping("/compliance/test-bench")
	String testBench(Model model) {
		access.requireManage();
		model.addAttribute("form", new TestBenchFormData());
		return benchModel(model);
	}

	@PostMapping("/compliance/test-bench")
	String inspect(@ModelAttribute("form") TestBenchFormData form, BindingResult result,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		access.requireManage();
		Channel channel;
		try {
			channel = Channel.valueOf(form.getChannel() == null ? "" : form.getChannel());
		}
		catch (IllegalArgumentException ex) {
			result.rejectValue("channel", "validation.required");
			channel = Channel.CHAT;
		}
		Classification level = null;
		try {
			level = classification.parseOffered(form.getClassification(), "classification");
		}
		catch (BusinessRuleException ex) {
			result.rejectValue("classification", ex.messageCode(), ex.arguments(), ex.messageCode());
		}
		List<InspectionRequest.Recipient> recipients = new ArrayList<>();
		lines(form.getInternalRecipients()).forEach(a -> recipients.add(new InspectionRequest.Recipient(a, null, false)));
		lines(form.getExternalRecipients()).forEach(a -> recipients.add(new InspectionRequest.Recipient(a, null, true)));
		String text = form.getText() == null ? "" : form.getText();
		if (!result.hasErrors()) {
			try {
				Long sender = CurrentUser.find().map(CommHubUser::employeeId).orElse(null);
				Decision decision = engine.inspect(new InspectionRequest(text, channel, sender, null, recipients,
						level, null, locale));
				model.addAttribute("declared", level);
				model.addAttribute("decision", decision);
				model.addAttribute("segments", Highlighting.segments(text, decision.findings()));
			}
			catch (BusinessRuleException ex) {
				result.rejectValue("text", ex.messageCode(), ex.arguments(), ex.messageCode());
			}
		}
		model.addAttribute("htmx", htmx != null);
		benchModel(model);
		return htmx != null ? TEST_BENCH_RESULT : TEST_BENCH;
	}

	private String benchModel(Model model) {
		model.addAttribute("channels", Channel.values());
		model.addAttribute("levels", classification.offered());
		return TEST_BENCH;
	}

	private static List<String> lines(String value) {
		return value == null ? List.of()
				: Arrays.stream(value.split("[\\r\\n,;]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	// ---- policies ----

	@GetMapping("/compliance/policies")
	String policies(Model model) {
		access.requireManage();
		PolicyFormData form = new PolicyFormData();
		form.setDefinition(NEW_POLICY);
		model.addAttribute("policyForm", form);
		return policiesModel(model);
	}

	private String policiesModel(Model model) {
		model.addAttribute("policies", policies.list());
		return POLICIES;
	}

	@PostMapping("/compliance/policies")
	String create(@ModelAttribute("policyForm") PolicyFormData form, BindingResult result, Model model) {
		access.requireManage();
		PolicyDefinition definition = parse(form, result);
		if (definition != null) {
			try {
				long id = policies.create(definition, true).id();
				return "redirect:/compliance/policies/" + id;
			}
			catch (BusinessRuleException ex) {
				result.rejectValue("definition", ex.messageCode(), ex.arguments(), ex.messageCode());
			}
		}
		return policiesModel(model);
	}

	@GetMapping("/compliance/policies/{id}")
	String policy(@PathVariable long id, Model model) {
		access.requireManage();
		PolicyService.PolicyDetail detail = policies.get(id);
		PolicyFormData form = new PolicyFormData();
		form.setDefinition(JSON.writeValueAsString(detail.policy().definition()));
		model.addAttribute("policyForm", form);
		return policyModel(detail, model);
	}

	private String policyModel(PolicyService.PolicyDetail detail, Model model) {
		model.addAttribute("detail", detail);
		model.addAttribute("json", JSON);
		return POLICY;
	}

	@PostMapping("/compliance/policies/{id}")
	String update(@PathVariable long id, @ModelAttribute("policyForm") PolicyFormData form, BindingResult result,
			Model model) {
		access.requireManage();
		PolicyDefinition definition = parse(form, result);
		if (definition != null) {
			try {
				policies.update(id, definition);
				return "redirect:/compliance/policies/" + id;
			}
			catch (BusinessRuleException ex) {
				result.rejectValue("definition", ex.messageCode(), ex.arguments(), ex.messageCode());
			}
		}
		return policyModel(policies.get(id), model);
	}

	@PostMapping("/compliance/policies/{id}/activate")
	String activate(@PathVariable long id) {
		access.requireManage();
		policies.setActive(id, true);
		return "redirect:/compliance/policies";
	}

	@PostMapping("/compliance/policies/{id}/deactivate")
	String deactivate(@PathVariable long id) {
		access.requireManage();
		policies.setActive(id, false);
		return "redirect:/compliance/policies";
	}

	@GetMapping("/compliance/policies/export.json")
	ResponseEntity<byte[]> export() {
		return download(Format.JSON);
	}

	@GetMapping("/compliance/policies/export.yaml")
	ResponseEntity<byte[]> exportYaml() {
		return download(Format.YAML);
	}

	private ResponseEntity<byte[]> download(Format format) {
		access.requireManage();
		byte[] body = PolicyDocuments.write(policies.export(), format).getBytes(StandardCharsets.UTF_8);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.mediaType() + ";charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("commhub-policies." + format.extension())
				.build()
				.toString())
			.body(body);
	}

	@PostMapping("/compliance/policies/import")
	String importPolicies(@RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		access.requireManage();
		try {
			if (file == null || file.isEmpty()) {
				throw BusinessRuleException.invalid("file", "compliance.import.empty");
			}
			String name = file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()
					? file.getOriginalFilename() : file.getContentType();
			PolicyExport export = PolicyDocuments.read(file.getBytes(), Format.of(name));
			PolicyService.ImportResult imported = policies.importPolicies(export);
			redirect.addFlashAttribute("imported", imported);
		}
		catch (BusinessRuleException ex) {
			redirect.addFlashAttribute("importError", ex.messageCode());
			redirect.addFlashAttribute("importErrorField", ex.field());
			redirect.addFlashAttribute("importErrorArg",
					ex.arguments().length == 0 ? "" : String.valueOf(ex.arguments()[0]));
		}
		catch (IOException ex) {
			redirect.addFlashAttribute("importError", "compliance.policy.definitionInvalid");
			redirect.addFlashAttribute("importErrorArg", shortMessage(ex));
		}
		return "redirect:/compliance/policies";
	}

	private static PolicyDefinition parse(PolicyFormData form, BindingResult result) {
		try {
			PolicyDefinition definition = JSON.readValue(form.getDefinition() == null ? "" : form.getDefinition(),
					PolicyDefinition.class);
			if (definition == null) {
				result.rejectValue("definition", "validation.required");
			}
			return definition;
		}
		catch (JacksonException ex) {
			result.rejectValue("definition", "compliance.policy.definitionInvalid", new Object[] { shortMessage(ex) },
					"compliance.policy.definitionInvalid");
			return null;
		}
	}

	private static String shortMessage(Exception ex) {
		String message = ex instanceof JacksonException jackson ? jackson.getOriginalMessage() : ex.getMessage();
		if (message == null) {
			return "";
		}
		return message.length() > 200 ? message.substring(0, 200) + "…" : message;
	}

	// ---- detectors and dictionaries ----

	@GetMapping("/compliance/detectors")
	String detectors(Model model) {
		access.requireManage();
		model.addAttribute("dictionaryForm", new DictionaryFormData());
		return detectorsModel(model);
	}

	private String detectorsModel(Model model) {
		model.addAttribute("detectors", engine.detectors());
		model.addAttribute("keywordsEnabled", engine.keywordsEnabled());
		model.addAttribute("categories", SensitiveCategory.values());
		model.addAttribute("dictionaries", dictionaries.list());
		model.addAttribute("actions", PolicyAction.values());
		return DETECTORS;
	}

	@PostMapping("/compliance/dictionaries")
	String saveDictionary(@ModelAttribute("dictionaryForm") DictionaryFormData form, BindingResult result,
			Model model) {
		access.requireManage();
		try {
			List<String> terms;
			MultipartFile file = form.getFile();
			if (file != null && !file.isEmpty()) {
				terms = DictionaryService.parseUpload(file.getOriginalFilename(), file.getInputStream());
			}
			else {
				terms = form.getTerms() == null ? List.of() : form.getTerms().lines().toList();
			}
			dictionaries.save(form.getCode(), form.getName(), form.getCategory(), terms);
			return "redirect:/compliance/detectors";
		}
		catch (BusinessRuleException ex) {
			String field = ex.field() == null || "file".equals(ex.field()) ? "terms" : ex.field();
			result.rejectValue(field, ex.messageCode(), ex.arguments(), ex.messageCode());
		}
		catch (IOException ex) {
			result.rejectValue("terms", "compliance.dictionary.unreadable");
		}
		return detectorsModel(model);
	}

	@PostMapping("/compliance/dictionaries/{id}/activate")
	String activateDictionary(@PathVariable long id) {
		access.requireManage();
		dictionaries.setActive(id, true);
		return "redirect:/compliance/detectors";
	}

	@PostMapping("/compliance/dictionaries/{id}/deactivate")
	String deactivateDictionary(@PathVariable long id) {
		access.requireManage();
		dictionaries.setActive(id, false);
		return "redirect:/compliance/detectors";
	}
}
