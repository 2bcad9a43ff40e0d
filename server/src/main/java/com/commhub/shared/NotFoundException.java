package com.commhub.shared;

/**
 * The object does not exist, or the current user may not see it: both answer 404 so that
 * nobody learns of objects they may not see.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}
}
