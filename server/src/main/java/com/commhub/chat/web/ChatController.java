package com.commhub.chat.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.BeanUtils;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.chat.ChatManagement;
import com.commhub.chat.ChatQueries;
import com.commhub.chat.ConversationKind;
import com.commhub.chat.ConversationPolicy;
import com.commhub.chat.ConversationSettings;
import com.commhub.chat.ConversationView;
import com.commhub.chat.MemberView;
import com.commhub.chat.MessageHit;
import com.commhub.chat.MessageSearch;
import com.commhub.chat.NewConversation;
import com.commhub.compliance.ClassificationDefaults;
import com.commhub.directory.DirectoryQueries;
import com.commhub.directory.EmployeeStatus;
import com.commhub.directory.EmployeeView;
import com.commhub.security.CurrentUser;
import com.commhub.shared.BusinessRuleException;
import com.commhub.shared.Classification;
import com.commhub.shared.FilteredSearch;
import com.commhub.shared.FlashOutcome;
import com.commhub.shared.PageResult;

import tools.jackson.databind.json.JsonMapper;

/**
 * The chat pages: the conversation list (/chat), a conversation (/chat/{id}) with its members and, for owners,
 * its settings, the new-conversation page, search, and the menu badge. A conversation page renders its shell here;
 * {@code static/js/chat.js} renders the messages from the same JSON the REST API serves (handed over in
 * {@code data-config}), posts through REST and follows the WebSocket with catch-up.
 */
@Controller
class ChatController {

	static final String LIST = "chat/list";
	static final String LIST_FRAGMENT = "chat/list :: conversations";
	static final String CONVERSATION = "chat/conversation";
	static final String NEW = "chat/new";
	static final String SEARCH = "chat/search";
	static final int FIRST_PAGE = 50;
	static final int SEARCH_PAGE = 20;
	static final int PICKER_SIZE = 2000;

	/** Texts chat.js needs, handed over in the page's language (keys {@code chat.js.<name>}). */
	static final List<String> SCRIPT_TEXTS = List.of("read", "readAll", "unread", "edited", "recalled", "openOnce",
			"consumed", "pending", "discarded", "quarantined", "replies", "reply", "react", "edit", "recall", "save",
			"cancel", "retryAfter", "blocked", "justificationRequired", "sendFailed", "uploadFailed", "uploading",
			"receiptsTitle", "receiptsRead", "receiptsUnread", "close", "threadTitle", "offline", "online",
			"recallConfirm", "expires", "download", "newMessages", "noMessages", "loadOlder", "you", "sent");

	private final ChatQueries chats;
	private final ChatManagement commands;
	private final DirectoryQueries directory;
	private final ClassificationDefaults classifications;
	private final MessageSource messages;
	private final JsonMapper json;
	private final Clock clock;

	ChatController(ChatQueries chats, ChatManagement commands, DirectoryQueries directory,
			ClassificationDefaults classifications, MessageSource messages, JsonMapper json, Clock clock) {
		this.chats = chats;
		this.commands = commands;
		this.directory = directory;
		this.classifications = classifications;
		this.messages = messages;
		this.json = json;
		this.clock = clock;
	}

	@InitBinder("form")
	void newConversationBinder(WebDataBinder binder) {
		binder.setAllowedFields("kind", "person", "title", "topic", "classification", "members", "directoryGroupId");
	}

	@InitBinder("settings")
	void settingsBinder(WebDataBinder binder) {
		binder.setAllowedFields("title", "topic", "classification", "postingPolicy", "invitePolicy");
	}

	@InitBinder("filter")
	void searchBinder(WebDataBinder binder) {
		binder.setAllowedFields("q", "person", "conversation", "from", "to", "attachments", "classification", "page");
	}

	@GetMapping("/chat")
	String list(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("conversations", chats.conversations());
		model.addAttribute("zone", clock.getZone());
		return htmx != null ? LIST_FRAGMENT : LIST;
	}

	/** The menu badge: the unread total as bare text, empty when there is nothing unread. */
	@GetMapping(path = "/chat/badge", produces = MediaType.TEXT_PLAIN_VALUE)
	@ResponseBody
	String badge() {
		long total = chats.unreadTotal();
		return total == 0 ? "" : Long.toString(total);
	}

