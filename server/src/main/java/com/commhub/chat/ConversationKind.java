package com.commhub.chat;

/** CHAT-1. Department channels and project groups take their members from the directory and keep them in sync. */
public enum ConversationKind {
	/** Two people; at most one per pair. */
	DIRECT,
	/** An ad-hoc group; its owners manage members and settings. */
	GROUP,
	/** One per department: everyone in the department and its sub-departments; the department head owns it. */
	DEPARTMENT,
	/** Linked to a directory group (project or working group): its members and owners. */
	PROJECT
}
