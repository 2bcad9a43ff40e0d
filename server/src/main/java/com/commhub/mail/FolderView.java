package com.commhub.mail;

/**
 * A folder of the viewer's mailbox with its counts. {@code name} is the custom folder's name, {@code null} for a
 * system folder (the UI shows the message {@code mail.folder.<KIND>}).
 */
public record FolderView(MailFolder folder, String key, String name, long total, long unread) {
}