	@GetMapping("/chat/{id:\\d+}")
	String conversation(@PathVariable long id, Model model) {
		ConversationView conversation = chats.conversation(id);
		List<MemberView> members = chats.members(id);
		model.addAttribute("conversation", conversation);
		model.addAttribute("members", members);
		model.addAttribute("me", CurrentUser.require().employeeId());
		model.addAttribute("settingsOpen", model.containsAttribute("settings"));
		if (!model.containsAttribute("settings")) {
			ConversationSettingsFormData settings = new ConversationSettingsFormData();
			settings.setTitle(conversation.title());
			settings.setTopic(conversation.topic());
			settings.setClassification(conversation.classification().name());
			settings.setPostingPolicy(conversation.postingPolicy().name());
			settings.setInvitePolicy(conversation.invitePolicy().name());
			model.addAttribute("settings", settings);
		}
		model.addAttribute("levels", classifications.offered());
		model.addAttribute("policies", ConversationPolicy.values());
		boolean group = conversation.kind() == ConversationKind.GROUP;
		model.addAttribute("group", group);
		if (group && conversation.mayInvite()) {
			Set<Long> memberIds = members.stream().map(MemberView::employeeId).collect(Collectors.toSet());
			model.addAttribute("candidates",
					employees().stream().filter(e -> !memberIds.contains(e.id())).toList());
		}
		model.addAttribute("config", json.writeValueAsString(config(conversation, members)));
		return CONVERSATION;
	}

