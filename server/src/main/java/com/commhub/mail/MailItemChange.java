package com.commhub.mail;

import java.util.List;

/**
 * Changes to one's own mailbox item; {@code null} fields stay as they are. {@code labelIds} replaces the item's
 * labels (the viewer's own labels only). {@code folder} moves it (a {@link MailFolder#key()}: INBOX, ARCHIVE, TRASH
 * or a custom folder; SENT and DRAFTS are not targets, and a sent mail's item cannot move into INBOX).
 */
public record MailItemChange(Boolean read, Boolean flagged, List<Long> labelIds, String folder) {
}
