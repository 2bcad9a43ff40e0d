package com.commhub.mail.web;

import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.commhub.mail.FolderView;
import com.commhub.mail.MailFolder;
import com.commhub.mail.MailItemChange;
import com.commhub.mail.MailManagement;
import com.commhub.mail.MailQueries;
import com.commhub.mail.MailSummary;
import com.commhub.mail.MailView;
import com.commhub.shared.FlashOutcome;

/**
 * The mailbox (MAIL-2): folders with unread counts, a folder's mail with per-row actions (flag, read, move, delete,
 * restore), custom folders, and the reading view with its actions. Every read and change goes through the mail
 * module's facades, which answer 404 for anything that is not the viewer's own mailbox item.
 */
@Controller
class MailController {

	static final String FOLDER = "mail/folder";
	static final String ITEM = "mail/item";
	static final int PAGE_SIZE = 20;
	/** Where an action may send the browser back to: a page of the mailbox, nothing else. */
	private static final Pattern BACK = Pattern.compile("/mail(/[A-Za-z0-9/_-]*)?(\\?[A-Za-z0-9=&_-]*)?");

	private final MailManagement mail;
	private final MailQueries queries;
	private final Clock clock;

	MailController(MailManagement mail, MailQueries queries, Clock clock) {
		this.mail = mail;
		this.queries = queries;
		this.clock = clock;
	}

	@GetMapping("/mail")
	String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
		return folder(MailFolder.INBOX.key(), page, model);
	}

	@GetMapping("/mail/folder/{folder}")
	String folder(@PathVariable String folder, @RequestParam(defaultValue = "0") int page, Model model) {
		if (Mailbox.missing()) {
			return Mailbox.NONE;
		}
		MailFolder current = MailFolder.parse(folder, "folder");
		var items = queries.folder(current, Math.max(page, 0), PAGE_SIZE);
		List<FolderView> folders = queries.folders();
		model.addAttribute("current", current);
		model.addAttribute("currentView", folders.stream().filter(f -> f.key().equals(current.key())).findFirst()
			.orElse(null));
		model.addAttribute("page", items);
		model.addAttribute("folders", folders);
		model.addAttribute("targets", items.items().stream().collect(Collectors.toMap(MailSummary::itemId,
				m -> moveTargets(folders, m.folder(), m.mine()), (x, y) -> x)));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("back", "/mail/folder/" + current.key() + (page > 0 ? "?page=" + page : ""));
		return FOLDER;
	}

	/** Opens a mail (marks it read, records a requested read receipt); a draft opens in the composer. */
	@GetMapping("/mail/{itemId:\\d+}")
	String item(@PathVariable long itemId, Model model) {
		MailView view = queries.item(itemId);
		if (view.folder().kind() == MailFolder.Kind.DRAFTS) {
			return "redirect:/mail/compose?draft=" + view.mailId();
		}
		view = mail.open(itemId);
		List<FolderView> folders = queries.folders();
		List<MailSummary> thread = queries.thread(itemId).stream().filter(s -> s.itemId() != itemId).toList();
		model.addAttribute("mail", view);
		model.addAttribute("thread", thread);
		model.addAttribute("folders", folders);
		model.addAttribute("targets", moveTargets(folders, view.folder(), view.mine()));
		model.addAttribute("labels", queries.labels());
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("back", "/mail/" + itemId);
		model.addAttribute("folderBack", "/mail/folder/" + view.folder().key());
		return ITEM;
	}

	@PostMapping("/mail/{itemId:\\d+}/flag")
	String flag(@PathVariable long itemId, @RequestParam boolean flagged, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.update(itemId, new MailItemChange(null, flagged, null, null)),
				flagged ? "mailui.done.flagged" : "mailui.done.unflagged", redirect, back(back, itemId));
	}

	@PostMapping("/mail/{itemId:\\d+}/read")
	String read(@PathVariable long itemId, @RequestParam boolean read, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.update(itemId, new MailItemChange(read, null, null, null)),
				read ? "mailui.done.read" : "mailui.done.unread", redirect, back(back, itemId));
	}

	@PostMapping("/mail/{itemId:\\d+}/move")
	String move(@PathVariable long itemId, @RequestParam String folder, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.update(itemId, new MailItemChange(null, null, null, folder)),
				"mailui.done.moved", redirect, back(back, itemId));
	}

	@PostMapping("/mail/{itemId:\\d+}/labels")
	String labels(@PathVariable long itemId, @RequestParam(required = false) List<Long> labelIds,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		List<Long> ids = labelIds == null ? List.of() : labelIds;
		return FlashOutcome.run(() -> mail.update(itemId, new MailItemChange(null, null, ids, null)),
				"mailui.done.labelled", redirect, back(back, itemId));
	}

	@PostMapping("/mail/{itemId:\\d+}/delete")
	String delete(@PathVariable long itemId, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.delete(itemId), "mailui.done.deleted", redirect,
				back(back == null || back.equals("/mail/" + itemId) ? "/mail" : back, itemId));
	}

	@PostMapping("/mail/{itemId:\\d+}/restore")
	String restore(@PathVariable long itemId, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.restore(itemId), "mailui.done.restored", redirect, back(back, itemId));
	}

	@PostMapping("/mail/folders")
	String createFolder(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.createFolder(name), "mailui.folder.created", redirect, "/mail");
	}

	@PostMapping("/mail/folders/{folderId:\\d+}/rename")
	String renameFolder(@PathVariable long folderId, @RequestParam(defaultValue = "") String name,
			RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.renameFolder(folderId, name), "mailui.folder.renamed", redirect,
				"/mail/folder/" + folderId);
	}

	@PostMapping("/mail/folders/{folderId:\\d+}/delete")
	String deleteFolder(@PathVariable long folderId, RedirectAttributes redirect) {
		return FlashOutcome.run(() -> mail.deleteFolder(folderId), "mailui.folder.deleted", redirect, "/mail");
	}

	/**
	 * The folders an item can be moved into from where it is: archive and custom folders, and inbox for received
	 * mail or sent for one's own (trash is "delete"; drafts never move).
	 */
	static List<FolderView> moveTargets(List<FolderView> folders, MailFolder from, boolean mine) {
		return folders.stream()
			.filter(f -> !f.key().equals(from.key()))
			.filter(f -> switch (f.folder().kind()) {
				case ARCHIVE, CUSTOM -> true;
				case INBOX -> !mine;
				case SENT -> mine;
				default -> false;
			})
			.toList();
	}

	static String back(String back, long itemId) {
		return back != null && BACK.matcher(back).matches() && !back.contains("//") ? back : "/mail/" + itemId;
	}
}