	private Map<String, Object> config(ConversationView conversation, List<MemberView> members) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("conversationId", conversation.id());
		config.put("me", CurrentUser.require().employeeId());
		config.put("classification", conversation.classification().name());
		config.put("confidential", conversation.classification().confidential());
		config.put("mayPost", conversation.mayPost());
		config.put("zone", clock.getZone().getId());
		config.put("locale", "en".equals(locale.getLanguage()) ? "en" : "zh-CN");
		config.put("members", members.stream()
			.map(m -> Map.of("id", m.employeeId(), "name", m.name(), "no", m.employeeNo(), "readSeq", m.readSeq()))
			.toList());
		config.put("departments", directory.departmentTree(false)
			.stream()
			.map(d -> Map.of("id", d.id(), "name", d.name()))
			.toList());
		config.put("page", chats.messages(conversation.id(), null, FIRST_PAGE));
		Map<String, String> texts = new LinkedHashMap<>();
		for (String key : SCRIPT_TEXTS) {
			texts.put(key, messages.getMessage("chat.js." + key, null, locale));
		}
		config.put("texts", texts);
		return config;
	}

	@PostMapping("/chat/{id:\\d+}/settings")
	String updateSettings(@PathVariable long id, @ModelAttribute("settings") ConversationSettingsFormData settings,
			BindingResult result, Model model, RedirectAttributes redirect) {
		try {
			Classification level = classifications.parseOffered(settings.getClassification(), "classification");
			commands.updateSettings(id, new ConversationSettings(blankToNull(settings.getTitle()),
					settings.getTopic() == null ? null : settings.getTopic().strip(), level,
					policy(settings.getPostingPolicy(), "postingPolicy"),
					policy(settings.getInvitePolicy(), "invitePolicy")));
		}
		catch (BusinessRuleException ex) {
			reject(result, ex, ConversationSettingsFormData.class);
			return conversation(id, model);
		}
		redirect.addFlashAttribute("done", "chat.settings.saved");
		return "redirect:/chat/" + id;
	}

	@PostMapping("/chat/{id:\\d+}/members")
	String addMembers(@PathVariable long id, @RequestParam(name = "members", required = false) List<Long> members,
			RedirectAttributes redirect) {
		return FlashOutcome.run(() -> commands.addMembers(id, members == null ? List.of() : members),
				"chat.members.added", redirect, "/chat/" + id);
	}

	@PostMapping("/chat/{id:\\d+}/members/{employeeId}/remove")
	String removeMember(@PathVariable long id, @PathVariable long employeeId, RedirectAttributes redirect) {
		boolean self = Long.valueOf(employeeId).equals(CurrentUser.require().employeeId());
		return FlashOutcome.run(() -> commands.removeMember(id, employeeId),
				self ? "chat.members.left" : "chat.members.removed", redirect, self ? "/chat" : "/chat/" + id);
	}

	@PostMapping("/chat/{id:\\d+}/members/{employeeId}/owner")
	String setOwner(@PathVariable long id, @PathVariable long employeeId, @RequestParam boolean owner,
			RedirectAttributes redirect) {
		return FlashOutcome.run(() -> commands.setOwner(id, employeeId, owner), "chat.members.ownerChanged", redirect,
				"/chat/" + id);
	}

	@GetMapping("/chat/new")
	String newConversation(Model model) {
		return newView(new NewConversationFormData(), model);
	}

	@PostMapping("/chat/new")
	String create(@ModelAttribute("form") NewConversationFormData form, BindingResult result, Model model) {
		ConversationKind kind;
		try {
			kind = ConversationKind.valueOf(form.getKind());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			result.rejectValue("kind", "validation.badValue");
			return newView(form, model);
		}
		if (kind == ConversationKind.DEPARTMENT) {
			result.rejectValue("kind", "validation.badValue");
			return newView(form, model);
		}
		if (kind == ConversationKind.DIRECT && form.getPerson() == null) {
			result.rejectValue("person", "validation.required");
		}
		if (kind == ConversationKind.PROJECT && form.getDirectoryGroupId() == null) {
			result.rejectValue("directoryGroupId", "validation.required");
		}
		if (result.hasErrors()) {
			return newView(form, model);
		}
		try {
			Classification level = classifications.parseOffered(form.getClassification(), "classification");
			List<Long> members = switch (kind) {
				case DIRECT -> List.of(form.getPerson());
				case GROUP -> form.getMembers() == null ? List.of() : form.getMembers();
				default -> List.of();
			};
			ConversationView created = commands.create(new NewConversation(kind, blankToNull(form.getTitle()),
					blankToNull(form.getTopic()), level, members,
					kind == ConversationKind.PROJECT ? form.getDirectoryGroupId() : null, null, null));
			return "redirect:/chat/" + created.id();
		}
		catch (BusinessRuleException ex) {
			reject(result, ex, NewConversationFormData.class);
			return newView(form, model);
		}
	}

	private String newView(NewConversationFormData form, Model model) {
		model.addAttribute("form", form);
		Long me = CurrentUser.require().employeeId();
		model.addAttribute("employees", employees().stream().filter(e -> !Long.valueOf(e.id()).equals(me)).toList());
		model.addAttribute("directoryGroups", directory.groups().stream().filter(g -> g.active()).toList());
		model.addAttribute("levels", classifications.offered());
		return NEW;
	}

	@GetMapping("/chat/search")
	String search(@ModelAttribute("filter") ChatSearchFormData filter, BindingResult result, Model model) {
		PageResult<MessageHit> hits = new PageResult<>(List.of(), 0, SEARCH_PAGE, 0);
		boolean searched = filter.getQ() != null && !filter.getQ().isBlank();
		if (!result.hasErrors() && searched) {
			Classification level = null;
			if (filter.getClassification() != null && !filter.getClassification().isBlank()) {
				level = Classification.parse(filter.getClassification()).orElse(null);
				if (level == null) {
					result.rejectValue("classification", "validation.badValue");
				}
			}
			if (!result.hasErrors()) {
				MessageSearch search = new MessageSearch(filter.getQ().strip(), filter.getConversation(),
						filter.getPerson(), filter.getFrom(), filter.getTo(), filter.isAttachments() ? Boolean.TRUE : null,
						level);
				hits = FilteredSearch.run(() -> chats.search(search, Math.max(0, filter.getPage()), SEARCH_PAGE),
						result, "q", SEARCH_PAGE);
			}
		}
		model.addAttribute("hits", hits);
		model.addAttribute("searched", searched);
		model.addAttribute("conversations", chats.conversations());
		model.addAttribute("employees", employees());
		model.addAttribute("levels", classifications.offered());
		model.addAttribute("zone", clock.getZone());
		return SEARCH;
	}

	private List<EmployeeView> employees() {
		return new ArrayList<>(directory.searchEmployees(null, null, EmployeeStatus.ACTIVE, 0, PICKER_SIZE).items());
	}

	private static ConversationPolicy policy(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ConversationPolicy.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			throw BusinessRuleException.invalid(field, "validation.badValue");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static void reject(BindingResult result, BusinessRuleException ex, Class<?> form) {
		if (ex.field() != null && BeanUtils.getPropertyDescriptor(form, ex.field()) != null) {
			result.rejectValue(ex.field(), ex.messageCode(), ex.arguments(), ex.messageCode());
		}
		else {
			result.reject(ex.messageCode(), ex.arguments(), ex.messageCode());
		}
	}
}
