package com.commhub.directory;

/** Project groups and cross-department working groups (DIR-5). */
public enum GroupKind {
	PROJECT, WORKING
}
